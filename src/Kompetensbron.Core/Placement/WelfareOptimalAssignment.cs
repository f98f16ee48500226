using Google.OrTools.Graph;

namespace Kompetensbron.Core.Placement;

/// <summary>
/// The assignment with the largest total quality within capacities, as a min-cost flow (OR-Tools
/// SimpleMinCostFlow, called MinCostFlow in .NET): source → applicant (1 seat), applicant → eligible wish
/// (cost −quality), place → sink (capacity), and source → sink at cost 0 so anyone may stay unplaced.
/// </summary>
internal static class WelfareOptimalAssignment
{
    public static int[] Solve(PlacementInstance instance)
    {
        var applicants = instance.ApplicantCount;
        var places = instance.PlaceCount;
        var start = instance.EligibleStart;
        var source = 0;
        var sink = applicants + places + 1;
        static int ApplicantNode(int a) => 1 + a;
        int PlaceNode(int p) => 1 + applicants + p;

        using var flow = new MinCostFlow(sink + 1, applicants + instance.WishPlace.Length + places + 1);
        var firstWishArc = -1;
        for (var w = 0; w < instance.WishPlace.Length; w++)
        {
            var arc = flow.AddArcWithCapacityAndUnitCost(
                ApplicantNode(instance.WishApplicant[w]), PlaceNode(instance.WishPlace[w]), 1, -instance.WishQuality[w]);
            if (w == 0)
            {
                firstWishArc = arc;
            }
        }

        long supply = 0;
        for (var a = 0; a < applicants; a++)
        {
            if (start[a + 1] > start[a])
            {
                flow.AddArcWithCapacityAndUnitCost(source, ApplicantNode(a), 1, 0);
                supply++;
            }
        }

        for (var p = 0; p < places; p++)
        {
            if (instance.Capacity[p] > 0)
            {
                flow.AddArcWithCapacityAndUnitCost(PlaceNode(p), sink, instance.Capacity[p], 0);
            }
        }

        flow.AddArcWithCapacityAndUnitCost(source, sink, supply, 0);
        flow.SetNodeSupply(source, supply);
        flow.SetNodeSupply(sink, -supply);

        var assigned = new int[applicants];
        Array.Fill(assigned, -1);
        if (supply == 0)
        {
            return assigned;
        }

        var status = flow.Solve();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"Min-cost flow ended with status {status}.");
        }

        for (var w = 0; w < instance.WishPlace.Length; w++)
        {
            if (flow.Flow(firstWishArc + w) > 0)
            {
                assigned[instance.WishApplicant[w]] = w;
            }
        }

        return assigned;
    }
}

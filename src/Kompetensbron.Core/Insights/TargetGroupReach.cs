using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Insights;

/// <summary>
/// Reach of one target group (null: profiles that stated none): how many of its profiles have at least one open need
/// within their commute. Which profiles have one is kept by the match index (decision 0010, "Reach").
/// </summary>
public sealed record TargetGroupReach(TargetGroup? Group, int Profiles, int Reached)
{
    public int NotReached => Profiles - Reached;

    public double Share => Profiles == 0 ? 0 : (double)Reached / Profiles;
}

/// <summary>Counts reach per target group in one pass over the profiles.</summary>
public static class ReachPerTargetGroup
{
    /// <summary>One row per target group, then the profiles without one; every row even when empty, so tables keep their shape.</summary>
    public static IReadOnlyList<TargetGroupReach> Count(IEnumerable<SupplyProfile> profiles, IReadOnlySet<int> reachable, InsightsFilter filter)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(reachable);
        ArgumentNullException.ThrowIfNull(filter);
        var groups = Enum.GetValues<TargetGroup>();
        var counts = new (int Profiles, int Reached)[groups.Length + 1];
        foreach (var profile in profiles)
        {
            if (filter.Includes(profile.MunicipalityCode))
            {
                ref var row = ref counts[profile.TargetGroup is { } group ? (int)group : groups.Length];
                row.Profiles++;
                row.Reached += reachable.Contains(profile.ProfileId) ? 1 : 0;
            }
        }

        return [.. groups.Select(g => new TargetGroupReach(g, counts[(int)g].Profiles, counts[(int)g].Reached)),
            new TargetGroupReach(null, counts[groups.Length].Profiles, counts[groups.Length].Reached)];
    }
}

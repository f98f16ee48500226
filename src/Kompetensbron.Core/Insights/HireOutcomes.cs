namespace Kompetensbron.Core.Insights;

/// <summary>A hire recorded in the employer pipeline (an invitation marked hired), placed where the need's work is.</summary>
public sealed record Hire(string Ssyk4Id, string MunicipalityCode);

/// <summary>Recorded hires in one occupation group (SSYK-4).</summary>
public sealed record OccupationHires(string Ssyk4Id, int Hires);

/// <summary>Outcomes of the employer pipeline: hires per occupation group, most hires first.</summary>
public static class HireOutcomes
{
    public static IReadOnlyList<OccupationHires> PerOccupation(IEnumerable<Hire> hires, InsightsFilter filter)
    {
        ArgumentNullException.ThrowIfNull(hires);
        ArgumentNullException.ThrowIfNull(filter);
        return hires
            .Where(h => filter.Includes(h.MunicipalityCode) && filter.IncludesOccupation(h.Ssyk4Id))
            .GroupBy(h => h.Ssyk4Id, StringComparer.Ordinal)
            .Select(g => new OccupationHires(g.Key, g.Count()))
            .OrderByDescending(o => o.Hires).ThenBy(o => o.Ssyk4Id, StringComparer.Ordinal)
            .ToList();
    }
}

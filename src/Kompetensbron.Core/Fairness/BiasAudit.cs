using Kompetensbron.Core.Insights;
using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Fairness;

/// <summary>
/// One candidate in the audit: the self-declared fields (optional, null = not stated), the best match score the
/// person gets against any open need (0 when none matches), and in how many needs' top k the person is.
/// </summary>
public sealed record BiasSubject(Gender? Gender, TargetGroup? TargetGroup, int BestScore, int TopKAppearances);

/// <summary>Which self-declared field a table compares.</summary>
public enum BiasDimension
{
    Gender,
    TargetGroup,
}

/// <summary>
/// One group's figures; everything except <see cref="Count"/> is null when the group is suppressed (fewer than
/// <see cref="PublishedCount.Threshold"/> people), so no individual can be singled out. A group shown but under
/// <see cref="BiasAudit.MinimumComparedGroup"/> people is <see cref="TooFewToJudge"/>: figures, but no ratios and no flag.
/// </summary>
/// <param name="Key">The enum member's name, or <c>null</c> for "not stated".</param>
/// <param name="Count">Shown through <see cref="PublishedCount.Format"/>.</param>
/// <param name="Suppressed">Fewer than 5 people: no figures.</param>
/// <param name="MeanScore">Mean of the members' best scores.</param>
/// <param name="MedianScore">Median of the members' best scores.</param>
/// <param name="P90Score">90th percentile (nearest rank) of the members' best scores.</param>
/// <param name="SelectionRate">Share of the group that is in at least one need's top k.</param>
/// <param name="TopKShare">The group's share of all top-k places.</param>
/// <param name="PoolShare">The group's share of all candidates.</param>
/// <param name="ImpactRatio">Selection rate ÷ the reference group's selection rate (the four-fifths rule compares this to 0.8).</param>
/// <param name="ScoreRatio">Mean best score ÷ the reference group's mean.</param>
/// <param name="Flagged">Impact ratio or score ratio below 1 − threshold.</param>
/// <param name="TooFewToJudge">Shown, but too few people (under <see cref="BiasAudit.MinimumComparedGroup"/>) to compare or be compared with.</param>
public sealed record BiasGroup(
    string? Key,
    int Count,
    bool Suppressed,
    double? MeanScore,
    double? MedianScore,
    double? P90Score,
    double? SelectionRate,
    double? TopKShare,
    double? PoolShare,
    double? ImpactRatio,
    double? ScoreRatio,
    bool Flagged,
    bool TooFewToJudge = false)
{
    public string PublishedCount => Insights.PublishedCount.Format(Count);
}

/// <summary>
/// The groups of one dimension, the group the others were compared with (<see cref="Reference"/>; null when no group
/// has <see cref="BiasAudit.MinimumComparedGroup"/> people, and then nothing is compared) and whether any is flagged.
/// </summary>
public sealed record BiasTable(BiasDimension Dimension, IReadOnlyList<BiasGroup> Groups, BiasGroup? Reference)
{
    public bool Flagged => Groups.Any(g => g.Flagged);
}

/// <summary>The whole audit: the settings it ran with and one table per dimension.</summary>
public sealed record BiasReport(int Candidates, int Needs, int K, double Threshold, IReadOnlyList<BiasTable> Tables)
{
    public bool Flagged => Tables.Any(t => t.Flagged);
}

/// <summary>
/// The bias check (docs/decisions/0021-bias-check.md): compares, per gender and per target group, the distribution
/// of candidates' best match scores (mean, median, 90th percentile) and how often they reach the top k of a need.
/// The self-declared fields are used here only, in aggregate; matching never reads them. The reference is the
/// largest group with at least <see cref="MinimumComparedGroup"/> people (a small group's figures are noise, and a
/// handful of high scorers must not make everyone else look biased); a group is flagged when its selection rate or
/// its mean score is below (1 − threshold) of the reference's: with the default 0.2 that is the four-fifths rule.
/// Groups under 5 people are shown as "&lt;5", without figures; groups under 30 are shown as too few to judge. Neither
/// takes part in the comparison.
/// </summary>
public static class BiasAudit
{
    public const double DefaultThreshold = 0.2;
    public const int DefaultK = 10;

    /// <summary>The fewest people a group needs to be compared, or to be the reference.</summary>
    public const int MinimumComparedGroup = 30;

    public static BiasReport Compute(IReadOnlyList<BiasSubject> subjects, int needs, int k, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1);
        var tables = new[]
        {
            Table(BiasDimension.Gender, subjects, s => s.Gender?.ToString(), Enum.GetNames<Gender>(), threshold),
            Table(BiasDimension.TargetGroup, subjects, s => s.TargetGroup?.ToString(), Enum.GetNames<TargetGroup>(), threshold),
        };
        return new BiasReport(subjects.Count, needs, k, threshold, tables);
    }

    /// <summary>The value below which 90 % of the sorted values lie (nearest rank: the ⌈0.9·n⌉-th value).</summary>
    public static double Percentile(IReadOnlyList<int> sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    /// <summary>The middle value, or the mean of the two middle values.</summary>
    public static double Median(IReadOnlyList<int> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return 0;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    private static BiasTable Table(
        BiasDimension dimension, IReadOnlyList<BiasSubject> subjects, Func<BiasSubject, string?> keyOf, string[] keys, double threshold)
    {
        var totalPlaces = subjects.Sum(s => s.TopKAppearances);
        var groups = keys.Cast<string?>().Append(null)
            .Select(key => Figures(key, subjects.Where(s => keyOf(s) == key).ToList(), subjects.Count, totalPlaces))
            .ToList();

        // The largest group big enough to judge; a tie goes to the group listed first (the enum's order).
        var reference = groups.Where(g => g.Count >= MinimumComparedGroup).OrderByDescending(g => g.Count).FirstOrDefault();
        var floor = 1 - threshold;
        var judged = groups.Select(g =>
        {
            if (g.Suppressed || g.Count == 0)
            {
                return g;
            }

            if (g.Count < MinimumComparedGroup)
            {
                return g with { TooFewToJudge = true };
            }

            // A group this large exists, so there is a reference (it may be this group itself: ratios 1).
            var bestRate = reference!.SelectionRate!.Value;
            var bestMean = reference.MeanScore!.Value;
            double? impact = bestRate > 0 ? g.SelectionRate!.Value / bestRate : null;
            double? scoreRatio = bestMean > 0 ? g.MeanScore!.Value / bestMean : null;
            return g with
            {
                ImpactRatio = impact,
                ScoreRatio = scoreRatio,
                Flagged = impact < floor || scoreRatio < floor,
            };
        }).ToList();
        return new BiasTable(dimension, judged, reference is null ? null : judged.Single(g => g.Key == reference.Key));
    }

    private static BiasGroup Figures(string? key, List<BiasSubject> members, int candidates, int totalPlaces)
    {
        if (members.Count == 0 || PublishedCount.IsSuppressed(members.Count))
        {
            return new BiasGroup(key, members.Count, members.Count > 0, null, null, null, null, null, null, null, null, false);
        }

        var scores = members.Select(m => m.BestScore).Order().ToList();
        return new BiasGroup(
            key,
            members.Count,
            Suppressed: false,
            MeanScore: scores.Average(),
            MedianScore: Median(scores),
            P90Score: Percentile(scores, 0.9),
            SelectionRate: (double)members.Count(m => m.TopKAppearances > 0) / members.Count,
            TopKShare: totalPlaces > 0 ? (double)members.Sum(m => m.TopKAppearances) / totalPlaces : null,
            PoolShare: (double)members.Count / candidates,
            ImpactRatio: null,
            ScoreRatio: null,
            Flagged: false);
    }
}

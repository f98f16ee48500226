namespace Kompetensbron.Core.Gaps;

/// <summary>A programme as the planner sees it: what it teaches, how long it is, when it starts, seats, and whether its place is in reach.</summary>
public sealed record PathProgramme(
    int Id,
    string Title,
    IReadOnlyList<string> SkillIds,
    int LengthWeeks,
    IReadOnlyList<DateOnly> StartDates,
    int Seats,
    bool InReach);

/// <summary>One programme of a path, with the dates the person would take it and the missing skills it teaches.</summary>
public sealed record PathStep(PathProgramme Programme, DateOnly Start, DateOnly End, IReadOnlyList<string> Teaches);

/// <summary>How the path was chosen: exactly (smallest total weeks) or greedily (within ln(n)+1 of the smallest).</summary>
public enum PathMethod
{
    Exact,
    Greedy,
}

/// <summary>
/// A learning path: the programmes that together teach every missing skill some programme in reach teaches,
/// in the fewest total weeks; and the missing skills no programme in reach teaches.
/// </summary>
public sealed record LearningPath(
    IReadOnlyList<string> Missing,
    IReadOnlyList<PathStep> Steps,
    IReadOnlyList<string> NotTaught,
    int TotalWeeks,
    DateOnly ReadyBy,
    PathMethod Method);

/// <summary>The skill gap between what a person has and what a target asks for.</summary>
public static class SkillGap
{
    /// <summary>The target's skills the person lacks, in the target's order, without duplicates.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> has, IEnumerable<string> target)
    {
        var owned = has.ToHashSet(StringComparer.Ordinal);
        return target.Where(owned.Add).ToList();
    }
}

/// <summary>Weighted set cover of the missing skills by programmes (decision 0014).</summary>
public static class LearningPathPlanner
{
    /// <summary>Up to this many coverable skills the cover is exact (dynamic programming over subsets).</summary>
    public const int ExactLimit = 18;

    // Each programme also costs one "tick", far below a week, so ties go to the path with fewer programmes
    // and every programme of an optimal path is needed.
    private const long WeekCost = 1 << 12;

    public static LearningPath Plan(IEnumerable<string> missing, IEnumerable<PathProgramme> programmes, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(programmes);
        var missingList = missing.Distinct(StringComparer.Ordinal).ToList();
        var wanted = missingList.ToHashSet(StringComparer.Ordinal);

        var usable = programmes
            .Where(p => p.InReach && p.Seats > 0 && p.LengthWeeks >= 0 && FirstStart(p, today) is not null)
            .Select(p => (Programme: p, Teaches: p.SkillIds.Where(wanted.Contains).Distinct(StringComparer.Ordinal).ToList()))
            .Where(p => p.Teaches.Count > 0)
            .OrderBy(p => p.Programme.Id)
            .ToList();

        var coverable = missingList.Where(s => usable.Any(p => p.Teaches.Contains(s, StringComparer.Ordinal))).ToList();
        var notTaught = missingList.Except(coverable, StringComparer.Ordinal).ToList();
        var bit = coverable.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);
        var sets = usable.Select(p => new SkillSet(p.Teaches.Select(s => bit[s]))).ToList();
        var costs = usable.Select(p => (p.Programme.LengthWeeks * WeekCost) + 1).ToList();

        var method = coverable.Count <= ExactLimit ? PathMethod.Exact : PathMethod.Greedy;
        var chosen = coverable.Count == 0 ? []
            : method == PathMethod.Exact ? Exact(sets, costs, coverable.Count)
            : Greedy(sets, costs, coverable.Count);
        chosen = WithoutRedundant(chosen, sets, costs, coverable.Count);

        var steps = Schedule(chosen.Select(i => usable[i]).ToList(), today);
        return new LearningPath(
            missingList,
            steps,
            notTaught,
            steps.Sum(s => s.Programme.LengthWeeks),
            steps.Count == 0 ? today : steps.Max(s => s.End),
            method);
    }

    /// <summary>The first start on or after <paramref name="from"/>; <paramref name="from"/> itself for continuous intake; null when all starts have passed.</summary>
    public static DateOnly? FirstStart(PathProgramme programme, DateOnly from)
    {
        ArgumentNullException.ThrowIfNull(programme);
        if (programme.StartDates.Count == 0)
        {
            return from;
        }

        DateOnly? first = null;
        foreach (var date in programme.StartDates)
        {
            if (date >= from && (first is null || date < first))
            {
                first = date;
            }
        }

        return first;
    }

    private static List<int> Exact(List<SkillSet> sets, List<long> costs, int n)
    {
        var full = (1 << n) - 1;
        var best = new long[full + 1];
        var via = new int[full + 1];
        var from = new int[full + 1];
        Array.Fill(best, long.MaxValue);
        best[0] = 0;
        var masks = sets.Select(s => s.Mask).ToArray();
        for (var mask = 0; mask <= full; mask++)
        {
            if (best[mask] == long.MaxValue)
            {
                continue;
            }

            for (var p = 0; p < masks.Length; p++)
            {
                var next = mask | masks[p];
                if (next != mask && best[mask] + costs[p] < best[next])
                {
                    best[next] = best[mask] + costs[p];
                    via[next] = p;
                    from[next] = mask;
                }
            }
        }

        var chosen = new List<int>();
        for (var mask = full; mask != 0; mask = from[mask])
        {
            chosen.Add(via[mask]);
        }

        return chosen;
    }

    private static List<int> Greedy(List<SkillSet> sets, List<long> costs, int n)
    {
        var covered = new bool[n];
        var left = n;
        var chosen = new List<int>();
        while (left > 0)
        {
            var bestIndex = -1;
            var bestRatio = double.MaxValue;
            for (var p = 0; p < sets.Count; p++)
            {
                var gain = sets[p].Bits.Count(b => !covered[b]);
                if (gain > 0 && (double)costs[p] / gain < bestRatio)
                {
                    bestRatio = (double)costs[p] / gain;
                    bestIndex = p;
                }
            }

            chosen.Add(bestIndex);
            foreach (var b in sets[bestIndex].Bits.Where(b => !covered[b]))
            {
                covered[b] = true;
                left--;
            }
        }

        return chosen;
    }

    // Drops programmes whose skills the others already teach, the longest first.
    private static List<int> WithoutRedundant(List<int> chosen, List<SkillSet> sets, List<long> costs, int n)
    {
        var kept = chosen.Distinct().ToList();
        foreach (var p in kept.OrderByDescending(p => costs[p]).ToList())
        {
            var counts = new int[n];
            foreach (var q in kept.Where(q => q != p))
            {
                foreach (var b in sets[q].Bits)
                {
                    counts[b]++;
                }
            }

            if (sets[p].Bits.All(b => counts[b] > 0))
            {
                kept.Remove(p);
            }
        }

        return kept;
    }

    // One programme after another, each at its first start after the previous one ends; when none is left
    // the programme runs alongside, from its first start after today.
    private static List<PathStep> Schedule(List<(PathProgramme Programme, List<string> Teaches)> chosen, DateOnly today)
    {
        var steps = new List<PathStep>();
        var cursor = today;
        foreach (var (programme, teaches) in chosen.OrderBy(c => FirstStart(c.Programme, today)).ThenBy(c => c.Programme.Id))
        {
            var start = FirstStart(programme, cursor) ?? FirstStart(programme, today)!.Value;
            var end = start.AddDays(programme.LengthWeeks * 7);
            steps.Add(new PathStep(programme, start, end, teaches));
            cursor = end > cursor ? end : cursor;
        }

        return steps;
    }

    private sealed class SkillSet(IEnumerable<int> bits)
    {
        public int[] Bits { get; } = bits.Distinct().Order().ToArray();

        public int Mask => Bits.Aggregate(0, (m, b) => m | (1 << b));
    }
}

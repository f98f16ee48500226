using FsCheck.Xunit;
using Kompetensbron.Core.Gaps;

namespace Kompetensbron.Core.Tests.Gaps;

public sealed class LearningPathTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    /// <summary>A random small instance: up to 10 missing skills, up to 8 programmes, some out of reach, full or past.</summary>
    private static (List<string> Missing, List<PathProgramme> Programmes) Instance(int seed, int skills = 10)
    {
        var random = new Random(seed);
        var missing = Enumerable.Range(0, random.Next(0, skills + 1)).Select(i => $"s{i}").ToList();
        var pool = missing.Concat(["other1", "other2"]).ToList();
        var programmes = Enumerable.Range(1, random.Next(0, 9)).Select(id => new PathProgramme(
            id,
            $"P{id}",
            pool.Where(_ => random.NextDouble() < 0.3).ToList(),
            random.Next(1, 40),
            random.NextDouble() < 0.3 ? [] : [Today.AddDays(random.Next(-60, 200)), Today.AddDays(random.Next(-60, 400))],
            random.NextDouble() < 0.1 ? 0 : random.Next(1, 30),
            random.NextDouble() < 0.85)).ToList();
        return (missing, programmes);
    }

    private static HashSet<string> Coverable(List<string> missing, List<PathProgramme> programmes) =>
        programmes.Where(p => p.InReach && p.Seats > 0 && LearningPathPlanner.FirstStart(p, Today) is not null)
            .SelectMany(p => p.SkillIds).Intersect(missing).ToHashSet();

    [Property(MaxTest = 300)]
    public void The_path_covers_every_coverable_skill_and_names_the_rest(int seed)
    {
        var (missing, programmes) = Instance(seed);
        var path = LearningPathPlanner.Plan(missing, programmes, Today);

        var coverable = Coverable(missing, programmes);
        var taught = path.Steps.SelectMany(s => s.Programme.SkillIds).ToHashSet();
        Assert.Subset(taught, coverable);
        Assert.Equal(missing.Except(coverable).Order(), path.NotTaught.Order());
        Assert.All(path.Steps, s => Assert.True(s.Programme.InReach && s.Programme.Seats > 0 && s.Start >= Today));
        Assert.All(path.Steps, s => Assert.True(s.Programme.StartDates.Count == 0 || s.Programme.StartDates.Contains(s.Start)));
    }

    [Property(MaxTest = 300)]
    public void Removing_any_chosen_programme_loses_coverage(int seed)
    {
        var (missing, programmes) = Instance(seed);
        var path = LearningPathPlanner.Plan(missing, programmes, Today);
        var coverable = Coverable(missing, programmes);

        foreach (var step in path.Steps)
        {
            var rest = path.Steps.Where(s => s != step).SelectMany(s => s.Programme.SkillIds).ToHashSet();
            Assert.False(coverable.IsSubsetOf(rest), $"{step.Programme.Title} is not needed");
        }
    }

    [Property(MaxTest = 200)]
    public void The_exact_path_is_no_longer_than_any_other_cover(int seed)
    {
        var (missing, programmes) = Instance(seed, skills: 6);
        var path = LearningPathPlanner.Plan(missing, programmes, Today);
        var coverable = Coverable(missing, programmes);
        var usable = programmes.Where(p => p.InReach && p.Seats > 0 && LearningPathPlanner.FirstStart(p, Today) is not null).ToList();

        var best = int.MaxValue;
        for (var subset = 0; subset < 1 << usable.Count; subset++)
        {
            var picked = usable.Where((_, i) => (subset & (1 << i)) != 0).ToList();
            if (coverable.IsSubsetOf(picked.SelectMany(p => p.SkillIds)))
            {
                best = Math.Min(best, picked.Sum(p => p.LengthWeeks));
            }
        }

        Assert.Equal(PathMethod.Exact, path.Method);
        Assert.Equal(best, path.TotalWeeks);
    }

    [Fact]
    public void Prefers_one_long_programme_to_two_that_take_longer_together_and_says_when_the_person_is_ready()
    {
        var programmes = new List<PathProgramme>
        {
            new(1, "Svetsgrund", ["tig", "mig"], 10, [new(2027, 1, 11)], 12, true),
            new(2, "CNC", ["cnc"], 12, [new(2027, 1, 11), new(2027, 8, 16)], 12, true),
            new(3, "Allt i ett", ["tig", "mig", "cnc"], 20, [new(2027, 1, 11)], 12, true),
            new(4, "Långt bort", ["truck"], 2, [], 5, false),
        };

        var path = LearningPathPlanner.Plan(["tig", "mig", "cnc", "truck"], programmes, Today);

        Assert.Equal([3], path.Steps.Select(s => s.Programme.Id));
        Assert.Equal(20, path.TotalWeeks);
        Assert.Equal(new DateOnly(2027, 1, 11).AddDays(140), path.ReadyBy);
        Assert.Equal(["truck"], path.NotTaught);
    }

    [Fact]
    public void Takes_programmes_one_after_another()
    {
        var programmes = new List<PathProgramme>
        {
            new(1, "A", ["a"], 4, [new(2027, 1, 4), new(2027, 3, 1)], 5, true),
            new(2, "B", ["b"], 4, [new(2027, 1, 11), new(2027, 2, 8)], 5, true),
        };

        var path = LearningPathPlanner.Plan(["a", "b"], programmes, Today);

        Assert.Equal(new DateOnly(2027, 1, 4), path.Steps[0].Start);
        Assert.Equal(new DateOnly(2027, 2, 8), path.Steps[1].Start);
        Assert.Equal(new DateOnly(2027, 3, 8), path.ReadyBy);
    }

    [Fact]
    public void The_gap_is_what_the_target_asks_for_that_the_person_lacks() =>
        Assert.Equal(["b", "c"], SkillGap.Missing(["a", "x"], ["a", "b", "c", "b"]));

    [Fact]
    public void Typical_skills_put_the_core_of_the_work_first_and_fall_back_to_the_taxonomy()
    {
        Assert.Equal("Svarvning, CNC", TypicalSkills.For(ReferenceData.Taxonomy, "9haD_NB6_ULH", 3)[0].Label);
        var other = ReferenceData.Taxonomy.Occupations.First(o => ReferenceData.Taxonomy.SkillsForOccupation(o.Id).Count > 2
            && o.Id != "9haD_NB6_ULH" && !Kompetensbron.Core.Demo.DemoCatalogue.IndustryOccupations.Concat(Kompetensbron.Core.Demo.DemoCatalogue.OtherOccupations).Any(d => d.Id == o.Id));
        Assert.Equal(ReferenceData.Taxonomy.SkillsForOccupation(other.Id).Take(2), TypicalSkills.For(ReferenceData.Taxonomy, other.Id, 2));
    }
}

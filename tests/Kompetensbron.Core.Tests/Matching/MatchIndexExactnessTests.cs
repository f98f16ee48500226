using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kompetensbron.Core.Matching;

namespace Kompetensbron.Core.Tests.Matching;

/// <summary>The index returns exactly what brute force returns (ids, scores, tie order), and explanations add up.</summary>
public class MatchIndexExactnessTests
{
    private static MatchModel Model => MatchWorld.Model.Value;

    [Property(MaxTest = 60)]
    public Property Needs_for_each_profile_equal_brute_force(int seed) => Prop.ToProperty(AllProfilesAgree(seed));

    [Property(MaxTest = 60)]
    public Property Profiles_for_each_need_equal_brute_force(int seed) => Prop.ToProperty(AllNeedsAgree(seed));

    [Property(MaxTest = 40)]
    public Property Every_ranked_score_is_the_sum_of_its_explained_components(int seed)
    {
        var (needs, profiles) = MatchWorld.Generate(seed);
        using var index = MatchIndex.Build(Model, needs, profiles);
        var ok = profiles.All(p => index.NeedsForProfile(p.Id, 10).All(m =>
            index.Explain(m.NeedId, m.ProfileId) is { IsExcluded: false } e && e.Score == m.Score && e.Components.Total == m.Score))
            && needs.All(n => index.ProfilesForNeed(n.Id, 10).All(m =>
            index.Explain(m.NeedId, m.ProfileId, MatchPerspective.Employer) is { IsExcluded: false } e && e.Score == m.Score));
        return Prop.ToProperty(ok);
    }

    [Property(MaxTest = 40)]
    public Property Every_pair_is_either_ranked_or_has_a_stated_reason(int seed)
    {
        var (needs, profiles) = MatchWorld.Generate(seed, 12, 20);
        using var index = MatchIndex.Build(Model, needs, profiles);
        var ok = profiles.All(p =>
        {
            var ranked = index.NeedsForProfile(p.Id, needs.Count).Select(m => m.NeedId).ToHashSet();
            return needs.All(n => ranked.Contains(n.Id) != index.Explain(n.Id, p.Id)!.IsExcluded);
        });
        return Prop.ToProperty(ok);
    }

    [Property(MaxTest = 40)]
    public Property Incremental_updates_give_the_same_answers_as_a_fresh_build(int seed)
    {
        var random = new Random(seed);
        var (needs, profiles) = MatchWorld.Generate(seed);
        using var index = MatchIndex.Build(Model, needs.Take(needs.Count / 2).ToList(), profiles.Take(profiles.Count / 2).ToList());
        index.CompactionMinimumDead = 2;
        foreach (var need in needs.Skip(needs.Count / 2))
        {
            index.Upsert(need);
        }

        foreach (var profile in profiles.Skip(profiles.Count / 2))
        {
            index.Upsert(profile);
        }

        for (var i = 0; i < 10; i++)
        {
            var replacement = MatchWorld.Profile(random, profiles[random.Next(profiles.Count)].Id);
            profiles[profiles.FindIndex(p => p.Id == replacement.Id)] = replacement;
            index.Upsert(replacement);
            var needReplacement = MatchWorld.Need(random, needs[random.Next(needs.Count)].Id);
            needs[needs.FindIndex(n => n.Id == needReplacement.Id)] = needReplacement;
            index.Upsert(needReplacement);
        }

        foreach (var gone in profiles.Where(_ => random.NextDouble() < 0.2).ToList())
        {
            Assert.True(index.RemoveProfile(gone.Id));
            profiles.Remove(gone);
        }

        foreach (var gone in needs.Where(_ => random.NextDouble() < 0.2).ToList())
        {
            Assert.True(index.RemoveNeed(gone.Id));
            needs.Remove(gone);
        }

        using var fresh = MatchIndex.Build(Model, needs, profiles);
        var ok = index.NeedCount == needs.Count && index.ProfileCount == profiles.Count
            && profiles.All(p => index.NeedsForProfile(p.Id, 8).SequenceEqual(fresh.NeedsForProfile(p.Id, 8)))
            && needs.All(n => index.ProfilesForNeed(n.Id, 8).SequenceEqual(fresh.ProfilesForNeed(n.Id, 8)));
        return Prop.ToProperty(ok);
    }

    [Fact]
    public void Equal_scores_are_ordered_by_id()
    {
        var random = new Random(7);
        var need = MatchWorld.Need(random, 1) with { Skills = [new MatchNeedSkill(MatchWorld.TigWelding, true, 3)], Licences = [], MinimumSwedishLevel = null, StartDate = null };
        var person = MatchWorld.Profile(random, 1) with
        {
            Skills = [new MatchProfileSkill(MatchWorld.TigWelding, 3)], Location = need.Location, MaxCommuteMinutes = 60, AvailableFrom = null, IsVisibleToEmployers = true,
        };
        using var index = MatchIndex.Build(Model, [need], [person with { Id = 30 }, person with { Id = 10 }, person with { Id = 20 }]);

        var ranked = index.ProfilesForNeed(1, 3);

        Assert.Equal([10, 20, 30], ranked.Select(m => m.ProfileId));
        Assert.Single(ranked.Select(m => m.Score).Distinct());
    }

    private static bool AllProfilesAgree(int seed)
    {
        var random = new Random(seed);
        var (needs, profiles) = MatchWorld.Generate(seed);
        using var index = MatchIndex.Build(Model, needs, profiles);
        var brute = new BruteForceMatcher(index);
        return profiles.All(p =>
        {
            var k = random.Next(1, 12);
            var filter = MatchWorld.Filter(random);
            return index.NeedsForProfile(p.Id, k, filter).SequenceEqual(brute.NeedsForProfile(p.Id, k, filter));
        });
    }

    private static bool AllNeedsAgree(int seed)
    {
        var random = new Random(seed);
        var (needs, profiles) = MatchWorld.Generate(seed);
        using var index = MatchIndex.Build(Model, needs, profiles);
        var brute = new BruteForceMatcher(index);
        return needs.All(n =>
        {
            var k = random.Next(1, 25);
            return index.ProfilesForNeed(n.Id, k).SequenceEqual(brute.ProfilesForNeed(n.Id, k));
        });
    }
}

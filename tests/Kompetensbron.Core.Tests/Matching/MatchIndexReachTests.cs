using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kompetensbron.Core.Matching;

namespace Kompetensbron.Core.Tests.Matching;

/// <summary>Reach kept incrementally equals a brute-force check of every pair after any mix of changes.</summary>
public class MatchIndexReachTests
{
    private static MatchModel Model => MatchWorld.Model.Value;

    [Property(MaxTest = 40)]
    public Property Incremental_reach_equals_brute_force_after_random_upserts_and_removals(int seed)
    {
        var random = new Random(seed);
        var (needs, profiles) = MatchWorld.Generate(seed, 24, 40);
        using var index = MatchIndex.Build(Model, needs.Take(needs.Count / 2).ToList(), profiles.Take(profiles.Count / 2).ToList());
        index.CompactionMinimumDead = 2;
        index.TrackReach();
        var liveNeeds = needs.Take(needs.Count / 2).ToList();
        var liveProfiles = profiles.Take(profiles.Count / 2).ToList();
        var pendingNeeds = new Queue<MatchNeed>(needs.Skip(needs.Count / 2));
        var pendingProfiles = new Queue<MatchProfile>(profiles.Skip(profiles.Count / 2));
        var ok = Agrees(index, liveNeeds, liveProfiles);
        for (var step = 0; step < 60 && ok; step++)
        {
            switch (random.Next(6))
            {
                case 0 when pendingNeeds.Count > 0:
                    liveNeeds.Add(pendingNeeds.Peek());
                    index.Upsert(pendingNeeds.Dequeue());
                    break;
                case 1 when pendingProfiles.Count > 0:
                    liveProfiles.Add(pendingProfiles.Peek());
                    index.Upsert(pendingProfiles.Dequeue());
                    break;
                case 2 when liveNeeds.Count > 0:
                    var changed = MatchWorld.Need(random, liveNeeds[random.Next(liveNeeds.Count)].Id);
                    liveNeeds[liveNeeds.FindIndex(n => n.Id == changed.Id)] = changed;
                    index.Upsert(changed);
                    break;
                case 3 when liveProfiles.Count > 0:
                    var moved = MatchWorld.Profile(random, liveProfiles[random.Next(liveProfiles.Count)].Id);
                    liveProfiles[liveProfiles.FindIndex(p => p.Id == moved.Id)] = moved;
                    index.Upsert(moved);
                    break;
                case 4 when liveNeeds.Count > 0:
                    var closed = liveNeeds[random.Next(liveNeeds.Count)];
                    liveNeeds.Remove(closed);
                    ok &= index.RemoveNeed(closed.Id);
                    break;
                case 5 when liveProfiles.Count > 0:
                    var deleted = liveProfiles[random.Next(liveProfiles.Count)];
                    liveProfiles.Remove(deleted);
                    ok &= index.RemoveProfile(deleted.Id);
                    break;
            }

            ok &= Agrees(index, liveNeeds, liveProfiles);
        }

        using var fresh = MatchIndex.Build(Model, liveNeeds, liveProfiles);
        fresh.TrackReach();
        return Prop.ToProperty(ok && fresh.ReachableProfiles().SetEquals(index.ReachableProfiles()));
    }

    [Fact]
    public void Reach_follows_needs_that_open_change_and_close()
    {
        var random = new Random(3);
        var need = MatchWorld.Need(random, 1) with { Skills = [new MatchNeedSkill(MatchWorld.TigWelding, true, 3)], Licences = [], MinimumSwedishLevel = null, StartDate = null };
        var near = MatchWorld.Profile(random, 10) with
        {
            Skills = [new MatchProfileSkill(MatchWorld.TigWelding, 3)], Occupations = [], Licences = [], Location = need.Location, MaxCommuteMinutes = 60, AvailableFrom = null,
        };
        using var index = MatchIndex.Build(Model, [], [near, near with { Id = 11, Skills = [] }]);
        Assert.Throws<InvalidOperationException>(() => index.ReachableProfiles());
        index.TrackReach();
        Assert.Empty(index.ReachableProfiles());

        index.Upsert(need);
        Assert.Equal([10], index.ReachableProfiles());
        Assert.True(index.HasReach(10));
        Assert.False(index.HasReach(11));
        Assert.Equal(1, index.ReachWitness(10));

        // A second need, then the witness asks for a licence the person lacks: the other need takes over.
        index.Upsert(need with { Id = 2 });
        index.Upsert(need with { Licences = ["B"] });
        Assert.Equal(2, index.ReachWitness(10));

        index.RemoveNeed(2);
        Assert.Empty(index.ReachableProfiles());
        Assert.False(index.HasReach(10));
        Assert.Null(index.HasReach(99));

        // The person gets the licence: the remaining need reaches them again.
        index.Upsert(near with { Licences = ["B"] });
        Assert.Equal(1, index.ReachWitness(10));
        index.RemoveProfile(10);
        Assert.Empty(index.ReachableProfiles());
        Assert.Null(index.HasReach(10));
    }

    /// <summary>A profile is reached exactly when some need's pair is not excluded from the person's side, and its witness is such a need.</summary>
    private static bool Agrees(MatchIndex index, List<MatchNeed> needs, List<MatchProfile> profiles)
    {
        var reachable = index.ReachableProfiles();
        return profiles.All(p =>
        {
            var expected = needs.Any(n => index.Explain(n.Id, p.Id) is { IsExcluded: false });
            var witness = index.ReachWitness(p.Id);
            return index.HasReach(p.Id) == expected && reachable.Contains(p.Id) == expected
                && (witness is { } w ? index.Explain(w, p.Id) is { IsExcluded: false } : !expected);
        }) && reachable.All(id => profiles.Any(p => p.Id == id));
    }
}

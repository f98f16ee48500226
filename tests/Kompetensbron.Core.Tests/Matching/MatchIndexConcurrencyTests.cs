using Kompetensbron.Core.Matching;

namespace Kompetensbron.Core.Tests.Matching;

/// <summary>Reads stay consistent while updates run, and warm queries allocate nothing.</summary>
public class MatchIndexConcurrencyTests
{
    private static MatchModel Model => MatchWorld.Model.Value;

    [Fact]
    public async Task Queries_running_during_updates_always_see_a_consistent_ranking()
    {
        var random = new Random(11);
        var (needs, profiles) = MatchWorld.Generate(11, 30, 60);
        using var index = MatchIndex.Build(Model, needs, profiles);
        index.CompactionMinimumDead = 8;
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(r => Task.Run(() =>
        {
            var checkedRankings = 0;
            while (!stop.IsCancellationRequested || checkedRankings == 0)
            {
                for (var id = 1; id <= 60; id++)
                {
                    AssertRanked(index.NeedsForProfile(id, 8).Select(m => (m.Score, m.NeedId)).ToList());
                    AssertRanked(index.ProfilesForNeed(1 + (id % 30), 8).Select(m => (m.Score, m.ProfileId)).ToList());
                    checkedRankings++;
                }
            }

            return checkedRankings;
        })).ToArray();

        for (var i = 0; i < 300; i++)
        {
            var profile = MatchWorld.Profile(random, random.Next(1, 61));
            profiles.RemoveAll(p => p.Id == profile.Id);
            if (random.NextDouble() < 0.2)
            {
                index.RemoveProfile(profile.Id);
            }
            else
            {
                index.Upsert(profile);
                profiles.Add(profile);
            }

            var need = MatchWorld.Need(random, random.Next(1, 31));
            needs.RemoveAll(n => n.Id == need.Id);
            index.Upsert(need);
            needs.Add(need);
        }

        await stop.CancelAsync();
        Assert.All(await Task.WhenAll(readers), count => Assert.True(count > 0));

        using var fresh = MatchIndex.Build(Model, needs, profiles);
        Assert.All(profiles, p => Assert.Equal(fresh.NeedsForProfile(p.Id, 8), index.NeedsForProfile(p.Id, 8)));
        Assert.All(needs, n => Assert.Equal(fresh.ProfilesForNeed(n.Id, 8), index.ProfilesForNeed(n.Id, 8)));
    }

    [Fact]
    public void Warm_queries_allocate_nothing()
    {
        var (needs, profiles) = MatchWorld.Generate(5, 30, 60);
        using var index = MatchIndex.Build(Model, needs, profiles);
        var buffer = new MatchResult[10];
        var found = Run();

        var before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(found > 0);
        Assert.Equal(0, allocated);

        int Run()
        {
            var total = 0;
            foreach (var p in profiles)
            {
                total += index.NeedsForProfile(p.Id, NeedFilter.None, buffer);
            }

            foreach (var n in needs)
            {
                total += index.ProfilesForNeed(n.Id, buffer);
            }

            return total;
        }
    }

    private static void AssertRanked(List<(int Score, int Id)> ranking)
    {
        Assert.Equal(ranking.Count, ranking.Select(r => r.Id).Distinct().Count());
        Assert.Equal(ranking.OrderByDescending(r => r.Score).ThenBy(r => r.Id), ranking);
    }
}

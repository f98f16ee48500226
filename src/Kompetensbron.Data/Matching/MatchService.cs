using System.Diagnostics;
using Kompetensbron.Core.Matching;
using Kompetensbron.Data.ChangeLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Data.Matching;

/// <summary>A ranked match with its explanation and the explanation's sentences in Swedish and English.</summary>
public sealed record ExplainedMatch(MatchResult Match, MatchExplanation Explanation, IReadOnlyList<string> SentencesSv, IReadOnlyList<string> SentencesEn);

/// <summary>How the index was loaded: database read time, build time and what it holds.</summary>
public sealed record MatchIndexLoadReport(TimeSpan DatabaseLoadTime, TimeSpan BuildTime, int Needs, int Profiles, int NeedsWithoutPlace);

/// <summary>
/// The process's match index over the database (register as a singleton with <see cref="MatchingServiceCollectionExtensions.AddMatching"/>):
/// loaded on first use, answered from memory, kept current by <see cref="RefreshNeedAsync"/> and
/// <see cref="RefreshProfileAsync"/> after a need or profile changes. Thread-safe.
/// </summary>
public sealed class MatchService(MatchModel model, IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private MatchIndex? _index;
    private long _version;

    public MatchModel Model { get; } = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>Set once the index has been loaded.</summary>
    public MatchIndexLoadReport? LoadReport { get; private set; }

    /// <summary>Loads the index from the database unless already loaded (concurrent callers wait for one load).</summary>
    public async Task<MatchIndex> EnsureLoadedAsync(CancellationToken ct = default)
    {
        if (Volatile.Read(ref _index) is { } loaded)
        {
            return loaded;
        }

        await _loading.WaitAsync(ct);
        try
        {
            return _index ?? await BuildAsync(ct);
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>The best open needs for a person, explained to the person; empty when the profile does not exist.</summary>
    public async Task<IReadOnlyList<ExplainedMatch>> NeedsForProfileAsync(int profileId, NeedFilter? filter, int k, CancellationToken ct = default)
    {
        var index = await EnsureLoadedAsync(ct);
        return Explain(index, index.NeedsForProfile(profileId, k, filter), MatchPerspective.Person);
    }

    /// <summary>The best visible profiles for a need, explained to the employer; empty when the need is not open.</summary>
    public async Task<IReadOnlyList<ExplainedMatch>> ProfilesForNeedAsync(int needId, int k, CancellationToken ct = default)
    {
        var index = await EnsureLoadedAsync(ct);
        return Explain(index, index.ProfilesForNeed(needId, k), MatchPerspective.Employer);
    }

    /// <summary>One pair, ranked or not ("why is this need not shown?"); null when either is not in the index.</summary>
    public async Task<ExplainedMatch?> ExplainAsync(int needId, int profileId, MatchPerspective perspective, CancellationToken ct = default)
    {
        var index = await EnsureLoadedAsync(ct);
        return index.Explain(needId, profileId, perspective) is { } e
            ? WithSentences(new MatchResult(needId, profileId, e.Score), e, perspective)
            : null;
    }

    /// <summary>
    /// Ids of profiles with at least one open need within their commute (insights: reach per target group). The first
    /// call counts every profile once; from then on the index keeps the counts current on every refresh, so later
    /// calls only copy the set (docs/decisions/0010-insights-model.md).
    /// </summary>
    public async Task<IReadOnlySet<int>> ReachableProfilesAsync(CancellationToken ct = default)
    {
        var index = await EnsureLoadedAsync(ct);
        if (!index.TracksReach)
        {
            await Task.Run(index.TrackReach, ct);
        }

        return index.ReachableProfiles();
    }

    /// <summary>Re-reads one need after it changed: upserted when matchable, removed otherwise.</summary>
    public async Task RefreshNeedAsync(int needId, CancellationToken ct = default)
    {
        var index = await EnsureLoadedAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var need = await MatchIndexLoader.LoadNeedAsync(scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>(), needId, ct);
        if (need is null)
        {
            index.RemoveNeed(needId);
        }
        else
        {
            index.Upsert(need);
        }

        Interlocked.Increment(ref _version);
    }

    /// <summary>Re-reads one profile after it changed (or was deleted).</summary>
    public async Task RefreshProfileAsync(int profileId, CancellationToken ct = default)
    {
        var index = await EnsureLoadedAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var profile = await MatchIndexLoader.LoadProfileAsync(scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>(), profileId, Model.SwedishLanguageId, ct);
        if (profile is null)
        {
            index.RemoveProfile(profileId);
        }
        else
        {
            index.Upsert(profile);
        }

        Interlocked.Increment(ref _version);
    }

    /// <summary>
    /// Changes whenever the index changes (load, refresh, reload): answers computed at one version may be reused
    /// while it stays the same (the match API caches its lists by it).
    /// </summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>True once the index is in memory (the change follower has nothing to refresh before).</summary>
    public bool IsLoaded => Volatile.Read(ref _index) is not null;

    /// <summary>The newest change-sequence entry when the index was loaded (see <see cref="MatchChangeFollower"/>).</summary>
    public long LoadedAtChange { get; private set; }

    /// <summary>Rebuilds the whole index from the database and swaps it in (after more changes than are worth refreshing one by one).</summary>
    public async Task ReloadAsync(CancellationToken ct = default)
    {
        await _loading.WaitAsync(ct);
        try
        {
            // The old index is left to the garbage collector: a request may still be reading it.
            await BuildAsync(ct);
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Loads and builds the index and swaps it in; the caller holds <see cref="_loading"/>.</summary>
    private async Task<MatchIndex> BuildAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        // Read before the data: every change after this point is applied by MatchChangeFollower.
        LoadedAtChange = await ChangeSequence.LatestIdAsync(db, ct);
        var data = await MatchIndexLoader.LoadAsync(db, Model.SwedishLanguageId, ct);
        var clock = Stopwatch.StartNew();
        var index = MatchIndex.Build(Model, data.Needs, data.Profiles);
        LoadReport = new MatchIndexLoadReport(data.LoadTime, clock.Elapsed, data.Needs.Count, data.Profiles.Count, data.NeedsWithoutPlace);
        Volatile.Write(ref _index, index);
        Interlocked.Increment(ref _version);
        return index;
    }

    /// <summary>Re-reads every need of an organisation after the organisation or one of its sites changed.</summary>
    public async Task RefreshOrganisationAsync(int organisationId, CancellationToken ct = default)
    {
        List<int> needIds;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            needIds = await db.Needs.AsNoTracking().Where(n => n.OrganisationId == organisationId).Select(n => n.Id).ToListAsync(ct);
        }

        foreach (var needId in needIds)
        {
            await RefreshNeedAsync(needId, ct);
        }
    }

    public void Dispose()
    {
        _index?.Dispose();
        _loading.Dispose();
    }

    private ExplainedMatch[] Explain(MatchIndex index, IReadOnlyList<MatchResult> results, MatchPerspective perspective) =>
        results.Select(r => WithSentences(r, index.Explain(r.NeedId, r.ProfileId, perspective)!, perspective)).ToArray();

    private ExplainedMatch WithSentences(MatchResult result, MatchExplanation explanation, MatchPerspective perspective) =>
        new(result,
            explanation,
            MatchExplanationText.Sentences(explanation, Model.Taxonomy, MatchLanguage.Swedish, perspective),
            MatchExplanationText.Sentences(explanation, Model.Taxonomy, MatchLanguage.English, perspective));
}

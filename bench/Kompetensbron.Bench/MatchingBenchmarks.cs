using BenchmarkDotNet.Attributes;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Matching;
using Kompetensbron.Core.Matching.Scale;
using Kompetensbron.Core.Taxonomy;

namespace Kompetensbron.Bench;

/// <summary>
/// The matching engine's inner loops on generated national-style data (10,000 needs, 100,000 profiles): one pair
/// explained, and top-k in both directions, indexed and brute force. Run with --job short.
/// </summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private readonly MatchResult[] _top20 = new MatchResult[20];
    private readonly MatchResult[] _top50 = new MatchResult[50];
    private MatchIndex _index = null!;
    private BruteForceMatcher _brute = null!;
    private int[] _profileIds = [];
    private int[] _needIds = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var model = MatchModel.Create(TaxonomyModel.LoadEmbedded());
        var data = NationalScaleGenerator.Generate(model, GeographyModel.LoadEmbedded(), 10_000, 100_000, 42, new DateOnly(2026, 1, 15));
        _index = MatchIndex.Build(model, data.Needs, data.Profiles);
        _brute = new BruteForceMatcher(_index);
        var random = new Random(7);
        _profileIds = Enumerable.Range(0, 256).Select(_ => data.Profiles[random.Next(data.Profiles.Count)].Id).ToArray();
        _needIds = Enumerable.Range(0, 256).Select(_ => data.Needs[random.Next(data.Needs.Count)].Id).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();

    /// <summary>One pair through the scoring function with its full explanation.</summary>
    [Benchmark]
    public int ExplainOnePair() => _index.Explain(_needIds[Next()], _profileIds[_next])!.Score;

    [Benchmark]
    public int NeedsForProfileTop20() => _index.NeedsForProfile(_profileIds[Next()], NeedFilter.None, _top20);

    [Benchmark]
    public int ProfilesForNeedTop50() => _index.ProfilesForNeed(_needIds[Next()], _top50);

    [Benchmark]
    public int NeedsForProfileBruteForce() => _brute.NeedsForProfile(_profileIds[Next()], 20).Count;

    private int Next() => _next = (_next + 1) & 255;
}

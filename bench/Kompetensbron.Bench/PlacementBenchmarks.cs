using BenchmarkDotNet.Attributes;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Placement;

namespace Kompetensbron.Bench;

/// <summary>
/// A generated Jönköping county round (50,000 applicants × 10 wishes, 5,000 places): compiling it, deferred
/// acceptance and min-cost flow. Run with --filter '*Placement*' --job short.
/// </summary>
[MemoryDiagnoser]
public class PlacementBenchmarks
{
    private PlacementRound _round = null!;
    private PlacementInstance _instance = null!;

    [GlobalSetup]
    public void Generate()
    {
        var geography = GeographyModel.LoadEmbedded();
        var towns = geography.MunicipalitiesInCounty("06").SelectMany(m => geography.PlacesIn(m.Code)).ToList();
        _round = PlacementRoundGenerator.Generate(towns, applicants: 50_000, places: 5_000, wishes: 10, seed: 42);
        _instance = PlacementInstance.Build(_round);
    }

    [Benchmark]
    public PlacementInstance Build() => PlacementInstance.Build(_round);

    [Benchmark]
    public PlacementAssignment DeferredAcceptance() => _instance.Solve(PlacementAlgorithm.DeferredAcceptance);

    [Benchmark]
    public PlacementAssignment MinCostFlow() => _instance.Solve(PlacementAlgorithm.MinCostFlow);
}

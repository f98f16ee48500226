using BenchmarkDotNet.Attributes;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Taxonomy;

namespace Kompetensbron.Bench;

/// <summary>Start-up cost of the embedded reference data, and one typical search on it.</summary>
[MemoryDiagnoser]
public class ReferenceDataLoadBenchmarks
{
    private TaxonomyModel _taxonomy = null!;

    [GlobalSetup]
    public void LoadOnce() => _taxonomy = TaxonomyModel.LoadEmbedded();

    [Benchmark]
    public TaxonomyModel LoadTaxonomy() => TaxonomyModel.LoadEmbedded();

    [Benchmark]
    public GeographyModel LoadGeography() => GeographyModel.LoadEmbedded();

    [Benchmark]
    public IReadOnlyList<TaxonomySearchHit> SearchSkills() => _taxonomy.Search("svetsning tig", TaxonomyKind.Skill);

    [Benchmark]
    public IReadOnlyList<TaxonomySearchHit> SearchOccupations() => _taxonomy.Search("cnc op", TaxonomyKind.Occupation);
}

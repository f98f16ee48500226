using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Taxonomy;

namespace Kompetensbron.Core.Tests;

/// <summary>The embedded reference data, loaded once for all tests (it is immutable).</summary>
internal static class ReferenceData
{
    private static readonly Lazy<TaxonomyModel> LazyTaxonomy = new(TaxonomyModel.LoadEmbedded);
    private static readonly Lazy<GeographyModel> LazyGeography = new(GeographyModel.LoadEmbedded);

    public static TaxonomyModel Taxonomy => LazyTaxonomy.Value;
    public static GeographyModel Geography => LazyGeography.Value;
}

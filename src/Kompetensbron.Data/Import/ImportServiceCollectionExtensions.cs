using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Import.JobTech;
using Kompetensbron.Core.Import.Tabular;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Core.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kompetensbron.Data.Import;

/// <summary>Registers the importers and exporters and the reference data they read (shared singletons).</summary>
public static class ImportServiceCollectionExtensions
{
    public static IServiceCollection AddKompetensbronImport(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => TaxonomyModel.LoadEmbedded());
        services.TryAddSingleton(_ => GeographyModel.LoadEmbedded());
        services.TryAddSingleton(sp => SkillRecogniser.Create(sp.GetRequiredService<TaxonomyModel>()));
        services.TryAddSingleton(_ => JobTechLegacyMap.LoadEmbedded());
        services.TryAddSingleton<JobTechAdMapper>();
        services.TryAddSingleton<TabularVocabulary>();
        services.TryAddScoped<JobTechImporter>();
        services.TryAddScoped<TabularImporter>();
        services.TryAddScoped<TabularExporter>();
        return services;
    }
}

using Kompetensbron.Core.Matching;
using Kompetensbron.Core.Taxonomy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kompetensbron.Data.Matching;

/// <summary>Registers the matching engine: <see cref="MatchModel"/> and <see cref="MatchService"/> as singletons.</summary>
public static class MatchingServiceCollectionExtensions
{
    /// <summary>Needs <see cref="TaxonomyModel"/> and the database registered too.</summary>
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => MatchModel.Create(sp.GetRequiredService<TaxonomyModel>()));
        services.TryAddSingleton<MatchService>();
        return services;
    }
}

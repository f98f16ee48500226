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
        services.TryAddScoped<MatchBiasAudit>();
        services.TryAddSingleton<MatchAnswerCache>();
        // Runs only where a host starts hosted services (the web app); the CLI's short-lived index needs no following.
        services.AddOptions<MatchChangeOptions>().BindConfiguration(MatchChangeOptions.Section);
        services.TryAddSingleton<MatchChangeFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<MatchChangeFollower>());
        return services;
    }
}

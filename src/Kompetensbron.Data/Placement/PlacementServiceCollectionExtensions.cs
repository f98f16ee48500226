using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Data.Placement;

/// <summary>Registers the stored placement rounds (needs the database and matching registered too).</summary>
public static class PlacementServiceCollectionExtensions
{
    public static IServiceCollection AddPlacementRounds(this IServiceCollection services)
    {
        services.AddScoped<PlacementRounds>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kompetensbron.Data.Demo;

/// <summary>Registers <see cref="DemoSeeder"/> (needs the database and Identity registered too).</summary>
public static class DemoServiceCollectionExtensions
{
    public static IServiceCollection AddDemoSeeder(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<DemoSeeder>();
        return services;
    }
}

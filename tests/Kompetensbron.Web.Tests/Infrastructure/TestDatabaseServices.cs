using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Database;
using Kompetensbron.Data.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Infrastructure;

/// <summary>The data layer's services (database, Identity, demo seeder) without the web host.</summary>
public static class TestDatabaseServices
{
    public static ServiceProvider Build(DatabaseProvider provider, string connectionString, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider.ToString(),
                ["Database:ConnectionString"] = connectionString,
            })
            .Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time ?? new FixedTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero)));
        services.AddKompetensbronDatabase(configuration);
        services.AddKompetensbronIdentityCore();
        services.AddDemoSeeder();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}

/// <summary>A clock that always says the same time.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

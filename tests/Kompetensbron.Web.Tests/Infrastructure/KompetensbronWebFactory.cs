using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Kompetensbron.Web.Tests.Infrastructure;

/// <summary>
/// The real app on its own temporary SQLite file, migrated (not EnsureCreated) and with the demo region loaded,
/// exactly as a first <c>dotnet run</c> does. One per test collection.
/// </summary>
public class KompetensbronWebFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kompetensbron-tests-" + Guid.NewGuid().ToString("N"));

    public KompetensbronWebFactory()
    {
        Directory.CreateDirectory(_folder);
    }

    public string DatabasePath => Path.Combine(_folder, "kompetensbron.db");

    /// <summary>Where the app's e-mail lands (<c>.eml</c> files).</summary>
    public string OutboxFolder => Path.Combine(_folder, "outbox");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        ConfigureDatabase(builder);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Every test client comes from the same address; the login rate limit has its own tests.
        builder.UseSetting("Security:LoginAttemptsPerMinute", "10000");
        builder.UseSetting("Security:LoginAttemptsPerAccountPerMinute", "10000");
        builder.UseSetting("Email:OutboxFolder", OutboxFolder);
    }

    protected virtual void ConfigureDatabase(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", DatabasePath);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        GC.SuppressFinalize(this);
    }
}

[CollectionDefinition(Name)]
public sealed class WebApp : ICollectionFixture<KompetensbronWebFactory>
{
    public const string Name = "Web app on SQLite";
}

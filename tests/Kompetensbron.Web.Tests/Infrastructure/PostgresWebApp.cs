using Microsoft.AspNetCore.Hosting;

namespace Kompetensbron.Web.Tests.Infrastructure;

/// <summary>The web app on a PostgreSQL database of its own (env PG_CONN); nothing when PG_CONN is missing outside CI.</summary>
#pragma warning disable CA1001 // xUnit disposes fixtures through IAsyncLifetime.DisposeAsync.
public sealed class PostgresWebApp : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly PostgresDatabase _database = new();

    public KompetensbronWebFactory Factory => _factory ?? throw new InvalidOperationException(PostgresDatabase.MissingInCi);

    private PostgresFactory? _factory;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        if (PostgresDatabase.IsConfigured)
        {
            _factory = new PostgresFactory(_database.ConnectionString);
        }
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    private sealed class PostgresFactory(string connectionString) : KompetensbronWebFactory
    {
        protected override void ConfigureDatabase(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("Database:ConnectionString", connectionString);
        }
    }
}

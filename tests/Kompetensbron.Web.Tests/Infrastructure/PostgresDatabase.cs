using Npgsql;

namespace Kompetensbron.Web.Tests.Infrastructure;

/// <summary>
/// A uniquely named, empty PostgreSQL database on the server given by env <c>PG_CONN</c>, created for a test
/// class (<c>IClassFixture&lt;PostgresDatabase&gt;</c>) and dropped afterwards.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string MissingInCi = "PostgreSQL required in CI: PG_CONN not set";

    private string? connectionString;

    public static string? BaseConnectionString => Environment.GetEnvironmentVariable("PG_CONN") is { Length: > 0 } c ? c : null;

    public static bool IsConfigured => BaseConnectionString is not null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public string Name { get; } = $"kompetensbron_test_{Guid.NewGuid():N}";

    /// <summary>The connection string of this test database; fails with a clear message when PG_CONN is missing.</summary>
    public string ConnectionString => connectionString ?? throw new InvalidOperationException(MissingInCi);

    public async Task InitializeAsync()
    {
        if (BaseConnectionString is not { } baseConnection)
        {
            if (IsCi)
            {
                throw new InvalidOperationException(MissingInCi);
            }

            return;
        }

        await using (var connection = new NpgsqlConnection(baseConnection))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{Name}\"";
            await command.ExecuteNonQueryAsync();
        }

        connectionString = new NpgsqlConnectionStringBuilder(baseConnection) { Database = Name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (connectionString is null || BaseConnectionString is not { } baseConnection)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(baseConnection);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}

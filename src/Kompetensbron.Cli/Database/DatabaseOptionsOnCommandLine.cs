using System.CommandLine;
using Kompetensbron.Data.Database;
using Microsoft.Extensions.Configuration;

namespace Kompetensbron.Cli.Database;

/// <summary>The global <c>--database</c> and <c>--provider</c> options and how they become configuration.</summary>
internal static class DatabaseOptionsOnCommandLine
{
    public static readonly Option<string?> Database = new("--database")
    {
        Description = "SQLite file path or connection string, or a PostgreSQL connection string. " +
                      "Default: the per-user SQLite file " + DatabaseOptions.DefaultSqlitePath(),
        Recursive = true,
    };

    public static readonly Option<string?> Provider = new("--provider")
    {
        Description = "sqlite (default) or postgres. A --database value with Host= implies postgres.",
        Recursive = true,
    };

    /// <summary>
    /// Configuration as the web app sees it (environment variables such as <c>Database__Provider</c>),
    /// overridden by the command line.
    /// </summary>
    public static IConfiguration ToConfiguration(ParseResult parseResult)
    {
        var overrides = new Dictionary<string, string?>();
        var database = parseResult.GetValue(Database);
        var provider = parseResult.GetValue(Provider);
        if (!string.IsNullOrWhiteSpace(database))
        {
            overrides[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.ConnectionString)}"] = database;
            if (provider is null && database.Contains("Host=", StringComparison.OrdinalIgnoreCase))
            {
                provider = nameof(DatabaseProvider.Postgres);
            }
        }

        if (provider is not null)
        {
            overrides[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"] = ParseProvider(provider).ToString();
        }

        return new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
    }

    public static DatabaseProvider ParseProvider(string value) => value.Trim().ToUpperInvariant() switch
    {
        "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
        _ => throw new CliInputException($"--provider: unknown provider '{value}'; use sqlite or postgres."),
    };
}

namespace Kompetensbron.Web.Tests.Infrastructure;

/// <summary>
/// A fact that needs PostgreSQL (env <c>PG_CONN</c>, a base connection string to a throwaway server; see
/// tools/with-postgres.sh). Without PG_CONN it is skipped with the reason shown — except in CI (env CI=true),
/// where it runs and fails through <see cref="PostgresDatabase"/> with "PostgreSQL required in CI: PG_CONN not set".
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>Shown outside CI only: in CI the test runs and fails instead.</summary>
    public const string NotConfigured = "PostgreSQL test skipped: PG_CONN not set (run tools/with-postgres.sh dotnet test).";

    public PostgresFactAttribute()
    {
        if (!PostgresDatabase.IsConfigured && !PostgresDatabase.IsCi)
        {
            Skip = NotConfigured;
        }
    }
}

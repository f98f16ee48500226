using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Database;
using Kompetensbron.Data.Demo;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Kompetensbron.Web.Tests.Security;

/// <summary>
/// The demo accounts' passwords are published: outside Development the demo region loads only when asked for, and
/// Production does not start while one of them still logs in. The built app runs as a real process (exit codes).
/// </summary>
public sealed class DemoInProductionTests(ITestOutputHelper log) : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private readonly SqliteDatabase _database = new();
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), $"kb-outbox-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_fresh_production_start_loads_no_demo_data_and_creates_no_accounts()
    {
        using var app = StartProduction(out var url);
        await WaitUntilHealthyAsync(app, url);

        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM \"Organisations\" WHERE \"IsDemo\" = 1"));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM \"AspNetUsers\""));
    }

    [Fact]
    public async Task Production_refuses_to_start_while_a_demo_account_has_its_published_password()
    {
        var coordinator = DemoSeeder.DemoAccounts.Single(a => a.Role == Roles.Coordinator);
        await CreateAccountAsync(coordinator.Email, coordinator.Password);

        using var app = StartProduction(out _);
        var exitCode = await app.WaitAsync(StartTimeout);

        log.WriteLine(app.Output);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("published demo password", app.Output, StringComparison.Ordinal);
        Assert.Contains(coordinator.Email, app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_refuses_to_load_the_demo_region_even_when_asked()
    {
        using var app = StartProduction(out _, ("Demo__Seed", "true"));
        var exitCode = await app.WaitAsync(StartTimeout);

        log.WriteLine(app.Output);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("Demo:Seed is on in Production", app.Output, StringComparison.Ordinal);
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM \"sqlite_master\" WHERE \"name\" = 'Organisations'"));
    }

    public void Dispose()
    {
        _database.Dispose();
        if (Directory.Exists(_outbox))
        {
            Directory.Delete(_outbox, recursive: true);
        }
    }

    private ChildProcess StartProduction(out Uri url, params (string Key, string Value)[] settings)
    {
        url = new Uri($"http://127.0.0.1:{FreePort()}");
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = _database.Path,
            ["Email__OutboxFolder"] = _outbox,
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return ChildProcess.Start(ChildProcess.WebDll, ["--urls", url.ToString()], environment, ChildProcess.WebProjectFolder);
    }

    private async Task CreateAccountAsync(string email, string password)
    {
        await using var services = TestDatabaseServices.Build(DatabaseProvider.Sqlite, _database.ConnectionString);
        await DatabaseInitializer.MigrateAsync(services);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KompetensbronUser>>();
        var user = new KompetensbronUser { UserName = email, Email = email, EmailConfirmed = true, IsApproved = true, CreatedAt = DateTimeOffset.UtcNow };
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        Assert.True((await users.CreateAsync(user)).Succeeded);
    }

    private static async Task WaitUntilHealthyAsync(ChildProcess app, Uri url)
    {
        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            Assert.False(app.HasExited, $"The web app exited:\n{app.Output}");
            try
            {
                using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still migrating.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The web app did not become healthy:\n{app.Output}");
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection(_database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

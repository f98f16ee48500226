using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Kompetensbron.Data.Demo;
using Kompetensbron.Web.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace Kompetensbron.Web.Tests.Instances;

/// <summary>
/// Two web processes (the built app, <c>dotnet Kompetensbron.Web.dll</c>) on one PostgreSQL database: a need created
/// through one is matched by the other within 5 s (the change sequence), and a login cookie from one works on the
/// other (data-protection keys in the database). Runs in CI (.ci/run → tools/with-postgres.sh → dotnet test).
/// </summary>
public sealed class TwoInstancesTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const string TigWelding = "WBnc_JXj_MvY";
    private static readonly TimeSpan Follows = TimeSpan.FromSeconds(5);

    private readonly PostgresDatabase _database = new();
    private readonly List<ChildProcess> _instances = [];

    public Task InitializeAsync() => _database.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            log.WriteLine($"--- instance {instance.Id} output ---\n{instance.Output}");
            instance.Dispose();
        }

        await _database.DisposeAsync();
    }

    [PostgresFact]
    public async Task A_need_created_on_one_instance_is_matched_by_the_other_and_a_login_cookie_works_on_both()
    {
        // The first instance migrates and loads the demo region; the second starts on the ready database.
        var a = await StartInstanceAsync();
        var b = await StartInstanceAsync();

        var coordinator = new CookieContainer();
        var employer = new CookieContainer();
        var coordinator0 = DemoSeeder.DemoAccounts.Single(x => x.Role == "Coordinator");
        var employer0 = DemoSeeder.DemoAccounts.Single(x => x.Role == "Employer");
        using (var login = await Client(a, coordinator).LoginAsync(coordinator0.Email, coordinator0.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        // The cookie A issued opens a coordinator page on B.
        using (var page = await Client(b, coordinator).GetAsync(new Uri("/samordnare", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        // B's index is in memory before the need exists, so only the change sequence can bring the need to it.
        var someNeed = await ScalarAsync("SELECT MIN(\"Id\") FROM \"Needs\"");
        Assert.Equal(HttpStatusCode.OK, (await MatchesAsync(b, coordinator, someNeed)).Status);

        using (var login = await Client(a, employer).LoginAsync(employer0.Email, employer0.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using var created = await Client(a, employer).SubmitFormAsync("/arbetsgivare/behov/redigera",
        [
            new("Input.Title", "Svetsare till två instanser"), new("Input.Kind", "Job"), new("Input.Occupation", "svetsare"),
            new("Input.Description", "TIG-svetsning i rostfritt."), new("Input.Headcount", "1"),
            new("Input.Skills[0].SkillId", TigWelding), new("Input.Skills[0].Importance", "3"), new("Input.Publish", "true"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var clock = Stopwatch.StartNew();
        var needId = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);

        var onA = await MatchesAsync(a, coordinator, needId);
        Assert.NotEmpty(onA.Profiles);
        var onB = await MatchesAsync(b, coordinator, needId);
        while (onB.Profiles.Count == 0 && clock.Elapsed < Follows)
        {
            await Task.Delay(100);
            onB = await MatchesAsync(b, coordinator, needId);
        }

        log.WriteLine($"need {needId}: {onA.Profiles.Count} matches on A; B had them after {clock.ElapsedMilliseconds} ms");
        Assert.True(onB.Profiles.Count > 0, $"B did not match need {needId} within {Follows.TotalSeconds} s.");
        Assert.Equal(onA.Profiles, onB.Profiles);
    }

    private async Task<Uri> StartInstanceAsync()
    {
        var port = FreePort();
        var url = new Uri($"http://127.0.0.1:{port}");
        var instance = ChildProcess.Start(ChildProcess.WebDll, ["--urls", url.ToString()], new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = _database.ConnectionString,
            ["Demo__Seed"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Email__OutboxFolder"] = Path.Combine(Path.GetTempPath(), $"kb-outbox-{Guid.NewGuid():N}"),
        }, ChildProcess.WebProjectFolder);
        _instances.Add(instance);

        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (instance.HasExited)
            {
                Assert.Fail($"The web app exited ({instance.ExitCode}):\n{instance.Output}");
            }

            try
            {
                using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.IsSuccessStatusCode)
                {
                    log.WriteLine($"instance on {url} ready after {clock.Elapsed.TotalSeconds:F1} s");
                    return url;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy migrating or seeding.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The web app on {url} did not become healthy:\n{instance.Output}");
    }

    private static HttpClient Client(Uri instance, CookieContainer cookies) =>
#pragma warning disable CA2000 // The client disposes the handler.
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }, disposeHandler: true) { BaseAddress = instance };
#pragma warning restore CA2000

    private static async Task<(HttpStatusCode Status, List<int> Profiles)> MatchesAsync(Uri instance, CookieContainer cookies, long needId)
    {
        using var client = Client(instance, cookies);
        using var response = await client.GetAsync(new Uri($"/api/v1/needs/{needId}/matches?top=10", UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            return (response.StatusCode, []);
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("profileId").GetInt32()).ToList());
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

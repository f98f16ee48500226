using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.E2E;

/// <summary>
/// The real app on Kestrel at a free 127.0.0.1 port (.NET 10's <c>UseKestrel</c> on the factory), with its own
/// temporary SQLite file, migrated and filled with the demo region as on a first <c>dotnet run</c>.
/// </summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kompetensbron-e2e-" + Guid.NewGuid().ToString("N"));

    public AppServer()
    {
        Directory.CreateDirectory(_folder);
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = new Uri(addresses.First());
    }

    public Uri BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", Path.Combine(_folder, "kompetensbron.db"));
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Email:OutboxFolder", OutboxFolder);
        // Many tests log in to the same demo accounts within a minute; the per-account limit has its own tests.
        builder.UseSetting("Security:LoginAttemptsPerAccountPerMinute", "10000");
    }

    /// <summary>Where the app's e-mail lands (<c>.eml</c> files).</summary>
    public string OutboxFolder => Path.Combine(_folder, "outbox");

    /// <summary>The sign-up link (path and query) in the newest e-mail to <paramref name="email"/>, as a person would open it.</summary>
    public string SignUpLink(string email)
    {
        var message = Directory.EnumerateFiles(OutboxFolder, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllText)
            .LastOrDefault(m => m.Contains($"To: {email}\r\n", StringComparison.OrdinalIgnoreCase));
        Assert.True(message is not null, $"No e-mail to {email}.");
        var link = System.Text.RegularExpressions.Regex.Match(message, @"/konto/bekrafta\?token=[A-Za-z0-9%_\-]+");
        Assert.True(link.Success, $"No sign-up link in:\n{message}");
        return link.Value;
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
    }
}

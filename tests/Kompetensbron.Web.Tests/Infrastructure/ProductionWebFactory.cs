using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Infrastructure;

/// <summary>
/// The app as deployed (Production: HSTS, Secure cookies, the error page), without demo data, with small limits
/// that tests can reach: <see cref="LoginAttemptsPerMinute"/> and <see cref="MaxRequestBodyBytes"/>.
/// </summary>
public class ProductionWebFactory : EmptyWebFactory
{
    public const int LoginAttemptsPerMinute = 3;
    public const int MaxRequestBodyBytes = 64 * 1024;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Security:LoginAttemptsPerMinute", LoginAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:MaxRequestBodyBytes", MaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>The production app on real Kestrel at a free loopback port: request size limits and client addresses are real.</summary>
public sealed class KestrelProductionWebFactory : ProductionWebFactory
{
    public KestrelProductionWebFactory()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri BaseAddress { get; }

    /// <summary>A client with cookies that does not follow redirects, like <see cref="Html.Browser"/>.</summary>
    public HttpClient Browser() => CreateClient(new() { BaseAddress = BaseAddress, AllowAutoRedirect = false, HandleCookies = true });
}

using System.Net;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Security;

/// <summary>
/// The login limit belongs to the endpoint that handles the request, not to one spelling of its path, and a guessing
/// run on one account is limited however many client addresses it uses.
/// </summary>
public sealed class LoginRateLimitTests
{
    [Fact]
    public async Task Every_spelling_of_the_login_path_counts_against_the_same_limit()
    {
        await using var factory = new KestrelProductionWebFactory();
        using var client = factory.Browser();

        for (var attempt = 1; attempt <= ProductionWebFactory.LoginAttemptsPerMinute; attempt++)
        {
            using var allowed = await PostLoginAsync(client, factory.BaseAddress, "/konto/logga-in");
            // Plain http to a Secure-cookie app: antiforgery refuses the form, after the limiter let it through.
            Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode);
        }

        foreach (var spelling in new[] { "/konto/logga-in/", "/konto/logga-in/.", "/Konto/Logga-In/", "/KONTO/logga-in" })
        {
            using var refused = await PostLoginAsync(client, factory.BaseAddress, spelling);
            Assert.True(refused.StatusCode == HttpStatusCode.TooManyRequests, $"{spelling} answered {(int)refused.StatusCode}, not 429");
        }
    }

    [Fact]
    public async Task Sign_up_forms_are_limited_per_address_too_since_each_one_sends_an_email()
    {
        await using var factory = new KestrelProductionWebFactory();
        using var client = factory.Browser();

        for (var attempt = 1; attempt <= ProductionWebFactory.LoginAttemptsPerMinute; attempt++)
        {
            using var allowed = await PostAsync(client, factory.BaseAddress, "/konto/registrera/");
            Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode);
        }

        using var refused = await PostAsync(client, factory.BaseAddress, "/Konto/Registrera");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        using var organisation = await PostAsync(client, factory.BaseAddress, "/konto/registrera-organisation");
        Assert.Equal(HttpStatusCode.TooManyRequests, organisation.StatusCode);

        // Logins are counted apart.
        using var login = await PostAsync(client, factory.BaseAddress, "/konto/logga-in");
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
    }

    [Fact]
    public async Task Attempts_on_one_account_are_limited_across_client_addresses()
    {
        await using var factory = new PerAccountFactory();
        var (email, _) = await TestAccounts.CreateAsync(factory, "Person");
        var unknown = $"finns-inte-{Guid.NewGuid():N}@test.example";

        foreach (var account in new[] { email, unknown })
        {
            // Each attempt from its own address, so the per-address limit (3) never applies.
            for (var attempt = 1; attempt <= PerAccountFactory.AttemptsPerAccount; attempt++)
            {
                using var wrong = await LoginFromAsync(factory, $"10.0.{attempt}.1", account, "inte rätt lösenord");
                Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            }

            // The same account in another case, from a new address: still the same account, refused.
            using var refused = await LoginFromAsync(factory, "10.0.99.1", account.ToUpperInvariant(), "inte rätt lösenord");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        // Another account from a fresh address is not affected.
        var (other, _) = await TestAccounts.CreateAsync(factory, "Person");
        using var ok = await LoginFromAsync(factory, "10.0.98.1", other, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
    }

    private static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, Uri baseAddress, string path) => PostAsync(client, baseAddress, path);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Uri baseAddress, string path)
    {
        // Keep the path exactly as written (HttpClient would otherwise remove "/." before sending).
        var uri = new Uri(baseAddress.ToString().TrimEnd('/') + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var content = new FormUrlEncodedContent([new("Input.Email", "ingen@test.example"), new("Input.Password", "fel lösenord igen")]);
        return await client.PostAsync(uri, content);
    }

    private static async Task<HttpResponseMessage> LoginFromAsync(PerAccountFactory factory, string address, string email, string password)
    {
        using var client = factory.Browser();
        client.DefaultRequestHeaders.Add(PerAccountFactory.AddressHeader, address);
        return await client.LoginAsync(email, password);
    }

    /// <summary>A low per-account limit, and a test header that sets each request's client address.</summary>
    private sealed class PerAccountFactory : EmptyWebFactory
    {
        public const int AttemptsPerAccount = 4;
        public const string AddressHeader = "X-Test-Client-Address";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:LoginAttemptsPerMinute", "3");
            builder.UseSetting("Security:LoginAttemptsPerAccountPerMinute", AttemptsPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
        }

        private sealed class ClientAddressFromHeader : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, nextMiddleware) =>
                {
                    if (context.Request.Headers.TryGetValue(AddressHeader, out var value))
                    {
                        context.Connection.RemoteIpAddress = IPAddress.Parse(value.ToString());
                    }

                    return nextMiddleware(context);
                });
                next(app);
            };
        }
    }
}

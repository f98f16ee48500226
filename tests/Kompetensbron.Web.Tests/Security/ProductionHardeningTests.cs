using System.Net;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Tests.Infrastructure;

namespace Kompetensbron.Web.Tests.Security;

public sealed class ProductionHardeningTests(ProductionWebFactory factory) : IClassFixture<ProductionWebFactory>
{
    [Fact]
    public async Task Https_responses_carry_HSTS_outside_development()
    {
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://kompetensbron.example/"), AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var values));
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(values));
    }

    [Fact]
    public async Task Every_cookie_is_Secure_HttpOnly_and_SameSite_outside_development()
    {
        var (email, _) = await TestAccounts.CreateAsync(factory, Roles.Person);
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://kompetensbron.example/"), AllowAutoRedirect = false });

        using var form = await client.GetAsync(new Uri("/konto/logga-in", UriKind.Relative));
        var token = Html.AntiforgeryToken(await form.Content.ReadAsStringAsync());
        using var content = new FormUrlEncodedContent([new("Input.Email", email), new("Input.Password", TestAccounts.Password), new("__RequestVerificationToken", token)]);
        using var login = await client.PostAsync(new Uri("/konto/logga-in", UriKind.Relative), content);
        using var culture = await client.GetAsync(new Uri("/sprak?culture=en&returnUrl=/", UriKind.Relative));

        var cookies = new[] { form, login, culture }.SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var v) ? v : []).ToList();
        Assert.Contains(cookies, c => c.StartsWith("kompetensbron.auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            var attributes = c.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.Contains("secure", attributes);
            Assert.Contains("httponly", attributes);
            Assert.Contains(attributes, a => a is "samesite=lax" or "samesite=strict");
        });
    }
}

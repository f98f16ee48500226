using System.Net;
using Kompetensbron.Web.Security;
using Kompetensbron.Web.Tests.Infrastructure;

namespace Kompetensbron.Web.Tests.Security;

[Collection(WebApp.Name)]
public sealed class SecurityHeaderTests(KompetensbronWebFactory factory)
{
    public static TheoryData<string> Addresses => new()
    {
        "/", "/konto/logga-in", "/om-data", "/finns-inte", "/css/site.css", "/api/v1/taxonomy/skills?q=tig", "/api/finns-inte", "/health",
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task Every_response_carries_the_security_headers(string address)
    {
        using var client = factory.Browser();
        using var response = await client.GetAsync(new Uri(address, UriKind.Relative));

        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy"));
        var csp = Single(response, "Content-Security-Policy");
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, csp);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        // HSTS only outside development and tests (see the production tests).
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_problem_details_404_and_an_unknown_page_the_html_page()
    {
        using var client = factory.Browser();

        using var api = await client.GetAsync(new Uri("/api/v1/finns-inte", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var page = await client.GetAsync(new Uri("/finns-inte", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/konto/logga-in")]
    [InlineData("/konto/registrera")]
    [InlineData("/konto/registrera-organisation")]
    [InlineData("/om-data")]
    [InlineData("/sa-fungerar-matchningen")]
    [InlineData("/finns-inte")]
    public async Task Pages_have_no_inline_scripts_styles_or_event_handlers(string address)
    {
        using var client = factory.Browser();
        using var response = await client.GetAsync(new Uri(address, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Html.AssertNoInlineCode(html);
    }

    [Fact]
    public async Task The_api_reference_allows_exactly_its_inline_script_by_hash()
    {
        using var client = factory.Browser();
        using var response = await client.GetAsync(new Uri("/scalar/v1", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        var hashes = SecurityHeaders.InlineScriptHashes(html).ToList();
        Assert.NotEmpty(hashes);
        var csp = Single(response, "Content-Security-Policy");
        Assert.Equal(SecurityHeaders.ApiReferencePolicy(hashes), csp);
        var scriptSources = csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe", scriptSources, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
    }

    private static string Single(HttpResponseMessage response, string name)
    {
        Assert.True(response.Headers.TryGetValues(name, out var values), $"{name} is missing on {response.RequestMessage?.RequestUri}");
        return Assert.Single(values);
    }
}

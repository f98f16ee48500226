using System.Text.Json;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Kompetensbron.Web.Tests.Api;

/// <summary>The OpenAPI document names the configured public address (or a relative one), never the Host a caller sent.</summary>
public sealed class OpenApiServerTests(EmptyWebFactory factory) : IClassFixture<EmptyWebFactory>
{
    [Fact]
    public async Task Without_a_public_address_the_server_is_relative_whatever_the_host_header()
    {
        Assert.Equal(["/"], await ServersAsync(factory));
    }

    [Fact]
    public async Task With_a_public_address_the_server_is_that_address()
    {
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting("Email:PublicAddress", "https://kompetensbron.example/"));

        Assert.Equal(["https://kompetensbron.example"], await ServersAsync(configured));
    }

    private static async Task<List<string?>> ServersAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app)
    {
        using var client = app.CreateClient(new() { BaseAddress = new Uri("http://evil.example/") });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/openapi/v1.json", UriKind.Relative));
        request.Headers.Host = "evil.example";
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        using var response = await client.SendAsync(request);
        var json = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("evil.example", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()).ToList();
    }
}

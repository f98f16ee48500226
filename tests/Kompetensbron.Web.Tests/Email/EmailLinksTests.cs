using Kompetensbron.Web.Email;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Kompetensbron.Web.Tests.Email;

/// <summary>
/// Links in e-mail must be absolute to be clicked: the README's run (no Email:PublicAddress) used to send
/// "/konto/bekrafta?token=…", a link no mail program can open. Never the request's Host header.
/// </summary>
public sealed class EmailLinksTests
{
    [Fact]
    public void The_configured_public_address_wins_over_the_listening_address()
    {
        var links = Links("https://kompetensbron.example", "http://127.0.0.1:5080");

        Assert.Equal("https://kompetensbron.example/konto/bekrafta?token=a", links.To("/konto/bekrafta?token=a"));
    }

    [Fact]
    public void Without_a_public_address_the_link_uses_the_address_the_server_listens_on()
    {
        var links = Links(null, "http://[::]:8080", "http://127.0.0.1:5080");

        Assert.Equal("http://127.0.0.1:5080/min-sida/inbjudningar", links.To("/min-sida/inbjudningar"));
    }

    [Theory]
    [InlineData("http://*:8080")]
    [InlineData("http://+:8080")]
    [InlineData("http://0.0.0.0:8080")]
    public void An_any_address_binding_gives_no_link(string binding)
    {
        Assert.Null(Links(null, binding).To("/min-sida"));
    }

    private static EmailLinks Links(string? publicAddress, params string[] listening)
    {
        var addresses = new ServerAddressesFeature();
        foreach (var address in listening)
        {
            addresses.Addresses.Add(address);
        }

        var features = new FeatureCollection();
        features.Set<IServerAddressesFeature>(addresses);
        return new EmailLinks(Options.Create(new EmailOptions { PublicAddress = publicAddress }), new FakeServer(features));
    }

    private sealed class FakeServer(IFeatureCollection features) : IServer
    {
        public IFeatureCollection Features => features;

        public void Dispose()
        {
        }

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

using System.Net;
using System.Text;
using Kompetensbron.Web.Tests.Infrastructure;

namespace Kompetensbron.Web.Tests.Security;

/// <summary>
/// Limits measured on real Kestrel in the production app. Its cookies are Secure and this is plain http, so forms
/// fail antiforgery (400): the limits act before that. The only test here that posts to the login page is the
/// rate-limit test.
/// </summary>
public sealed class LimitTests(KestrelProductionWebFactory factory) : IClassFixture<KestrelProductionWebFactory>
{
    [Fact]
    public async Task Login_posts_are_rate_limited_per_address_but_the_page_is_not()
    {
        using var client = factory.Browser();

        for (var attempt = 1; attempt <= ProductionWebFactory.LoginAttemptsPerMinute; attempt++)
        {
            using var allowed = await client.LoginAsync("ingen@test.example", "fel lösenord igen");
            Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode);
        }

        using var refused = await client.LoginAsync("ingen@test.example", "fel lösenord igen");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Du har försökt för många gånger", Html.Decode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var page = await client.GetAsync(new Uri("/konto/logga-in", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_oversized_post_is_refused_with_413(bool declaredLength)
    {
        using var client = factory.Browser();
        var body = $"Input.DisplayName={new string('a', ProductionWebFactory.MaxRequestBodyBytes)}";
        using HttpContent content = declaredLength
            ? new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded")
            : new ChunkedContent(body);

        using var response = await client.PostAsync(new Uri("/konto/registrera", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("för stort", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_under_the_limit_reaches_the_app()
    {
        using var client = factory.Browser();
        using var content = new FormUrlEncodedContent([new("Input.DisplayName", new string('a', ProductionWebFactory.MaxRequestBodyBytes / 2))]);
        using var response = await client.PostAsync(new Uri("/konto/registrera", UriKind.Relative), content);

        // Antiforgery refuses it (no token), which it can only do after reading the whole body.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>A form body sent without Content-Length (chunked), so only reading it can find it too large.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _body;

        public ChunkedContent(string body)
        {
            _body = Encoding.UTF8.GetBytes(body);
            Headers.ContentType = new("application/x-www-form-urlencoded");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

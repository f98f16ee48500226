using System.Net;
using Kompetensbron.Web.Tests.Infrastructure;

namespace Kompetensbron.Web.Tests.Security;

/// <summary>Logging out ends the session on the server: a copy of the login cookie taken before no longer works.</summary>
[Collection(WebApp.Name)]
public sealed class LogoutTests(KompetensbronWebFactory factory)
{
    private const string CookieName = "kompetensbron.auth";

    [Fact]
    public async Task A_login_cookie_replayed_after_logout_no_longer_opens_my_page_or_the_export()
    {
        var person = await TestAccounts.CreatePersonAsync(factory);
        using var browser = factory.Browser();
        using var login = await browser.LoginAsync(person.Email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var copied = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal));
        copied = copied[(CookieName.Length + 1)..copied.IndexOf(';', StringComparison.Ordinal)];

        // While logged in, the copy works like the original.
        using (var before = await Replay(copied, "/min-sida"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var logout = await browser.SubmitFormAsync("/konto/logga-ut", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        foreach (var path in new[] { "/min-sida", "/min-sida?handler=Export" })
        {
            using var replayed = await Replay(copied, path);
            Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
            var location = replayed.Headers.Location!;
            Assert.StartsWith("/konto/logga-in", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Logging_out_in_one_browser_leaves_another_login_of_the_same_person_working()
    {
        var person = await TestAccounts.CreatePersonAsync(factory);
        using var phone = await factory.SignedInAsync(person.Email);
        using var laptop = await factory.SignedInAsync(person.Email);

        using (var logout = await phone.SubmitFormAsync("/konto/logga-ut", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        using var stillIn = await laptop.GetAsync(new Uri("/min-sida", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    /// <summary>Sends only the copied cookie, from a client of its own (as an attacker who took it would).</summary>
    private async Task<HttpResponseMessage> Replay(string cookie, string path)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", $"{CookieName}={cookie}");
        return await client.SendAsync(request);
    }
}

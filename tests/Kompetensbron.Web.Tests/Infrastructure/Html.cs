using System.Net;
using System.Text.RegularExpressions;

namespace Kompetensbron.Web.Tests.Infrastructure;

/// <summary>Just enough HTML handling to drive server-rendered forms like a browser without JavaScript.</summary>
public static partial class Html
{
    public static HttpClient Browser(this KompetensbronWebFactory factory) =>
        factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A browser-like client logged in as <paramref name="email"/> (with <see cref="TestAccounts.Password"/>).</summary>
    public static async Task<HttpClient> SignedInAsync(this KompetensbronWebFactory factory, string email)
    {
        var client = factory.Browser();
        using var login = await client.LoginAsync(email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    /// <summary>
    /// GETs the page, takes its antiforgery token (and the edit version, <c>ExpectedVersion</c>, when its forms carry
    /// one, as a browser would) and POSTs the fields to <paramref name="action"/> (default: the same page).
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string page, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        var token = AntiforgeryToken(html);
        var posted = fields.Append(new("__RequestVerificationToken", token)).ToList();
        if (VersionPattern().Match(html) is { Success: true } version && !posted.Exists(f => f.Key == "ExpectedVersion"))
        {
            posted.Add(new("ExpectedVersion", version.Groups[1].Value));
        }

        var content = new FormUrlEncodedContent(posted);
        return await client.PostAsync(new Uri(action ?? page, UriKind.Relative), content);
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password) =>
        await client.SubmitFormAsync("/konto/logga-in", [new("Input.Email", email), new("Input.Password", password)]);

    /// <summary>The number in the element marked <c>data-count="name"</c>, digits only (ignores "1 234" spacing).</summary>
    public static int Count(string html, string name)
    {
        var match = Regex.Match(html, $"data-count=\"{Regex.Escape(name)}\"[^>]*>([^<]*)<", RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.True(match.Success, $"No data-count=\"{name}\" on the page.");
        var digits = new string(match.Groups[1].Value.Where(char.IsAsciiDigit).ToArray());
        return int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>What the CSP would block: inline script, style elements or attributes, on* handlers, javascript: links.</summary>
    public static void AssertNoInlineCode(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        Assert.DoesNotMatch(InlineScriptPattern(), html);
        Assert.DoesNotMatch(InlineStylePattern(), html);
    }

    public static string Decode(string html) => WebUtility.HtmlDecode(html);

    [GeneratedRegex("<script(?![^>]*\\bsrc=)", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScriptPattern();

    [GeneratedRegex("<style|\\sstyle=|\\son[a-z]+=|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStylePattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"ExpectedVersion\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();
}

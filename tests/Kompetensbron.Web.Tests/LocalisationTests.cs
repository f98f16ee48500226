using System.Net;
using System.Xml.Linq;
using Kompetensbron.Web.Tests.Infrastructure;

namespace Kompetensbron.Web.Tests;

[Collection(WebApp.Name)]
public sealed class LocalisationTests(KompetensbronWebFactory factory)
{
    [Fact]
    public async Task Query_string_culture_en_shows_English()
    {
        using var client = factory.Browser();
        var html = Html.Decode(await client.GetStringAsync(new Uri("/?culture=en", UriKind.Relative)));

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Skip to main content", html, StringComparison.Ordinal);
        Assert.Contains(">Svenska<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hoppa till innehållet", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_link_sets_the_cookie_and_returns_to_the_same_page()
    {
        using var client = factory.Browser();

        using var toEnglish = await client.GetAsync(new Uri("/sprak?culture=en&returnUrl=%2Fom-data", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, toEnglish.StatusCode);
        Assert.Equal("/om-data", toEnglish.Headers.Location?.OriginalString);
        var english = Html.Decode(await client.GetStringAsync(new Uri("/om-data", UriKind.Relative)));
        Assert.Contains("About the data", english, StringComparison.Ordinal);

        using var toSwedish = await client.GetAsync(new Uri("/sprak?culture=sv-SE&returnUrl=%2Fom-data", UriKind.Relative));
        var swedish = Html.Decode(await client.GetStringAsync(new Uri("/om-data", UriKind.Relative)));
        Assert.Contains("<html lang=\"sv\">", swedish, StringComparison.Ordinal);
        Assert.Contains(">English<", swedish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_link_on_a_page_points_back_to_that_page()
    {
        using var client = factory.Browser();
        var html = Html.Decode(await client.GetStringAsync(new Uri("/konto/logga-in", UriKind.Relative)));

        Assert.Contains("href=\"/sprak?culture=en&returnUrl=%2Fkonto%2Flogga-in\"", html, StringComparison.Ordinal);
    }

    /// <summary>Hostile return addresses (escaped as a query value): browsers ignore tabs and newlines and read a backslash as a slash.</summary>
    [Theory]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("%2F%09%2Fevil.example")]
    [InlineData("%2F%0A%2Fevil.example")]
    [InlineData("%2F%0D%0A%2Fevil.example")]
    [InlineData("%2F%5Cevil.example")]
    [InlineData("%2F%09%5Cevil.example")]
    [InlineData("%2F%00x")]
    [InlineData("%2Fx%7F")]
    [InlineData("https%3A%2F%2Fevil.example")]
    [InlineData("javascript%3Aalert(1)")]
    [InlineData("%5C%5Cevil.example")]
    [InlineData("~%2F%2Fevil.example")]
    [InlineData("")]
    public async Task The_language_link_never_redirects_off_site_or_fails(string returnUrl)
    {
        using var client = factory.Browser();
        using var response = await client.GetAsync(new Uri("/sprak?culture=en&returnUrl=" + returnUrl, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_language_link_keeps_a_local_address_with_its_query()
    {
        using var client = factory.Browser();
        using var response = await client.GetAsync(new Uri("/sprak?culture=en&returnUrl=%2Fyrken%3Fq%3Dsvets", UriKind.Relative));

        Assert.Equal("/yrken?q=svets", response.Headers.Location?.OriginalString);
    }

    /// <summary>Every Swedish resource file (the neutral default) beside the English one, per feature.</summary>
    public static TheoryData<string> ResourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ResourcesFolder(), "*.resx").Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Every_Swedish_text_has_an_English_translation_and_back(string swedishFile)
    {
        static HashSet<string> Keys(string file) =>
            XDocument.Load(Path.Combine(ResourcesFolder(), file)).Root!.Elements("data")
                .Select(e => (string)e.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        var swedish = Keys(swedishFile);
        var english = Keys(swedishFile.Replace(".resx", ".en.resx", StringComparison.Ordinal));

        Assert.NotEmpty(swedish);
        Assert.Empty(swedish.Except(english));
        Assert.Empty(english.Except(swedish));
    }

    /// <summary>src/Kompetensbron.Web/Resources, found from the test binaries upwards.</summary>
    internal static string ResourcesFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Kompetensbron.sln")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        return Path.Combine(folder.FullName, "src", "Kompetensbron.Web", "Resources");
    }
}

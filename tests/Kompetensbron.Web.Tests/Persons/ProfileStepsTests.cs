using System.Net;
using System.Text.RegularExpressions;
using Kompetensbron.Core.Geography;
using Kompetensbron.Data;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Persons;

[Collection(WebApp.Name)]
public sealed class ProfileStepsTests(KompetensbronWebFactory factory)
{
    private const string TigWelding = "WBnc_JXj_MvY";

    private async Task<(HttpClient Client, TestPerson Person)> LoggedInAsync()
    {
        var person = await TestAccounts.CreatePersonAsync(factory);
        var client = factory.Browser();
        using var login = await client.LoginAsync(person.Email, TestAccounts.Password);
        return (client, person);
    }

    private async Task<Kompetensbron.Core.Profiles.Profile> ProfileAsync(int id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Profiles.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    [Fact]
    public async Task A_person_picks_an_occupation_and_ticks_its_skills()
    {
        var (client, person) = await LoggedInAsync();
        using var _ = client;

        var search = await client.GetStringAsync(new Uri("/min-sida/profil/yrke?q=svetsare", UriKind.Relative));
        var occupationId = Regex.Match(search, "href=\"\\?yrke=([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(occupationId);
        var page = $"/min-sida/profil/yrke?yrke={occupationId}";
        var skills = Regex.Matches(await client.GetStringAsync(new Uri(page, UriKind.Relative)), "name=\"SkillIds\" value=\"([^\"]+)\"")
            .Select(m => m.Groups[1].Value).Take(2).ToList();
        Assert.Equal(2, skills.Count);

        using var saved = await client.SubmitFormAsync(page, [new("Years", "3"), .. skills.Select(s => new KeyValuePair<string, string>("SkillIds", s)), new("SkillIds", "not-a-suggestion")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/min-sida/profil/beskriv", saved.Headers.Location?.OriginalString);
        var profile = await ProfileAsync(person.ProfileId);
        Assert.Equal(3m, Assert.Single(profile.Occupations).Years);
        Assert.Equal(skills.Order(), profile.Skills.Select(s => s.SkillId).Order());
    }

    [Fact]
    public async Task Free_text_shows_the_words_that_matched_and_saves_only_what_the_person_confirms()
    {
        var (client, person) = await LoggedInAsync();
        using var _ = client;

        using var recognised = await client.SubmitFormAsync(
            "/min-sida/profil/beskriv", [new("Description", "Jag har jobbat med tigsvetsning i tre år.")], "/min-sida/profil/beskriv?handler=Recognise");
        var html = Html.Decode(await recognised.Content.ReadAsStringAsync());
        Assert.Contains("<mark>tigsvetsning</mark>", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{TigWelding}\"", html, StringComparison.Ordinal);
        Html.AssertNoInlineCode(html);
        Assert.Empty((await ProfileAsync(person.ProfileId)).Skills);

        using var confirmed = await client.SubmitFormAsync("/min-sida/profil/beskriv", [new("SkillIds", TigWelding)], "/min-sida/profil/beskriv?handler=Confirm");
        Assert.Equal("/min-sida/profil/kompetenser", confirmed.Headers.Location?.OriginalString);
        Assert.Equal([TigWelding], (await ProfileAsync(person.ProfileId)).Skills.Select(s => s.SkillId));

        var check = Html.Decode(await client.GetStringAsync(new Uri("/min-sida/profil", UriKind.Relative)));
        Assert.Contains("TIG-svetsning", check, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_text_gets_an_error_that_links_to_the_field()
    {
        var (client, _) = await LoggedInAsync();
        using var __ = client;

        using var response = await client.SubmitFormAsync("/min-sida/profil/beskriv", [new("Description", " ")], "/min-sida/profil/beskriv?handler=Recognise");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Description\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_by_postal_code_or_locality_commute_and_start_are_saved_and_a_change_returns_to_check_your_answers()
    {
        var (client, person) = await LoggedInAsync();
        using var _ = client;
        var geography = factory.Services.GetRequiredService<GeographyModel>();

        using var byCode = await client.SubmitFormAsync("/min-sida/profil/hem", [new("Where", "33530")]);
        Assert.Equal("/min-sida/profil/pendling", byCode.Headers.Location?.OriginalString);
        var profile = await ProfileAsync(person.ProfileId);
        Assert.Equal(geography.FindPostalArea("33530")!.MunicipalityCode, profile.MunicipalityCode);

        using var byPlace = await client.SubmitFormAsync("/min-sida/profil/hem?tillbaka=1", [new("Where", "Värnamo")]);
        Assert.Equal("/min-sida/profil", byPlace.Headers.Location?.OriginalString);
        Assert.Equal("0683", (await ProfileAsync(person.ProfileId)).MunicipalityCode);

        using var unknown = await client.SubmitFormAsync("/min-sida/profil/hem", [new("Where", "Ingenstansby")]);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("href=\"#Where\"", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var commute = await client.SubmitFormAsync("/min-sida/profil/pendling", [new("Minutes", "30"), new("Mode", "PublicTransport")]);
        using var start = await client.SubmitFormAsync("/min-sida/profil/start", [new("From", "2027-01-15")]);
        using var licences = await client.SubmitFormAsync("/min-sida/profil/korkort", [new("Codes", "B"), new("Codes", "TRUCK_A"), new("Codes", "made-up")]);
        Assert.Equal("/min-sida/profil", start.Headers.Location?.OriginalString);
        profile = await ProfileAsync(person.ProfileId);
        Assert.Equal((30, Core.Geography.CommuteMode.PublicTransport), (profile.MaxCommuteMinutes, profile.CommuteMode));
        Assert.Equal(new DateOnly(2027, 1, 15), profile.AvailableFrom);
        Assert.Equal(["B", "TRUCK_A"], profile.Licences);
    }

    [Fact]
    public async Task Skills_are_searched_added_levelled_and_languages_given_a_level()
    {
        var (client, person) = await LoggedInAsync();
        using var _ = client;

        var search = Html.Decode(await client.GetStringAsync(new Uri("/min-sida/profil/kompetenser?q=TIG-svetsning", UriKind.Relative)));
        Assert.Contains($"value=\"{TigWelding}\"", search, StringComparison.Ordinal);
        using var added = await client.SubmitFormAsync("/min-sida/profil/kompetenser", [new("skillId", TigWelding)], "/min-sida/profil/kompetenser?handler=Add");
        using var levelled = await client.SubmitFormAsync("/min-sida/profil/niva", [new("Skills[0].SkillId", TigWelding), new("Skills[0].Level", "4"), new("Skills[0].Evidence", "Validated")]);
        var swedish = factory.Services.GetRequiredService<Kompetensbron.Core.Taxonomy.TaxonomyModel>().Languages.First(l => l.Iso6391 == "sv");
        using var language = await client.SubmitFormAsync("/min-sida/profil/sprak", [new("NewLanguageId", swedish.Id), new("NewLevel", "B1")]);

        var profile = await ProfileAsync(person.ProfileId);
        var skill = Assert.Single(profile.Skills);
        Assert.Equal((4, Core.Profiles.SkillEvidence.Validated), (skill.Level, skill.Evidence));
        Assert.Equal(Core.Profiles.CefrLevel.B1, Assert.Single(profile.Languages).Level);

        using var removed = await client.SubmitFormAsync("/min-sida/profil/kompetenser", [new("skillId", TigWelding)], "/min-sida/profil/kompetenser?handler=Remove");
        Assert.Empty((await ProfileAsync(person.ProfileId)).Skills);
    }
}

using System.Globalization;
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

    /// <summary>The first occupation the step finds for "svetsare", its page and the skills it suggests (at least five).</summary>
    private static async Task<(string OccupationId, string Page, List<string> Skills)> WelderAsync(HttpClient client)
    {
        var search = await client.GetStringAsync(new Uri("/min-sida/profil/yrke?q=svetsare", UriKind.Relative));
        var occupationId = Regex.Match(search, "href=\"\\?yrke=([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(occupationId);
        var page = $"/min-sida/profil/yrke?yrke={occupationId}";
        var skills = Regex.Matches(await client.GetStringAsync(new Uri(page, UriKind.Relative)), "name=\"SkillIds\" value=\"([^\"]+)\"")
            .Select(m => m.Groups[1].Value).ToList();
        Assert.True(skills.Count >= 5);
        return (occupationId, page, skills);
    }

    [Fact]
    public async Task A_person_picks_an_occupation_and_ticks_its_skills()
    {
        var (client, person) = await LoggedInAsync();
        using var _ = client;

        var (_, page, suggested) = await WelderAsync(client);
        var skills = suggested.Take(2).ToList();

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
    public async Task Free_text_offers_its_likely_occupations_unticked_and_adds_only_the_ticked_one()
    {
        var (client, person) = await LoggedInAsync();
        using var _ = client;
        const string text = "Jag har svetsat i sex år. Mest MIG-svetsning och TIG-svetsning av rostfritt stål efter ritning.";
        var expected = factory.Services.GetRequiredService<Kompetensbron.Core.Text.SkillRecogniser>().Recognise(text).Occupations;
        Assert.NotEmpty(expected);

        using var recognised = await client.SubmitFormAsync("/min-sida/profil/beskriv", [new("Description", text)], "/min-sida/profil/beskriv?handler=Recognise");
        var html = Html.Decode(await recognised.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"suggested-occupations\"", html, StringComparison.Ordinal);
        foreach (var occupation in expected.Take(3))
        {
            Assert.Contains($"name=\"OccupationIds\" value=\"{occupation.Id}\" id=", html, StringComparison.Ordinal);
        }

        // A guess: nothing is ticked for the person.
        Assert.DoesNotMatch("name=\"OccupationIds\"[^>]*checked", html);

        using var confirmed = await client.SubmitFormAsync("/min-sida/profil/beskriv",
            [new("SkillIds", TigWelding), new("OccupationIds", expected[0].Id), new("OccupationIds", "not-an-occupation")], "/min-sida/profil/beskriv?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var profile = await ProfileAsync(person.ProfileId);
        Assert.Equal((expected[0].Id, 0m), (Assert.Single(profile.Occupations).OccupationId, profile.Occupations[0].Years));

        // An occupation the profile has is not offered again.
        using var again = await client.SubmitFormAsync("/min-sida/profil/beskriv", [new("Description", text)], "/min-sida/profil/beskriv?handler=Recognise");
        Assert.DoesNotContain($"value=\"{expected[0].Id}\"", Html.Decode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
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
        var from = DateOnly.FromDateTime(DateTime.Today).AddMonths(2);
        using var start = await client.SubmitFormAsync("/min-sida/profil/start", DateFields(from.Day.ToString(CultureInfo.InvariantCulture), from.Month.ToString(CultureInfo.InvariantCulture), from.Year.ToString(CultureInfo.InvariantCulture)));
        using var licences = await client.SubmitFormAsync("/min-sida/profil/korkort", [new("Codes", "B"), new("Codes", "TRUCK_A"), new("Codes", "made-up")]);
        Assert.Equal("/min-sida/profil", start.Headers.Location?.OriginalString);
        profile = await ProfileAsync(person.ProfileId);
        Assert.Equal((30, Core.Geography.CommuteMode.PublicTransport), (profile.MaxCommuteMinutes, profile.CommuteMode));
        Assert.Equal(from, profile.AvailableFrom);
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

    private static KeyValuePair<string, string>[] DateFields(string day, string month, string year) => [new("Day", day), new("Month", month), new("Year", year)];

    [Theory]
    [InlineData("", "3", "2030", "Day", "Skriv vilken dag.")]
    [InlineData("15", "", "2030", "Month", "Skriv vilken månad.")]
    [InlineData("15", "13", "2030", "Month", "Månaden ska vara en siffra från 1 till 12.")]
    [InlineData("31", "2", "2030", "Day", "Det datumet finns inte.")]
    [InlineData("15", "3", "30", "Year", "Året ska ha fyra siffror")]
    [InlineData("1", "1", "2020", "Day", "Datumet har redan varit.")]
    public async Task A_wrong_start_date_says_which_field_is_wrong_and_links_to_it(string day, string month, string year, string field, string message)
    {
        var (client, person) = await LoggedInAsync();
        using var _ = client;

        using var response = await client.SubmitFormAsync("/min-sida/profil/start", DateFields(day, month, year));
        var html = Html.Decode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"href=\"#{field}\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Matches($"<input id=\"{field}\"[^>]*class=\"input--[24] input--error\"[^>]*aria-invalid=\"true\"", html);
        // What the person typed stays in the fields.
        Assert.Contains($"name=\"Year\" value=\"{year}\"", html, StringComparison.Ordinal);
        Assert.Null((await ProfileAsync(person.ProfileId)).AvailableFrom);
    }

    [Fact]
    public async Task Empty_start_date_fields_mean_now_and_a_saved_date_is_shown_in_the_three_fields()
    {
        var (client, person) = await LoggedInAsync();
        using var _ = client;
        var from = DateOnly.FromDateTime(DateTime.Today).AddDays(40);

        using var saved = await client.SubmitFormAsync("/min-sida/profil/start", DateFields($" {from.Day} ", from.Month.ToString("00", CultureInfo.InvariantCulture), from.Year.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(from, (await ProfileAsync(person.ProfileId)).AvailableFrom);
        var page = await client.GetStringAsync(new Uri("/min-sida/profil/start", UriKind.Relative));
        Assert.Contains($"name=\"Day\" value=\"{from.Day}\"", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"Month\" value=\"{from.Month}\"", page, StringComparison.Ordinal);

        using var now = await client.SubmitFormAsync("/min-sida/profil/start", DateFields("", " ", ""));
        Assert.Equal(HttpStatusCode.Redirect, now.StatusCode);
        Assert.Null((await ProfileAsync(person.ProfileId)).AvailableFrom);
    }

    [Fact]
    public async Task Removing_an_occupation_removes_only_the_skills_the_person_ticks()
    {
        var (client, person) = await LoggedInAsync();
        using var _ = client;
        var (occupationId, page, skills) = await WelderAsync(client);
        var (ticked, other) = (skills.Take(3).ToList(), skills[3]);
        using var saved = await client.SubmitFormAsync(page, [new("Years", "2"), .. ticked.Select(s => new KeyValuePair<string, string>("SkillIds", s))]);
        using var added = await client.SubmitFormAsync("/min-sida/profil/kompetenser", [new("skillId", other)], "/min-sida/profil/kompetenser?handler=Add");

        var check = Html.Decode(await client.GetStringAsync(new Uri("/min-sida/profil", UriKind.Relative)));
        Assert.Contains($"href=\"/min-sida/profil/yrke?ta-bort={occupationId}\"", check, StringComparison.Ordinal);
        var confirm = Html.Decode(await client.GetStringAsync(new Uri($"/min-sida/profil/yrke?ta-bort={occupationId}", UriKind.Relative)));
        Assert.Contains("data-testid=\"remove-occupation\"", confirm, StringComparison.Ordinal);
        // The question lists the skills the occupation brought, none ticked, so nothing goes by accident.
        foreach (var skill in ticked.Append(other))
        {
            Assert.Contains($"name=\"SkillIds\" value=\"{skill}\"", confirm, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch("name=\"SkillIds\"[^>]*checked", confirm);
        Assert.DoesNotContain($"value=\"{skills[4]}\"", confirm, StringComparison.Ordinal);
        Html.AssertNoInlineCode(confirm);

        using var removed = await client.SubmitFormAsync(
            $"/min-sida/profil/yrke?ta-bort={occupationId}", [new("ta-bort", occupationId), new("SkillIds", ticked[0]), new("SkillIds", "not-in-the-profile")], "/min-sida/profil/yrke?handler=Remove");

        Assert.Equal("/min-sida/profil", removed.Headers.Location?.OriginalString);
        var profile = await ProfileAsync(person.ProfileId);
        Assert.Empty(profile.Occupations);
        Assert.Equal(ticked.Skip(1).Append(other).Order(), profile.Skills.Select(s => s.SkillId).Order());

        // Asking to remove an occupation the profile does not have changes nothing.
        using var again = await client.SubmitFormAsync(page, [new("ta-bort", occupationId)], "/min-sida/profil/yrke?handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(profile.Skills.Count, (await ProfileAsync(person.ProfileId)).Skills.Count);
    }
}

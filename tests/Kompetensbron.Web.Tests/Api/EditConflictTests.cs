using System.Net;
using System.Text.RegularExpressions;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Persons;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kompetensbron.Web.Tests.Api.ApiTesting;

namespace Kompetensbron.Web.Tests.Api;

/// <summary>Two people editing the same need or profile on the pages: the second save is refused with a clear message, never a lost update.</summary>
public sealed partial class EditConflictTests(EmptyWebFactory factory) : IClassFixture<EmptyWebFactory>
{
    [Fact]
    public async Task Two_editors_of_a_need_the_second_gets_a_conflict_message_and_the_first_change_stays()
    {
        var (email, organisationId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var needId = await AddNeedAsync(factory, organisationId!.Value, NeedStatus.Open, "Svetsare");
        var page = $"/arbetsgivare/behov/redigera/{needId}";
        using var first = await LoggedInAsync(factory, email);
        using var second = await LoggedInAsync(factory, email);
        var firstForm = await OpenAsync(first, page);
        var secondForm = await OpenAsync(second, page);
        Assert.Equal(firstForm.Version, secondForm.Version);

        using var saved = await PostAsync(first, page, firstForm, NeedFields("Svetsare, dagtid"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var refused = await PostAsync(second, page, secondForm, NeedFields("Svetsare, natt"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"edit-conflict\"", html, StringComparison.Ordinal);
        Assert.Contains("Svetsare, natt", html, StringComparison.Ordinal);
        Html.AssertNoInlineCode(html);

        await using var scope = factory.Services.CreateAsyncScope();
        var need = await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Needs.AsNoTracking().SingleAsync(n => n.Id == needId);
        Assert.Equal(("Svetsare, dagtid", firstForm.Version + 1), (need.Title, need.Version));

        // Opening the page again shows the new version, and saving from it works.
        using var retried = await PostAsync(second, page, await OpenAsync(second, page), NeedFields("Svetsare, natt"));
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
    }

    [Fact]
    public async Task Two_editors_of_a_programme_the_second_gets_a_conflict_message_and_the_first_change_stays()
    {
        var (email, providerId) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        int programmeId;
        await using (var setup = factory.Services.CreateAsyncScope())
        {
            var db = setup.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var programme = new Programme
            {
                ProviderId = providerId!.Value, Title = "Svetsteknik", Level = ProgrammeLevel.Yh, LengthWeeks = 40, Seats = 20,
                IsDistance = true, SkillIds = [TigWelding], CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
            programmeId = programme.Id;
        }

        var page = $"/utbildningsanordnare/utbildningar/redigera/{programmeId}";
        using var first = await LoggedInAsync(factory, email);
        using var second = await LoggedInAsync(factory, email);
        var firstForm = await OpenAsync(first, page);
        var secondForm = await OpenAsync(second, page);

        using var saved = await PostAsync(first, page, firstForm, ProgrammeFields("Svetsteknik, dagtid"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var refused = await PostAsync(second, page, secondForm, ProgrammeFields("Svetsteknik, kväll"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"edit-conflict\"", html, StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Programmes.AsNoTracking().SingleAsync(p => p.Id == programmeId);
        Assert.Equal(("Svetsteknik, dagtid", firstForm.Version + 1), (stored.Title, stored.Version));
    }

    [Fact]
    public async Task A_profile_step_saved_from_a_stale_page_is_refused_with_a_message()
    {
        var person = await TestAccounts.CreatePersonAsync(factory);
        const string step = "/min-sida/profil/pendling";
        using var first = await LoggedInAsync(factory, person.Email);
        using var second = await LoggedInAsync(factory, person.Email);
        var firstForm = await OpenAsync(first, step);
        var secondForm = await OpenAsync(second, step);

        using var saved = await PostAsync(first, step, firstForm, [new("Minutes", "30"), new("Mode", "PublicTransport")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var refused = await PostAsync(second, step, secondForm, [new("Minutes", "90"), new("Mode", "Car")]);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal($"{step}?konflikt=1", refused.Headers.Location!.OriginalString);
        var html = await second.GetStringAsync(refused.Headers.Location);
        Assert.Contains("data-testid=\"edit-conflict\"", html, StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var profile = await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Profiles.AsNoTracking().SingleAsync(p => p.Id == person.ProfileId);
        Assert.Equal(30, profile.MaxCommuteMinutes);
    }

    [Fact]
    public async Task A_need_form_without_its_version_is_refused_and_nothing_is_saved()
    {
        var (email, organisationId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var needId = await AddNeedAsync(factory, organisationId!.Value, NeedStatus.Open, "Svetsare");
        var page = $"/arbetsgivare/behov/redigera/{needId}";
        using var client = await LoggedInAsync(factory, email);
        var form = await OpenAsync(client, page);

        using var refused = await PostWithoutVersionAsync(client, page, form, NeedFields("Överskriven"));

        await AssertRefusedAsync(refused);
        await using var scope = factory.Services.CreateAsyncScope();
        var need = await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Needs.AsNoTracking().SingleAsync(n => n.Id == needId);
        Assert.Equal(("Svetsare", form.Version), (need.Title, need.Version));
    }

    [Fact]
    public async Task A_programme_form_without_its_version_is_refused_and_nothing_is_saved()
    {
        var (email, providerId) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        int programmeId;
        await using (var setup = factory.Services.CreateAsyncScope())
        {
            var db = setup.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var programme = new Programme
            {
                ProviderId = providerId!.Value, Title = "Svetsteknik", Level = ProgrammeLevel.Yh, LengthWeeks = 40, Seats = 20,
                IsDistance = true, SkillIds = [TigWelding], CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
            programmeId = programme.Id;
        }

        var page = $"/utbildningsanordnare/utbildningar/redigera/{programmeId}";
        using var client = await LoggedInAsync(factory, email);
        var form = await OpenAsync(client, page);

        using var refused = await PostWithoutVersionAsync(client, page, form, ProgrammeFields("Överskriven"));

        await AssertRefusedAsync(refused);
        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Programmes.AsNoTracking().SingleAsync(p => p.Id == programmeId);
        Assert.Equal(("Svetsteknik", form.Version), (stored.Title, stored.Version));
    }

    /// <summary>Every profile step, with each handler that saves.</summary>
    public static TheoryData<string> ProfileStepForms()
    {
        var data = new TheoryData<string>(ProfileSteps.InOrder.Where(s => s is not (ProfileSteps.Skills or ProfileSteps.FreeText)));
        data.Add(ProfileSteps.Occupation + "?handler=Remove");
        data.Add(ProfileSteps.FreeText + "?handler=Confirm");
        data.Add(ProfileSteps.Skills + "?handler=Add");
        data.Add(ProfileSteps.Skills + "?handler=Remove");
        return data;
    }

    /// <summary>A form without the version changes nothing.</summary>
    [Theory]
    [MemberData(nameof(ProfileStepForms))]
    public async Task A_profile_step_without_its_version_is_refused_and_nothing_is_saved(string step)
    {
        var person = await TestAccounts.CreatePersonAsync(factory);
        using var client = await LoggedInAsync(factory, person.Email);
        var form = await OpenAsync(client, step.Split('?')[0]);

        using var refused = await PostWithoutVersionAsync(client, step, form,
            [new("Minutes", "90"), new("Mode", "Car"), new("Codes", "B"), new("Where", "Värnamo"), new("skillId", TigWelding), new("SkillIds", TigWelding)]);

        await AssertRefusedAsync(refused);
        await using var scope = factory.Services.CreateAsyncScope();
        var profile = await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Profiles.AsNoTracking().SingleAsync(p => p.Id == person.ProfileId);
        Assert.Equal(form.Version, profile.Version);
    }

    [Fact]
    public async Task A_change_to_a_dependent_row_alone_moves_the_version_on()
    {
        var person = await TestAccounts.CreatePersonAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var profile = await db.Profiles.SingleAsync(p => p.Id == person.ProfileId);
        var before = profile.Version;
        profile.Skills.Add(new ProfileSkill { SkillId = TigWelding, Level = 2 });
        await db.SaveChangesAsync();
        Assert.Equal(before + 1, profile.Version);

        await db.SaveChangesAsync();
        Assert.Equal(before + 1, profile.Version);
    }

    private sealed record Form(string Token, int Version);

    private static async Task<Form> OpenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        var version = VersionField().Match(html);
        Assert.True(version.Success, $"{page} has no ExpectedVersion field.");
        return new(Html.AntiforgeryToken(html), int.Parse(version.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, Form form, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", form.Token))
            .Append(new("ExpectedVersion", form.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return await client.PostAsync(new Uri(page, UriKind.Relative), content);
    }

    private static async Task<HttpResponseMessage> PostWithoutVersionAsync(HttpClient client, string page, Form form, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", form.Token)));
        return await client.PostAsync(new Uri(page, UriKind.Relative), content);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var html = Html.Decode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {html}");
        Assert.Contains("Det gick inte att läsa det du skickade", html, StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> NeedFields(string title) =>
    [
        new("Input.Title", title), new("Input.Kind", nameof(NeedKind.Job)), new("Input.Occupation", "svetsare"), new("Input.Headcount", "1"),
        new("Input.Skills[0].SkillId", TigWelding), new("Input.Skills[0].Required", "true"), new("Input.Skills[0].Importance", "3"), new("Input.Publish", "true"),
    ];

    private static List<KeyValuePair<string, string>> ProgrammeFields(string title) =>
    [
        new("Input.Title", title), new("Input.Level", nameof(ProgrammeLevel.Yh)), new("Input.Skills[0].SkillId", TigWelding),
        new("Input.LengthWeeks", "40"), new("Input.Seats", "20"), new("Input.IsDistance", "true"), new("Input.StartDates[0]", "2027-08-16"),
    ];

    [GeneratedRegex("name=\"ExpectedVersion\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}

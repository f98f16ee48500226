using System.Globalization;
using System.Net;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Gaps;
using Kompetensbron.Data.Insights;
using Kompetensbron.Web.Providers;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Providers;

/// <summary>
/// The education provider's programmes without JavaScript: create, edit, archive and restore with the need editor's
/// skill picker; the demand panel counts the region's visible needs; learning paths and insights follow each change.
/// </summary>
[Collection(WebApp.Name)]
public sealed class ProgrammeTests(KompetensbronWebFactory factory)
{
    private const string TigWelding = "WBnc_JXj_MvY";

    [Fact]
    public async Task A_provider_creates_a_programme_and_its_demand_panel_counts_visible_needs_only()
    {
        var (provider, providerId) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        using var client = await factory.SignedInAsync(provider);
        var siteId = await SiteOfAsync(providerId!.Value);

        using var saved = await client.SubmitFormAsync("/utbildningsanordnare/utbildningar/redigera",
            ProgrammeForm("Svetsteknik YH", TigWelding, siteId, "2027-08-16", "2027-01-11"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = saved.Headers.Location!.OriginalString;
        var id = int.Parse(page.Split('/')[^1], CultureInfo.InvariantCulture);

        var programme = await ProgrammeAsync(id);
        Assert.Equal((providerId.Value, ProgrammeLevel.Yh, 40, 24, siteId, false), (programme.ProviderId, programme.Level, programme.LengthWeeks, programme.Seats, programme.SiteId, programme.IsDistance));
        Assert.Equal([new DateOnly(2027, 1, 11), new DateOnly(2027, 8, 16)], programme.StartDates);
        Assert.Equal([TigWelding], programme.SkillIds);

        var before = Row(await PanelAsync(programme), TigWelding).RequiredNow;
        await NeedAsync(TigWelding, headcount: 9, approved: true);
        await NeedAsync(TigWelding, headcount: 50, approved: false);
        Assert.Equal(before + 9, Row(await PanelAsync(programme), TigWelding).RequiredNow);

        var html = Html.Decode(await client.GetStringAsync(new Uri(page, UriKind.Relative)));
        Assert.Contains("data-testid=\"demand-panel\"", html, StringComparison.Ordinal);
        Assert.Contains("TIG-svetsning", html, StringComparison.Ordinal);
        Assert.Contains("Svetsteknik YH", await client.GetStringAsync(new Uri("/utbildningsanordnare", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_skill_nobody_teaches_leaves_the_list_when_a_programme_teaches_it_and_returns_when_that_is_archived()
    {
        var (provider, _) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        using var client = await factory.SignedInAsync(provider);
        var untaught = await UntaughtSkillAsync();
        var needId = await NeedAsync(untaught, headcount: 450, approved: true);
        var person = await TestAccounts.CreatePersonAsync(factory);

        using var saved = await client.SubmitFormAsync("/utbildningsanordnare/utbildningar/redigera",
            ProgrammeForm("Kort kurs", TigWelding, siteId: null, "2027-03-01"));
        var page = saved.Headers.Location!.OriginalString;
        var programme = await ProgrammeAsync(int.Parse(page.Split('/')[^1], CultureInfo.InvariantCulture));
        Assert.Contains((await PanelAsync(programme)).TaughtNowhere, d => d.SkillId == untaught);
        Assert.DoesNotContain(await PathAsync(person.ProfileId, needId), s => s == programme.Id);

        // Edit: the picker's ticked result adds the skill; insights and learning paths see it at once.
        var edit = $"/utbildningsanordnare/utbildningar/redigera/{programme.Id}";
        using (var edited = await client.SubmitFormAsync(edit,
            [.. ProgrammeForm("Kort kurs", TigWelding, siteId: null, "2027-03-01"), new("Input.AddSkillIds", untaught)], edit))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        programme = await ProgrammeAsync(programme.Id);
        Assert.Equal([TigWelding, untaught], programme.SkillIds);
        Assert.DoesNotContain((await PanelAsync(programme)).TaughtNowhere, d => d.SkillId == untaught);
        Assert.Contains(await PathAsync(person.ProfileId, needId), s => s == programme.Id);
        Assert.Contains(await OffersAsync(), p => p == programme.Id);

        using (var archived = await client.SubmitFormAsync(page, [], page + "?handler=Archive"))
        {
            Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        }

        programme = await ProgrammeAsync(programme.Id);
        Assert.True(programme.IsArchived);
        Assert.Contains((await PanelAsync(programme)).TaughtNowhere, d => d.SkillId == untaught);
        Assert.DoesNotContain(await PathAsync(person.ProfileId, needId), s => s == programme.Id);
        Assert.DoesNotContain(await OffersAsync(), p => p == programme.Id);
        var list = await client.GetStringAsync(new Uri("/utbildningsanordnare", UriKind.Relative));
        Assert.Contains("Kort kurs", list, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"archived-mark\"", list, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"archived\"", await client.GetStringAsync(new Uri(page, UriKind.Relative)), StringComparison.Ordinal);

        using (var restored = await client.SubmitFormAsync(page, [], page + "?handler=Restore"))
        {
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }

        Assert.False((await ProgrammeAsync(programme.Id)).IsArchived);
        Assert.Contains(await OffersAsync(), p => p == programme.Id);
        Assert.Contains(await PathAsync(person.ProfileId, needId), s => s == programme.Id);

        // A provider that is no longer approved offers nothing: its programme leaves insights and learning paths.
        await SetApprovedAsync(programme.ProviderId, approved: false);
        Assert.DoesNotContain(await OffersAsync(), p => p == programme.Id);
        Assert.DoesNotContain(await PathAsync(person.ProfileId, needId), s => s == programme.Id);
        await SetApprovedAsync(programme.ProviderId, approved: true);
        Assert.Contains(await OffersAsync(), p => p == programme.Id);
    }

    private async Task SetApprovedAsync(int organisationId, bool approved)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Organisations.Where(o => o.Id == organisationId)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.IsApproved, approved));
    }

    [Fact]
    public async Task Another_provider_can_neither_see_edit_nor_archive_a_programme()
    {
        var (providerA, _) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        var (providerB, _) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        using var a = await factory.SignedInAsync(providerA);
        using var b = await factory.SignedInAsync(providerB);
        using var saved = await a.SubmitFormAsync("/utbildningsanordnare/utbildningar/redigera",
            ProgrammeForm("Hemlig plan", TigWelding, siteId: null, "2027-03-01"));
        var page = saved.Headers.Location!.OriginalString;
        var id = int.Parse(page.Split('/')[^1], CultureInfo.InvariantCulture);

        foreach (var path in new[] { page, $"/utbildningsanordnare/utbildningar/redigera/{id}" })
        {
            using var response = await b.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using (var archive = await b.SubmitFormAsync("/utbildningsanordnare", [], page + "?handler=Archive"))
        {
            Assert.Equal(HttpStatusCode.NotFound, archive.StatusCode);
        }

        using (var overwrite = await b.SubmitFormAsync("/utbildningsanordnare", ProgrammeForm("Kapad", TigWelding, null, "2027-03-01"), $"/utbildningsanordnare/utbildningar/redigera/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, overwrite.StatusCode);
        }

        var programme = await ProgrammeAsync(id);
        Assert.Equal(("Hemlig plan", false), (programme.Title, programme.IsArchived));
        Assert.DoesNotContain("Hemlig plan", await b.GetStringAsync(new Uri("/utbildningsanordnare", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skills_are_found_in_the_course_description_and_missing_fields_show_the_error_summary()
    {
        var (provider, _) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        using var client = await factory.SignedInAsync(provider);
        const string editor = "/utbildningsanordnare/utbildningar/redigera";

        using var recognised = await client.SubmitFormAsync(editor,
            [new("Input.Description", "Du lär dig TIG-svetsning och MIG-svetsning i rostfritt.")], editor + "?handler=Recognise");
        var html = await recognised.Content.ReadAsStringAsync();
        Assert.Contains($"value=\"{TigWelding}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"recognised\"", html, StringComparison.Ordinal);

        using var searched = await client.SubmitFormAsync(editor, [new("Input.SkillQuery", "tig-svets")], editor + "?handler=Search");
        Assert.Contains($"name=\"Input.AddSkillIds\" value=\"{TigWelding}\"", await searched.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var invalid = await client.SubmitFormAsync(editor, [new("Input.LengthWeeks", "0")]);
        var errors = await invalid.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        foreach (var field in new[] { "Input_Title", "Input_Level", "Input_LengthWeeks", "Input_Seats", "Input_SiteId", "Input_SkillQuery" })
        {
            Assert.Contains($"href=\"#{field}\"", errors, StringComparison.Ordinal);
        }
    }

    private static List<KeyValuePair<string, string>> ProgrammeForm(string title, string skill, int? siteId, params string[] starts)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Title", title), new("Input.Level", nameof(ProgrammeLevel.Yh)), new("Input.Description", "Svetsning i teori och praktik."),
            new("Input.Skills[0].SkillId", skill), new("Input.LengthWeeks", "40"), new("Input.Seats", "24"),
            new("Input.SiteId", siteId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty), new("Input.IsDistance", siteId is null ? "true" : "false"),
        };
        fields.AddRange(starts.Select((d, i) => new KeyValuePair<string, string>($"Input.StartDates[{i}]", d)));
        fields.Add(new($"Input.StartDates[{starts.Length}]", string.Empty));
        return fields;
    }

    private static SkillDemand Row(ProgrammeDemandPanel panel, string skill) => panel.Taught.Single(d => d.SkillId == skill);

    private async Task<ProgrammeDemandPanel> PanelAsync(Programme programme)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProgrammeDemand>().ForAsync(programme, CancellationToken.None);
    }

    /// <summary>The programmes of the person's learning path towards the need.</summary>
    private async Task<IReadOnlyList<int>> PathAsync(int profileId, int needId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var path = await scope.ServiceProvider.GetRequiredService<LearningPathFinder>().ForNeedAsync(profileId, needId, CancellationToken.None);
        return path!.Path.Steps.Select(s => s.Programme.Id).ToList();
    }

    /// <summary>The programmes the regional insights count.</summary>
    private async Task<IReadOnlyList<int>> OffersAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var input = await InsightsLoader.LoadAsync(
            scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>(), scope.ServiceProvider.GetRequiredService<TaxonomyModel>(), new DateOnly(2026, 11, 1), reachableProfileIds: null);
        return input.Programmes.Select(p => p.ProgrammeId).ToList();
    }

    private async Task<Programme> ProgrammeAsync(int id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Programmes.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private async Task<int> SiteOfAsync(int organisationId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Sites.Where(s => s.OrganisationId == organisationId).Select(s => s.Id).FirstAsync();
    }

    /// <summary>A skill no programme teaches and no need asks for yet (so this test owns its demand).</summary>
    private async Task<string> UntaughtSkillAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var taught = (await db.Programmes.Select(p => p.SkillIds).ToListAsync()).SelectMany(s => s).ToHashSet(StringComparer.Ordinal);
        var asked = (await db.Needs.Select(n => n.Skills).ToListAsync()).SelectMany(s => s).Select(s => s.SkillId).ToHashSet(StringComparer.Ordinal);
        var skills = scope.ServiceProvider.GetRequiredService<TaxonomyModel>().Skills;
        return skills.Skip(Random.Shared.Next(skills.Count / 2)).First(s => !taught.Contains(s.Id) && !asked.Contains(s.Id)).Id;
    }

    /// <summary>An open need of a new employer (approved or not) that requires the skill.</summary>
    private async Task<int> NeedAsync(string skill, int headcount, bool approved)
    {
        var (_, organisationId) = await TestAccounts.CreateAsync(factory, Roles.Employer, approved);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var need = new Need
        {
            OrganisationId = organisationId!.Value, Title = "Behov " + skill, OccupationId = scope.ServiceProvider.GetRequiredService<TaxonomyModel>().Occupations.First(o => o.Ssyk4Id.Length > 0).Id, Headcount = headcount, Status = NeedStatus.Open,
            Skills = [new NeedSkill { SkillId = skill, IsRequired = true, Importance = 3 }],
        };
        db.Needs.Add(need);
        await db.SaveChangesAsync();
        return need.Id;
    }
}

using System.Net;
using Kompetensbron.Core.Needs;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.ChangeLog;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Employers;

/// <summary>Future needs: workforce by occupation and age band, retirements per year, one click to a draft need.</summary>
[Collection(WebApp.Name)]
public sealed class WorkforceTests(KompetensbronWebFactory factory)
{
    private const string Page = "/arbetsgivare/personalstruktur";

    [Fact]
    public async Task Retirements_follow_the_retirement_age_and_a_forecast_becomes_a_draft_need()
    {
        var (employer, organisationId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var (other, _) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        using var client = factory.Browser();
        using var otherClient = factory.Browser();
        (await client.LoginAsync(employer, TestAccounts.Password)).Dispose();
        (await otherClient.LoginAsync(other, TestAccounts.Password)).Dispose();

        // Five welders aged 60–64: with retirement age 65 one retires in each of years 1–5.
        using var added = await client.SubmitFormAsync(Page,
            [new("Input.Occupation", "svetsare"), new("Input.AgeFrom", "60"), new("Input.AgeTo", "64"), new("Input.Count", "5")],
            Page + "?handler=Add&RetirementAge=65");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var at65 = await client.GetStringAsync(new Uri(Page + "?RetirementAge=65", UriKind.Relative));
        var at67 = await client.GetStringAsync(new Uri(Page + "?RetirementAge=67", UriKind.Relative));
        Assert.Contains("data-testid=\"forecast\"", at65, StringComparison.Ordinal);
        Assert.Contains("<td class=\"numeric\">5</td>", at65, StringComparison.Ordinal);
        Assert.Contains("(pensionsålder 67)", Html.Decode(at67), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"forecast\"", await otherClient.GetStringAsync(new Uri(Page, UriKind.Relative)), StringComparison.Ordinal);

        var occupationId = System.Text.RegularExpressions.Regex.Match(at65, "name=\"occupationId\" value=\"([^\"]+)\"").Groups[1].Value;
        using var toNeed = await client.SubmitFormAsync(Page, [new("occupationId", occupationId)], Page + "?handler=ToNeed&RetirementAge=65");
        Assert.Equal(HttpStatusCode.Redirect, toNeed.StatusCode);
        Assert.StartsWith("/arbetsgivare/behov/redigera/", toNeed.Headers.Location!.OriginalString, StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var need = await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Needs
            .SingleAsync(n => n.OrganisationId == organisationId);
        Assert.Equal((NeedStatus.Draft, 5, occupationId), (need.Status, need.Headcount, need.OccupationId));
        Assert.NotEmpty(need.Skills);
    }

    [Fact]
    public async Task Removing_a_cohort_moves_the_change_sequence_so_other_instances_and_the_insights_see_it()
    {
        var (employer, organisationId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        using var client = factory.Browser();
        (await client.LoginAsync(employer, TestAccounts.Password)).Dispose();
        (await client.SubmitFormAsync(Page,
            [new("Input.Occupation", "svetsare"), new("Input.AgeFrom", "60"), new("Input.AgeTo", "64"), new("Input.Count", "5")],
            Page + "?handler=Add")).Dispose();

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var cohortId = await db.WorkforceCohorts.Where(c => c.OrganisationId == organisationId).Select(c => c.Id).SingleAsync();
        var before = await ChangeSequence.VersionAsync(db);

        using var removed = await client.SubmitFormAsync(Page, [new("cohortId", cohortId.ToString(System.Globalization.CultureInfo.InvariantCulture))], Page + "?handler=Remove");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await db.WorkforceCohorts.AnyAsync(c => c.Id == cohortId));
        Assert.NotEqual(before, await ChangeSequence.VersionAsync(db));
        var entries = await ChangeSequence.ReadAsync(db, before.Latest + 1, long.MaxValue, 100);
        Assert.Contains(entries, e => e.Kind == ChangedEntity.Workforce && e.EntityId == cohortId);
    }
}

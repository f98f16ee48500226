using System.Globalization;
using System.Net;
using Kompetensbron.Core.Needs;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Employers;

/// <summary>The organisation page: sites added by postal code or place, edited and removed; needs choose a site.</summary>
[Collection(WebApp.Name)]
public sealed class SiteTests(KompetensbronWebFactory factory)
{
    [Fact]
    public async Task An_employer_adds_a_site_by_postal_code_a_need_chooses_it_and_removing_it_moves_the_need()
    {
        var (employer, organisationId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        using var client = await factory.SignedInAsync(employer);

        using (var added = await client.SubmitFormAsync("/organisation/plats", [new("Input.Name", "Lagret i Värnamo"), new("Input.PostalCode", "331 20")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var site = await SiteAsync(organisationId!.Value, "Lagret i Värnamo");
        Assert.Equal(("0683", "Värnamo"), (site.MunicipalityCode, site.PlaceName));
        Assert.InRange(site.Latitude, 57.0, 57.4);
        Assert.Contains("Lagret i Värnamo", Html.Decode(await client.GetStringAsync(new Uri("/organisation", UriKind.Relative))), StringComparison.Ordinal);

        // The need form offers the site, and the need is saved there.
        Assert.Contains($"<option value=\"{site.Id}\"", await client.GetStringAsync(new Uri("/arbetsgivare/behov/redigera", UriKind.Relative)), StringComparison.Ordinal);
        using var saved = await client.SubmitFormAsync("/arbetsgivare/behov/redigera",
        [
            new("Input.Title", "Truckförare"), new("Input.Kind", nameof(NeedKind.Job)), new("Input.Occupation", "svetsare"), new("Input.Headcount", "1"),
            new("Input.SiteId", site.Id.ToString(CultureInfo.InvariantCulture)), new("Input.Skills[0].SkillId", "WBnc_JXj_MvY"), new("Input.Publish", "true"),
        ]);
        var needId = int.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        Assert.Equal(site.Id, (await NeedAsync(needId)).SiteId);

        // Edit by place and municipality instead.
        using (var edited = await client.SubmitFormAsync($"/organisation/plats/{site.Id}",
            [new("Input.Name", "Lagret i Anderstorp"), new("Input.PlaceName", "Anderstorp"), new("Input.MunicipalityCode", "0662")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        site = await SiteAsync(organisationId.Value, "Lagret i Anderstorp");
        Assert.Equal(("0662", "Anderstorp", (string?)null), (site.MunicipalityCode, site.PlaceName, site.PostalCode));
        Assert.Equal(57.2815, site.Latitude, 3);

        using (var removed = await client.SubmitFormAsync("/organisation", [new("siteId", site.Id.ToString(CultureInfo.InvariantCulture))], "/organisation?handler=RemoveSite"))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        Assert.Null((await NeedAsync(needId)).SiteId);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Sites.AnyAsync(s => s.Id == site.Id));
    }

    [Fact]
    public async Task The_last_site_stays_and_wrong_addresses_are_explained()
    {
        var (employer, organisationId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        using var client = await factory.SignedInAsync(employer);
        var only = await SiteAsync(organisationId!.Value, "Huvudkontoret");

        using var last = await client.SubmitFormAsync("/organisation", [new("siteId", only.Id.ToString(CultureInfo.InvariantCulture))], "/organisation?handler=RemoveSite");
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Contains("data-testid=\"error-summary\"", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var unknown = await client.SubmitFormAsync("/organisation/plats", [new("Input.Name", "X"), new("Input.PostalCode", "000 00")]);
        Assert.Contains("href=\"#Input_PostalCode\"", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var elsewhere = await client.SubmitFormAsync("/organisation/plats", [new("Input.Name", "X"), new("Input.PostalCode", "331 20"), new("Input.MunicipalityCode", "0662")]);
        Assert.Contains("href=\"#Input_PostalCode\"", await elsewhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var nowhere = await client.SubmitFormAsync("/organisation/plats", [new("Input.Name", "")]);
        var html = await nowhere.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#Input_Name\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_MunicipalityCode\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_organisation_can_neither_edit_nor_remove_a_site()
    {
        var (employerA, organisationA) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var (employerB, _) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var (provider, _) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        using var a = await factory.SignedInAsync(employerA);
        (await a.SubmitFormAsync("/organisation/plats", [new("Input.Name", "Andra verkstaden"), new("Input.MunicipalityCode", "0662")])).Dispose();
        var site = await SiteAsync(organisationA!.Value, "Andra verkstaden");

        foreach (var other in new[] { employerB, provider })
        {
            using var client = await factory.SignedInAsync(other);
            using var page = await client.GetAsync(new Uri($"/organisation/plats/{site.Id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            using var edit = await client.SubmitFormAsync("/organisation", [new("Input.Name", "Kapad"), new("Input.MunicipalityCode", "0662")], $"/organisation/plats/{site.Id}");
            Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
            using var remove = await client.SubmitFormAsync("/organisation", [new("siteId", site.Id.ToString(CultureInfo.InvariantCulture))], "/organisation?handler=RemoveSite");
            Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
            Assert.DoesNotContain("Andra verkstaden", await client.GetStringAsync(new Uri("/organisation", UriKind.Relative)), StringComparison.Ordinal);
        }

        Assert.Equal("Andra verkstaden", (await SiteAsync(organisationA.Value, "Andra verkstaden")).Name);
    }

    private async Task<Kompetensbron.Core.Organisations.Site> SiteAsync(int organisationId, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Sites.AsNoTracking()
            .SingleAsync(s => s.OrganisationId == organisationId && s.Name == name);
    }

    private async Task<Need> NeedAsync(int id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Needs.AsNoTracking().SingleAsync(n => n.Id == id);
    }
}

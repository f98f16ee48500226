using System.Net;
using System.Text;
using Kompetensbron.Core.Needs;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Import;

/// <summary>The upload page: dry run, errors with row and column, confirmation, templates, and who may import what.</summary>
public sealed class ImportPageTests(EmptyWebFactory factory) : IClassFixture<EmptyWebFactory>
{
    private const string Header = "Organisationsnummer,Typ,Titel,Yrke,Antal,Krav,Meriterande,Körkort och certifikat,Svenska (lägsta nivå),Kommun";

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    private async Task<(HttpClient Client, int? OrganisationId, string Number)> LoginAsync(string role)
    {
        var (email, organisationId) = await TestAccounts.CreateAsync(factory, role);
        var client = factory.Browser();
        (await client.LoginAsync(email, TestAccounts.Password)).Dispose();
        var number = organisationId is { } id ? await QueryAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.OrganisationNumber).SingleAsync()) : "";
        return (client, organisationId, number);
    }

    private async Task<T> QueryAsync<T>(Func<KompetensbronDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>());
    }

    [Fact]
    public async Task A_coordinator_sees_row_3_named_then_tries_a_good_file_and_confirms_it()
    {
        var (client, _, _) = await LoginAsync(Roles.Coordinator);
        var (_, employerId, number) = await LoginAsync(Roles.Employer);
        var before = await BadFileCorpusTests.CountsAsync(factory);

        var (_, bad) = await ImportUpload.UploadAsync(client, "Needs", "behov.csv",
            Csv($"{Header}\n{number},Jobb,Svetsare till verkstaden,Svetsare,1,,,,,0617\n{number},Jobb,Montör,Svetsare,många,,,,,0617\n"), dryRun: false);

        Assert.Contains("Inget importerades. Filen har 1 fel.", bad, StringComparison.Ordinal);
        Assert.Matches("<td class=\"numeric\">3</td>\\s*<td>Antal\\s*</td>\\s*<td>'många' är inte ett heltal", bad);
        Assert.Equal(before, await BadFileCorpusTests.CountsAsync(factory));

        var good = Csv($"{Header}\n{number},Jobb,Svetsare till verkstaden,Svetsare,1,,,,,0617\n{number};Jobb;Montör;Svetsare;2;;;;;0617\n".Replace(';', ','));
        var (_, dryRun) = await ImportUpload.UploadAsync(client, "Needs", "behov.csv", good, dryRun: true);

        Assert.Contains("Provkörning: 2 skulle skapas och 0 uppdateras, från 2 rader.", dryRun, StringComparison.Ordinal);
        Assert.Equal(before, await BadFileCorpusTests.CountsAsync(factory));

        var (confirmed, saved) = await ImportUpload.ConfirmAsync(client, dryRun);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Klart: 2 skapades och 0 uppdaterades", saved, StringComparison.Ordinal);
        Assert.Equal(2, await QueryAsync(db => db.Needs.CountAsync(n => n.OrganisationId == employerId)));

        // The ticket is used up: a second confirmation imports nothing more.
        var (_, again) = await ImportUpload.ConfirmAsync(client, dryRun);
        Assert.Contains("Filen finns inte kvar längre", again, StringComparison.Ordinal);
        Assert.Equal(2, await QueryAsync(db => db.Needs.CountAsync(n => n.OrganisationId == employerId)));
    }

    [Fact]
    public async Task An_employer_imports_only_for_its_own_organisation()
    {
        var (client, organisationId, number) = await LoginAsync(Roles.Employer);
        var (_, otherId, otherNumber) = await LoginAsync(Roles.Employer);

        var page = Html.Decode(await client.GetStringAsync(new Uri(ImportUpload.Page, UriKind.Relative)));
        Assert.Contains("data-testid=\"own-organisation\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"Profiles\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"Programmes\"", page, StringComparison.Ordinal);

        var (_, foreign) = await ImportUpload.UploadAsync(client, "Needs", "behov.csv",
            Csv($"{Header}\n{number},Jobb,Svetsare,Svetsare,1,,,,,0617\n{otherNumber},Jobb,Svetsare,Svetsare,1,,,,,0617\n"), dryRun: false);
        Assert.Contains($"Du kan bara importera för din egen organisation, inte för {otherNumber}.", foreign, StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.Needs.CountAsync(n => n.OrganisationId == organisationId || n.OrganisationId == otherId)));

        var (_, profiles) = await ImportUpload.UploadAsync(client, "Profiles", "profiler.csv", Csv("Namn,Kommun\nEva,0617\n"), dryRun: false);
        Assert.Contains("Välj vad du vill importera.", profiles, StringComparison.Ordinal);

        var ads = Csv(
            $$$"""{"id": "71000001", "headline": "Svetsare", "occupation": {"concept_id": "9haD_NB6_ULH"}, "employer": {"organization_number": "{{{number}}}", "name": "Egen AB"}}""" + "\n" +
            $$$"""{"id": "71000002", "headline": "Svetsare", "occupation": {"concept_id": "9haD_NB6_ULH"}, "employer": {"organization_number": "{{{otherNumber}}}", "name": "Annan AB"}}""" + "\n");
        var (_, jobTech) = await ImportUpload.UploadAsync(client, "JobTech", "annonser.jsonl", ads, dryRun: false);
        Assert.Contains("Klart: 1 skapades", jobTech, StringComparison.Ordinal);
        Assert.Contains("du kan bara importera din egen organisations annonser", jobTech, StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync(db => db.Needs.CountAsync(n => n.OrganisationId == organisationId && n.ExternalId == "jobtech:71000001")));
        Assert.Equal(0, await QueryAsync(db => db.Needs.CountAsync(n => n.ExternalId == "jobtech:71000002")));
    }

    [Fact]
    public async Task A_provider_may_not_import_needs_and_a_person_may_not_open_the_page()
    {
        var (provider, providerId, number) = await LoginAsync(Roles.EducationProvider);
        var (_, needs) = await ImportUpload.UploadAsync(provider, "Needs", "behov.csv", Csv($"{Header}\n{number},Jobb,Svetsare,Svetsare,1,,,,,0617\n"), dryRun: false);
        Assert.Contains("Välj vad du vill importera.", needs, StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.Needs.CountAsync(n => n.OrganisationId == providerId)));

        var person = await TestAccounts.CreatePersonAsync(factory);
        using var client = factory.Browser();
        (await client.LoginAsync(person.Email, TestAccounts.Password)).Dispose();
        using var response = await client.GetAsync(new Uri(ImportUpload.Page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Templates_download_from_the_page_and_import_as_empty_files(string format)
    {
        var (client, _, _) = await LoginAsync(Roles.Coordinator);
        var page = await client.GetStringAsync(new Uri(ImportUpload.Page, UriKind.Relative));
        Assert.Contains($"?handler=Template&amp;kind=Programmes&amp;format={format}", page, StringComparison.Ordinal);

        using var response = await client.GetAsync(new Uri($"{ImportUpload.Page}?handler=Template&kind=Programmes&format={format}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (format == "csv")
        {
            Assert.Contains("organisationsnummer", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }

        var (_, html) = await ImportUpload.UploadAsync(client, "Programmes", $"mall.{format}", bytes, dryRun: true);
        Assert.Contains("Provkörning: 0 skulle skapas och 0 uppdateras, från 0 rader.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_speaks_english_when_asked()
    {
        var (client, _, _) = await LoginAsync(Roles.Coordinator);
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        var (_, html) = await ImportUpload.UploadAsync(client, "Profiles", "profiles.csv", Csv("Namn,Kommun\n=1+1,0617\n"), dryRun: false);

        Assert.Contains("Nothing was imported. The file has 1 errors.", html, StringComparison.Ordinal);
        Assert.Contains("may run as a formula in a spreadsheet", html, StringComparison.Ordinal);
        Html.AssertNoInlineCode(html);
    }
}

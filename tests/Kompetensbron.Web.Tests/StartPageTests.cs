using System.Net;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Data;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests;

[Collection(WebApp.Name)]
public sealed class StartPageTests(KompetensbronWebFactory factory)
{
    [Fact]
    public async Task Start_page_shows_the_live_counts_from_the_database()
    {
        await AddOneOfEachAsync();
        using var client = factory.Browser();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var approvedEmployers = db.Organisations.Where(o => o.Kind == OrganisationKind.Employer && o.IsApproved);
        var expected = new Dictionary<string, int>
        {
            ["employers"] = await approvedEmployers.CountAsync(),
            ["needs"] = await db.Needs.CountAsync(n => n.Status == NeedStatus.Open && approvedEmployers.Any(o => o.Id == n.OrganisationId)),
            ["profiles"] = await db.Profiles.CountAsync(),
            ["programmes"] = await db.Programmes.CountAsync(p => !p.IsArchived),
        };
        foreach (var (name, count) in expected)
        {
            Assert.True(count > 0, $"{name} is 0 in the database");
            Assert.Equal(count, Html.Count(html, name));
        }
    }

    [Fact]
    public async Task Start_page_is_Swedish_by_default_with_lang_sv_and_landmarks()
    {
        using var client = factory.Browser();
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("<html lang=\"sv\">", html, StringComparison.Ordinal);
        Assert.Contains("Hoppa till innehållet", Html.Decode(html), StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
        Assert.Contains("<header", html, StringComparison.Ordinal);
        Assert.Contains("<footer", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_is_healthy()
    {
        using var client = factory.Browser();
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task About_data_renders_the_repository_SOURCES_md()
    {
        using var client = factory.Browser();
        var html = Html.Decode(await client.GetStringAsync(new Uri("/om-data", UriKind.Relative)));

        Assert.Contains("data-testid=\"sources\"", html, StringComparison.Ordinal);
        Assert.Contains("JobTech", html, StringComparison.Ordinal);
        Assert.Contains("<h2>", html, StringComparison.Ordinal);
        Assert.Contains("<li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_page_is_404_with_a_friendly_page()
    {
        using var client = factory.Browser();
        using var response = await client.GetAsync(new Uri("/finns-inte", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Sidan finns inte", Html.Decode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    /// <summary>So the counts are non-zero whether or not the demo region is loaded.</summary>
    private async Task AddOneOfEachAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var now = DateTimeOffset.UtcNow;
        var employer = new Organisation
        {
            Kind = OrganisationKind.Employer, Name = "Räknevärk AB", OrganisationNumber = TestAccounts.UniqueOrganisationNumber(),
            IsApproved = true, CreatedAt = now,
        };
        var provider = new Organisation
        {
            Kind = OrganisationKind.EducationProvider, Name = "Räkneskolan", OrganisationNumber = TestAccounts.UniqueOrganisationNumber(),
            IsApproved = true, CreatedAt = now,
        };
        db.Organisations.AddRange(employer, provider);
        await db.SaveChangesAsync();
        db.Needs.Add(new Need
        {
            OrganisationId = employer.Id, Title = "CNC-operatör", OccupationId = "9haD_NB6_ULH", Status = NeedStatus.Open,
            CreatedAt = now, UpdatedAt = now,
        });
        db.Profiles.Add(new Profile { DisplayName = "Räknad Person", MunicipalityCode = "0662", CreatedAt = now, UpdatedAt = now });
        db.Programmes.Add(new Programme { ProviderId = provider.Id, Title = "Svetsutbildning", LengthWeeks = 20, Seats = 12, CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();
    }
}

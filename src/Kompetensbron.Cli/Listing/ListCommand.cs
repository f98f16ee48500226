using System.CommandLine;
using System.Globalization;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Kompetensbron.Cli.Listing;

/// <summary><c>list organisations|needs|profiles|programmes</c>: what is in the database.</summary>
internal static class ListCommand
{
    /// <summary>One printed row: the JSON object, and the same facts as table cells.</summary>
    private sealed record Listing(IReadOnlyList<string> Columns, IReadOnlyList<object> Json, IReadOnlyList<string[]> Rows);

    public static Command Build(CliConsole console)
    {
        var list = new Command("list", "List organisations, needs, profiles or programmes (ordered by id).");
        foreach (var (name, description, query) in Listings())
        {
            var top = new Option<int>("--top") { Description = "How many to show.", DefaultValueFactory = _ => 20 };
            var json = new Option<bool>("--json") { Description = "Print a JSON array (each object has id and a readable name or title)." };
            var command = new Command(name, description) { top, json };
            command.SetAction((parseResult, ct) => CliServices.RunAsync(parseResult, console, async (services, token) =>
            {
                var n = parseResult.GetValue(top);
                if (n < 1)
                {
                    return console.Fail("--top must be at least 1.");
                }

                var listing = await query(services, n, token);
                if (parseResult.GetValue(json))
                {
                    console.WriteJson(listing.Json);
                    return 0;
                }

                var table = new Table();
                foreach (var column in listing.Columns)
                {
                    table.AddColumn(column);
                }

                foreach (var row in listing.Rows)
                {
                    table.AddRow(row.Select(Markup.Escape).ToArray());
                }

                console.Ansi.Write(table);
                return 0;
            }, ct));
            list.Subcommands.Add(command);
        }

        return list;
    }

    private static IEnumerable<(string Name, string Description, Func<IServiceProvider, int, CancellationToken, Task<Listing>> Query)> Listings()
    {
        yield return ("organisations", "Employers and education providers.", Organisations);
        yield return ("needs", "Employers' needs (jobs, apprenticeships, APL places, internships, summer jobs, trainee places).", Needs);
        yield return ("profiles", "People's profiles (names as they chose to show them).", Profiles);
        yield return ("programmes", "Education programmes and courses.", Programmes);
    }

    private static string Municipality(GeographyModel geography, string? code) =>
        code is null ? "" : geography.FindMunicipality(code)?.Name ?? code;

    private static async Task<Listing> Organisations(IServiceProvider services, int top, CancellationToken ct)
    {
        var db = services.GetRequiredService<KompetensbronDbContext>();
        var geography = services.GetRequiredService<GeographyModel>();
        var rows = await db.Organisations.AsNoTracking().Include(o => o.Sites).OrderBy(o => o.Id).Take(top).ToListAsync(ct);
        return new Listing(
            ["Id", "Name", "Kind", "Org. no.", "SNI", "Approved", "Municipalities"],
            rows.Select(o => (object)new
            {
                id = o.Id,
                name = o.Name,
                kind = o.Kind,
                organisationNumber = o.OrganisationNumber,
                sniCode = o.SniCode,
                approved = o.IsApproved,
                municipalities = o.Sites.Select(s => s.MunicipalityCode).Distinct().ToArray(),
            }).ToList(),
            rows.Select(o => new[]
            {
                Id(o.Id), o.Name, o.Kind.ToString(), o.OrganisationNumber, o.SniCode ?? "", o.IsApproved ? "yes" : "no",
                string.Join(", ", o.Sites.Select(s => Municipality(geography, s.MunicipalityCode)).Distinct()),
            }).ToList());
    }

    private static async Task<Listing> Needs(IServiceProvider services, int top, CancellationToken ct)
    {
        var db = services.GetRequiredService<KompetensbronDbContext>();
        var taxonomy = services.GetRequiredService<TaxonomyModel>();
        var geography = services.GetRequiredService<GeographyModel>();
        var rows = await (
            from n in db.Needs.AsNoTracking()
            join o in db.Organisations on n.OrganisationId equals o.Id
            join s in db.Sites on n.SiteId equals s.Id into sites
            from s in sites.DefaultIfEmpty()
            orderby n.Id
            select new { Need = n, Organisation = o.Name, MunicipalityCode = s == null ? null : s.MunicipalityCode })
            .Take(top).ToListAsync(ct);
        return new Listing(
            ["Id", "Title", "Kind", "Occupation", "Employer", "Municipality", "Headcount", "Start", "Status"],
            rows.Select(r => (object)new
            {
                id = r.Need.Id,
                title = r.Need.Title,
                kind = r.Need.Kind,
                occupationId = r.Need.OccupationId,
                occupation = taxonomy.FindOccupation(r.Need.OccupationId)?.Label,
                organisation = r.Organisation,
                municipalityCode = r.MunicipalityCode,
                headcount = r.Need.Headcount,
                startDate = r.Need.StartDate,
                status = r.Need.Status,
            }).ToList(),
            rows.Select(r => new[]
            {
                Id(r.Need.Id), r.Need.Title, r.Need.Kind.ToString(), taxonomy.FindOccupation(r.Need.OccupationId)?.Label ?? r.Need.OccupationId,
                r.Organisation, Municipality(geography, r.MunicipalityCode), Id(r.Need.Headcount),
                r.Need.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", r.Need.Status.ToString(),
            }).ToList());
    }

    private static async Task<Listing> Profiles(IServiceProvider services, int top, CancellationToken ct)
    {
        var db = services.GetRequiredService<KompetensbronDbContext>();
        var geography = services.GetRequiredService<GeographyModel>();
        var rows = await db.Profiles.AsNoTracking().OrderBy(p => p.Id).Take(top)
            .Select(p => new { p.Id, p.DisplayName, p.MunicipalityCode, Skills = p.Skills.Count, p.MaxCommuteMinutes, p.CommuteMode, p.Visibility })
            .ToListAsync(ct);
        return new Listing(
            ["Id", "Name", "Municipality", "Skills", "Max commute", "Visibility"],
            rows.Select(p => (object)new
            {
                id = p.Id,
                name = p.DisplayName,
                municipalityCode = p.MunicipalityCode,
                skills = p.Skills,
                maxCommuteMinutes = p.MaxCommuteMinutes,
                commuteMode = p.CommuteMode,
                visibility = p.Visibility,
            }).ToList(),
            rows.Select(p => new[]
            {
                Id(p.Id), p.DisplayName, Municipality(geography, p.MunicipalityCode), Id(p.Skills),
                $"{p.MaxCommuteMinutes} min ({p.CommuteMode})", p.Visibility.ToString(),
            }).ToList());
    }

    private static async Task<Listing> Programmes(IServiceProvider services, int top, CancellationToken ct)
    {
        var db = services.GetRequiredService<KompetensbronDbContext>();
        var rows = await (
            from p in db.Programmes.AsNoTracking()
            join o in db.Organisations on p.ProviderId equals o.Id
            orderby p.Id
            select new { Programme = p, Provider = o.Name })
            .Take(top).ToListAsync(ct);
        return new Listing(
            ["Id", "Title", "Provider", "Level", "Weeks", "Seats", "Skills", "Starts"],
            rows.Select(r => (object)new
            {
                id = r.Programme.Id,
                title = r.Programme.Title,
                provider = r.Provider,
                level = r.Programme.Level,
                lengthWeeks = r.Programme.LengthWeeks,
                seats = r.Programme.Seats,
                skillIds = r.Programme.SkillIds,
                startDates = r.Programme.StartDates,
                isDistance = r.Programme.IsDistance,
            }).ToList(),
            rows.Select(r => new[]
            {
                Id(r.Programme.Id), r.Programme.Title, r.Provider, r.Programme.Level.ToString(), Id(r.Programme.LengthWeeks),
                Id(r.Programme.Seats), Id(r.Programme.SkillIds.Count),
                string.Join(", ", r.Programme.StartDates.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            }).ToList());
    }

    private static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);
}

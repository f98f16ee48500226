using System.Text;
using Kompetensbron.Core.Insights.Reports;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Kompetensbron.Web.Insights;

/// <summary>Links from the dashboard to its downloads and printable page, carrying the same filter.</summary>
public static class ExportLinks
{
    public const string DashboardPath = "/insikter";
    public const string XlsxPath = "/insikter/export.xlsx";
    public const string CsvPath = "/insikter/export.csv";
    public const string PrintablePath = "/insikter/rapport";

    public static string Dashboard(DashboardFilter filter) => With(DashboardPath, filter);

    public static string Xlsx(DashboardFilter filter) => With(XlsxPath, filter);

    public static string Csv(DashboardFilter filter) => With(CsvPath, filter);

    public static string Printable(DashboardFilter filter) => With(PrintablePath, filter);

    private static string With(string path, DashboardFilter filter) =>
        QueryHelpers.AddQueryString(path, filter.RouteValues().Where(kv => kv.Value is not null));
}

/// <summary>The dashboard's downloads: every table as Excel sheets, or one table as CSV (default: occupations).</summary>
public static class InsightsEndpoints
{
    public static IEndpointRouteBuilder MapInsightsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/insikter")
            .RequireAuthorization(p => p.RequireRole(Roles.Coordinator, Roles.EducationProvider))
            .ExcludeFromDescription();

        group.MapGet("/export.xlsx", async (HttpContext http, InsightsDashboard dashboard, UserManager<KompetensbronUser> users, KompetensbronDbContext db,
            string? kommun, string? yrkesomrade, int? horisont, CancellationToken ct) =>
        {
            var (view, denied) = await ViewFor(http, dashboard, users, db, kommun, yrkesomrade, horisont, ct);
            if (denied is not null)
            {
                return denied;
            }

            var stream = new MemoryStream();
            ReportWriters.WriteXlsx(view!.Report, stream);
            stream.Position = 0;
            return Results.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(view.Filter, "xlsx"));
        });

        group.MapGet("/export.csv", async (HttpContext http, InsightsDashboard dashboard, UserManager<KompetensbronUser> users, KompetensbronDbContext db,
            string? kommun, string? yrkesomrade, int? horisont, string? tabell, CancellationToken ct) =>
        {
            var key = string.IsNullOrWhiteSpace(tabell) ? "occupations" : tabell;
            if (!InsightsReport.TableKeys.Contains(key))
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Unknown table",
                    detail: $"tabell must be one of {string.Join(", ", InsightsReport.TableKeys)}.");
            }

            var (view, denied) = await ViewFor(http, dashboard, users, db, kommun, yrkesomrade, horisont, ct);
            if (denied is not null)
            {
                return denied;
            }

            using var writer = new StringWriter();
            ReportWriters.WriteCsv(view!.Report.Table(key), writer);
            return Results.File(new UTF8Encoding(false).GetBytes(writer.ToString()), "text/csv; charset=utf-8", FileName(view.Filter, "csv", key));
        });

        return app;
    }

    private static async Task<(DashboardView? View, IResult? Denied)> ViewFor(
        HttpContext http, InsightsDashboard dashboard, UserManager<KompetensbronUser> users, KompetensbronDbContext db,
        string? kommun, string? yrkesomrade, int? horisont, CancellationToken ct)
    {
        var access = await InsightsAccess.ForAsync(http.User, users, db, ct);
        if (access.Redirect is not null)
        {
            return (null, Results.Forbid());
        }

        var filter = DashboardFilter.From(kommun, yrkesomrade, horisont);
        if (filter.Municipality is { } code && !dashboard.IsKnownMunicipality(code))
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown municipality",
                detail: $"kommun must be a municipality code in Jönköping county, e.g. 0617; got '{code}'."));
        }

        if (filter.Field is { } field && !dashboard.IsKnownField(field))
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown occupation field",
                detail: $"yrkesomrade must be an SSYK level-1 code (0–9); got '{field}'."));
        }

        return (await dashboard.ComputeAsync(filter, access.OwnProviderId, ct), null);
    }

    private static string FileName(DashboardFilter filter, string extension, string? table = null) =>
        $"kompetensbron-{filter.Municipality ?? "lanet"}-{filter.Horizon}ar{(table is null ? "" : "-" + table)}.{extension}";
}

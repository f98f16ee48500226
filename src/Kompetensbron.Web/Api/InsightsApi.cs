using Kompetensbron.Core.Insights;
using Kompetensbron.Core.Insights.Reports;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Insights;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Kompetensbron.Web.Api;

/// <summary>A published cell: the text people see ("&lt;5" where fewer than five people) and the number behind it (null when suppressed).</summary>
public sealed record InsightsCellJson(string Text, double? Number);

/// <summary>One table of the regional insights.</summary>
public sealed record InsightsTableJson(string Key, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<InsightsCellJson>> Rows, IReadOnlyList<InsightsCellJson>? Total);

/// <summary>The regional insights for a filter: the same tables as the dashboard and its downloads.</summary>
public sealed record InsightsJson(string? Municipality, string? Field, int Horizon, string Scope, IReadOnlyList<InsightsTableJson> Tables, IReadOnlyList<string> Notes);

/// <summary>
/// <c>/api/v1/insights</c>: supply vs demand, forecasts, programme relevance and gender balance with counts under five
/// people suppressed. For coordinators and education providers (a provider's own programmes only, as on the dashboard).
/// </summary>
public static class InsightsApi
{
    public static RouteGroupBuilder MapInsightsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/insights", Get).WithTags("Insights").WithName("GetInsights").WithSummary("Regional insights")
            .WithDescription($"Filters: municipality (code in Jönköping county), field (SSYK level 1, 0–9), horizon (years: {string.Join(", ", Horizons.All)}), table (one of {string.Join(", ", InsightsReport.TableKeys)}).");
        return api;
    }

    internal static async Task<Results<Ok<InsightsJson>, ValidationProblem, ForbidHttpResult>> Get(
        HttpContext http, string? municipality, string? field, int? horizon, string? table,
        UserManager<KompetensbronUser> users, KompetensbronDbContext db, InsightsDashboard dashboard, CancellationToken ct)
    {
        var caller = await ApiCaller.ResolveAsync(http.User, users, db, ct);
        var provider = caller.Organisation(OrganisationKind.EducationProvider);
        if (!caller.IsCoordinator && provider is null)
        {
            return TypedResults.Forbid();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = DashboardFilter.From(municipality, field, horizon);
        if (filter.Municipality is { } code && !dashboard.IsKnownMunicipality(code))
        {
            errors["municipality"] = [$"municipality must be a municipality code in Jönköping county, e.g. 0617; got '{code}'."];
        }

        if (filter.Field is { } f && !dashboard.IsKnownField(f))
        {
            errors["field"] = [$"field must be an SSYK level-1 code (0–9); got '{f}'."];
        }

        if (horizon is { } h && !Horizons.All.Contains(h))
        {
            errors["horizon"] = [$"horizon must be one of {string.Join(", ", Horizons.All)}."];
        }

        if (table is not null && !InsightsReport.TableKeys.Contains(table))
        {
            errors["table"] = [$"table must be one of {string.Join(", ", InsightsReport.TableKeys)}."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var view = await dashboard.ComputeAsync(filter, caller.IsCoordinator ? null : provider, ct);
        var tables = view.Report.Tables.Where(t => table is null || t.Key == table).Select(t => new InsightsTableJson(
            t.Key, t.Title, t.Columns,
            t.Rows.Select(r => (IReadOnlyList<InsightsCellJson>)r.Select(Cell).ToList()).ToList(),
            t.Total?.Select(Cell).ToList())).ToList();
        return TypedResults.Ok(new InsightsJson(filter.Municipality, filter.Field, filter.Horizon, view.Report.Scope, tables, view.Report.Notes));
    }

    private static InsightsCellJson Cell(ReportCell cell) => new(cell.Text, cell.Number);
}

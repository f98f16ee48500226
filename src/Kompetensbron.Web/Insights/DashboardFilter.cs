using Kompetensbron.Core.Insights;

namespace Kompetensbron.Web.Insights;

/// <summary>
/// What the dashboard shows: a municipality (null: the whole county), an occupation field (SSYK level 1 code,
/// null: all) and a horizon in years. Bound from the query string (<c>kommun</c>, <c>yrkesomrade</c>, <c>horisont</c>).
/// </summary>
public sealed record DashboardFilter(string? Municipality, string? Field, int Horizon)
{
    public const string CountyCode = "06";

    public static DashboardFilter From(string? kommun, string? yrkesomrade, int? horisont) =>
        new(
            string.IsNullOrWhiteSpace(kommun) ? null : kommun.Trim(),
            string.IsNullOrWhiteSpace(yrkesomrade) ? null : yrkesomrade.Trim(),
            horisont is { } h && Horizons.All.Contains(h) ? h : 5);

    /// <summary>The same filter as query-string values, for links to exports and the printable page.</summary>
    public Dictionary<string, string?> RouteValues() => new()
    {
        ["kommun"] = Municipality,
        ["yrkesomrade"] = Field,
        ["horisont"] = Horizon.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

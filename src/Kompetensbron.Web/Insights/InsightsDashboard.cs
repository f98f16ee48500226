using System.Globalization;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Insights;
using Kompetensbron.Core.Insights.Reports;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.Insights;
using Kompetensbron.Data.Matching;
using Kompetensbron.Web.Localisation;

namespace Kompetensbron.Web.Insights;

/// <summary>The insights for one dashboard view, and the published tables built from them.</summary>
public sealed record DashboardView(DashboardFilter Filter, RegionalInsights Insights, ReportDocument Report);

/// <summary>
/// Computes the regional insights for a filter. Coordinators see every programme; an education provider sees the
/// same views with the programme tables limited to its own programmes. The input is read from the database only
/// after a change (<see cref="InsightsInputCache"/>), and a view once computed is reused until then.
/// </summary>
public sealed class InsightsDashboard(
    KompetensbronDbContext db, InsightsInputCache cache, TaxonomyModel taxonomy, GeographyModel geography, TimeProvider time, MatchService matches)
{
    /// <summary>Jönköping county's municipalities, for the filter.</summary>
    public IReadOnlyList<Municipality> Municipalities =>
        geography.MunicipalitiesInCounty(DashboardFilter.CountyCode).OrderBy(m => m.Name, StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), false)).ToList();

    /// <summary>The occupation fields (SSYK level 1).</summary>
    public IReadOnlyList<SsykGroup> Fields =>
        taxonomy.SsykGroups.Where(g => g.Level == 1).OrderBy(g => g.Code, StringComparer.Ordinal).ToList();

    public bool IsKnownMunicipality(string code) => Municipalities.Any(m => m.Code == code);

    public bool IsKnownField(string code) => Fields.Any(f => f.Code == code);

    public async Task<DashboardView> ComputeAsync(DashboardFilter filter, int? ownProviderId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var snapshot = await cache.GetAsync(db, today, ct);
        // The match index keeps one reach set until its next change, so a new set is a new key.
        var reachable = await matches.ReachableProfilesAsync(ct);
        var language = Cultures.IsEnglish ? ReportLanguage.English : ReportLanguage.Swedish;
        return snapshot.Result(
            new ViewKey(filter, ownProviderId, language, reachable),
            input => Compute(input with { ReachableProfileIds = reachable }, filter, ownProviderId, language));
    }

    private DashboardView Compute(InsightsInput input, DashboardFilter filter, int? ownProviderId, ReportLanguage language)
    {
        Func<string, bool>? inField = filter.Field is { } field
            ? id => taxonomy.FindSsykGroup(id)?.Code.StartsWith(field, StringComparison.Ordinal) == true
            : null;
        var insights = InsightsCalculator.Compute(input, InsightsSettings.Default, new InsightsFilter(filter.Municipality, inField), filter.Horizon);
        if (ownProviderId is { } provider)
        {
            insights = insights with
            {
                Programmes = insights.Programmes.Where(p => p.ProviderId == provider).ToList(),
                Providers = insights.Providers.Where(p => p.ProviderId == provider).ToList(),
            };
        }

        var report = InsightsReport.Build(insights, taxonomy, geography, language, filter.Municipality, input.Today);
        return new DashboardView(filter, insights, report);
    }

    /// <summary>Everything a view depends on besides the input; the reach set compares by reference.</summary>
    private sealed record ViewKey(DashboardFilter Filter, int? OwnProviderId, ReportLanguage Language, IReadOnlySet<int> Reach);
}

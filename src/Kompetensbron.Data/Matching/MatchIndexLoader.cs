using System.Diagnostics;
using Kompetensbron.Core.Matching;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data.Matching;

/// <summary>
/// What the match index is built from: open needs of approved employers (at their site, or the employer's first site
/// when the need names none) and all profiles. <see cref="NeedsWithoutPlace"/> open needs had no site at all and
/// cannot be matched by commute; they are counted, not silently dropped.
/// </summary>
public sealed record MatchIndexData(IReadOnlyList<MatchNeed> Needs, IReadOnlyList<MatchProfile> Profiles, int NeedsWithoutPlace, TimeSpan LoadTime);

/// <summary>Reads the match index's records from the database (one place for "which needs and profiles are matchable").</summary>
public static class MatchIndexLoader
{
    public static async Task<MatchIndexData> LoadAsync(KompetensbronDbContext db, string swedishLanguageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var clock = Stopwatch.StartNew();
        var needs = await MatchableNeeds(db).AsNoTracking().AsSplitQuery().ToListAsync(ct);
        var sites = await SitesFor(db, needs.Select(n => n.OrganisationId), ct);
        var records = new List<MatchNeed>(needs.Count);
        var withoutPlace = 0;
        foreach (var need in needs)
        {
            if (PlaceOf(need, sites) is { } site)
            {
                records.Add(MatchRecordMapper.ToMatchNeed(need, site));
            }
            else
            {
                withoutPlace++;
            }
        }

        var profiles = await db.Profiles.AsNoTracking().AsSplitQuery().OrderBy(p => p.Id).ToListAsync(ct);
        var profileRecords = profiles.ConvertAll(p => MatchRecordMapper.ToMatchProfile(p, swedishLanguageId));
        return new MatchIndexData(records, profileRecords, withoutPlace, clock.Elapsed);
    }

    /// <summary>One need as the index should hold it; null when it is not matchable (closed, unapproved, no place, gone).</summary>
    public static async Task<MatchNeed?> LoadNeedAsync(KompetensbronDbContext db, int needId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var need = await MatchableNeeds(db).AsNoTracking().FirstOrDefaultAsync(n => n.Id == needId, ct);
        if (need is null)
        {
            return null;
        }

        var sites = await SitesFor(db, [need.OrganisationId], ct);
        return PlaceOf(need, sites) is { } site ? MatchRecordMapper.ToMatchNeed(need, site) : null;
    }

    /// <summary>One profile as the index should hold it; null when it no longer exists.</summary>
    public static async Task<MatchProfile?> LoadProfileAsync(KompetensbronDbContext db, int profileId, string swedishLanguageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var profile = await db.Profiles.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(p => p.Id == profileId, ct);
        return profile is null ? null : MatchRecordMapper.ToMatchProfile(profile, swedishLanguageId);
    }

    private static IQueryable<Need> MatchableNeeds(KompetensbronDbContext db) =>
        from n in db.Needs
        join o in db.Organisations on n.OrganisationId equals o.Id
        where n.Status == NeedStatus.Open && o.IsApproved
        orderby n.Id
        select n;

    private static async Task<Dictionary<int, Site[]>> SitesFor(KompetensbronDbContext db, IEnumerable<int> organisationIds, CancellationToken ct)
    {
        var ids = organisationIds.Distinct().ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => ids.Contains(s.OrganisationId)).OrderBy(s => s.Id).ToListAsync(ct);
        return sites.GroupBy(s => s.OrganisationId).ToDictionary(g => g.Key, g => g.ToArray());
    }

    private static Site? PlaceOf(Need need, Dictionary<int, Site[]> sites)
    {
        var own = sites.GetValueOrDefault(need.OrganisationId) ?? [];
        return own.FirstOrDefault(s => s.Id == need.SiteId) ?? own.FirstOrDefault();
    }
}

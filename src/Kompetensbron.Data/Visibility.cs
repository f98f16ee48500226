using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Programmes;

namespace Kompetensbron.Data;

/// <summary>What is visible outside its own organisation: only what an approved organisation offers.</summary>
public static class Visibility
{
    /// <summary>Open needs of approved organisations: what people, providers, the start page and the explorer see.
    /// An unapproved employer's needs are not visible (its own members and coordinators see them elsewhere).</summary>
    public static IQueryable<Need> VisibleOpenNeeds(this KompetensbronDbContext db) =>
        db.Needs.Where(n => n.Status == NeedStatus.Open && db.Organisations.Any(o => o.Id == n.OrganisationId && o.IsApproved));

    /// <summary>Current (not archived) programmes of approved providers: what learning paths, the explorer and the
    /// regional insights count.</summary>
    public static IQueryable<Programme> VisibleProgrammes(this KompetensbronDbContext db) =>
        db.Programmes.Where(p => !p.IsArchived && db.Organisations.Any(o => o.Id == p.ProviderId && o.IsApproved));
}

using Kompetensbron.Core.Needs;

namespace Kompetensbron.Data;

/// <summary>Which needs are visible outside their own organisation.</summary>
public static class NeedQueries
{
    /// <summary>Open needs of approved organisations: what people, providers, the start page and the explorer see.
    /// An unapproved employer's needs are not visible (its own members and coordinators see them elsewhere).</summary>
    public static IQueryable<Need> VisibleOpenNeeds(this KompetensbronDbContext db) =>
        db.Needs.Where(n => n.Status == NeedStatus.Open && db.Organisations.Any(o => o.Id == n.OrganisationId && o.IsApproved));
}

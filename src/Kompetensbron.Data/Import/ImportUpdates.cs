using Kompetensbron.Core.Needs;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data.Import;

/// <summary>How imports update stored rows: a need's fields, and child rows matched by key.</summary>
internal static class ImportUpdates
{
    /// <summary>Copies what an import sets; keeps the id, organisation, creation time, and <c>ExternalId</c> when none is given.</summary>
    public static void CopyNeed(Need from, Need to)
    {
        to.Kind = from.Kind;
        to.Title = from.Title;
        to.Description = from.Description;
        to.OccupationId = from.OccupationId;
        to.Headcount = from.Headcount;
        to.Licences = [.. from.Licences];
        to.MinimumSwedishLevel = from.MinimumSwedishLevel;
        to.ShiftWork = from.ShiftWork;
        to.StartDate = from.StartDate;
        to.ApplicationDeadline = from.ApplicationDeadline;
        to.ExternalId = from.ExternalId ?? to.ExternalId;
        to.OrganisationId = from.OrganisationId;
        to.SiteId = from.SiteId;
        to.Status = from.Status;
        to.UpdatedAt = from.UpdatedAt;
    }

    /// <summary>
    /// Makes <paramref name="stored"/> hold the rows of <paramref name="wanted"/> by key: removes the others, adds
    /// the new ones (after <paramref name="attach"/> sets their parent) and lets <paramref name="update"/> change the
    /// kept ones, so a row's key never changes.
    /// </summary>
    public static void Sync<T>(DbContext db, List<T> stored, IEnumerable<T> wanted, Func<T, string> key, Action<T, T> update, Action<T> attach)
        where T : class
    {
        var byKey = wanted.ToDictionary(key, StringComparer.Ordinal);
        foreach (var row in stored.ToList())
        {
            if (byKey.Remove(key(row), out var replacement))
            {
                update(replacement, row);
            }
            else
            {
                stored.Remove(row);
                db.Remove(row);
            }
        }

        foreach (var row in byKey.Values)
        {
            attach(row);
            stored.Add(row);
            db.Add(row);
        }
    }
}

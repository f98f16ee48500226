using System.Text.Json;
using Kompetensbron.Core.Placement;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data.Placement;

/// <summary>
/// Removes a profile's applicant from the run snapshots of every round (the JSON of the round as run and of each
/// result). The applicant rows themselves go by cascade when the profile is deleted; the snapshots are text, so they
/// are rewritten here, in the caller's transaction, before that delete.
/// </summary>
public static class PlacementRoundErasure
{
    /// <summary>Rewrites the snapshots and saves; returns how many stored results changed.</summary>
    public static async Task<int> EraseProfileAsync(KompetensbronDbContext db, int profileId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var applicants = await db.Set<RoundApplicant>()
            .Where(a => a.ProfileId == profileId)
            .Select(a => new { a.RoundId, a.Id })
            .ToListAsync(ct);
        if (applicants.Count == 0)
        {
            return 0;
        }

        var roundIds = applicants.Select(a => a.RoundId).Distinct().ToList();
        var results = await db.Set<RoundResult>().Where(r => roundIds.Contains(r.RoundId)).ToListAsync(ct);
        foreach (var stored in results)
        {
            var keys = applicants.Where(a => a.RoundId == stored.RoundId)
                .Select(a => PlacementRounds.ApplicantKey(a.Id))
                .ToHashSet(StringComparer.Ordinal);
            var round = JsonSerializer.Deserialize<PlacementRound>(stored.RoundJson, PlacementRoundJson.Options)!;
            stored.RoundJson = PlacementRoundJson.Write(PlacementSnapshot.WithoutApplicants(round, keys));
            stored.ResultJson = PlacementRoundJson.Write(PlacementSnapshot.WithoutApplicants(PlacementRounds.ReadResult(stored), keys));
        }

        await db.SaveChangesAsync(ct);
        return results.Count;
    }
}

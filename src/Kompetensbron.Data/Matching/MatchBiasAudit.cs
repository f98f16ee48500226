using Kompetensbron.Core.Fairness;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Profiles;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data.Matching;

/// <summary>
/// Runs the bias check (<see cref="BiasAudit"/>) on the current data: the candidates are the profiles employers may
/// see, each with their best score against the open needs and how often they are in a need's top k, from this
/// process's match index. The self-declared gender and target group are read here, for the aggregate only.
/// </summary>
public sealed class MatchBiasAudit(MatchService matching, KompetensbronDbContext db)
{
    public async Task<BiasReport> RunAsync(int k = BiasAudit.DefaultK, double threshold = BiasAudit.DefaultThreshold, CancellationToken ct = default)
    {
        var index = await matching.EnsureLoadedAsync(ct);
        var candidates = await db.Profiles.AsNoTracking()
            .Where(p => p.Visibility != ProfileVisibility.Hidden)
            .Select(p => new { p.Id, p.Gender, p.TargetGroup })
            .ToListAsync(ct);
        var openNeeds = await db.Needs.AsNoTracking().Where(n => n.Status == NeedStatus.Open).Select(n => n.Id).ToListAsync(ct);

        var appearances = new Dictionary<int, int>();
        var needs = 0;
        foreach (var needId in openNeeds.Where(index.ContainsNeed))
        {
            needs++;
            foreach (var result in index.ProfilesForNeed(needId, k))
            {
                appearances[result.ProfileId] = appearances.GetValueOrDefault(result.ProfileId) + 1;
            }
        }

        var subjects = candidates
            .Where(c => index.ContainsProfile(c.Id))
            .Select(c => new BiasSubject(
                c.Gender,
                c.TargetGroup,
                index.NeedsForProfile(c.Id, 1) is [var best, ..] ? best.Score : 0,
                appearances.GetValueOrDefault(c.Id)))
            .ToList();
        return BiasAudit.Compute(subjects, needs, k, threshold);
    }
}

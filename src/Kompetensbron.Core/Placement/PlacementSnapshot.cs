namespace Kompetensbron.Core.Placement;

/// <summary>
/// Erasure from stored snapshots of a run: a person who deletes their account leaves the round as it was run (home,
/// birth date, gender, wishes, scores) and the result (their outcome and any blocking pair naming them). The result's
/// summary, school and gender counts are aggregates and stay, so the published figures do not change afterwards.
/// </summary>
public static class PlacementSnapshot
{
    public static PlacementRound WithoutApplicants(PlacementRound round, IReadOnlySet<string> applicantIds)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(applicantIds);
        return round with
        {
            Applicants = [.. round.Applicants.Where(a => !applicantIds.Contains(a.Id))],
            Scores = [.. round.Scores.Where(s => !applicantIds.Contains(s.ApplicantId))],
        };
    }

    public static PlacementResult WithoutApplicants(PlacementResult result, IReadOnlySet<string> applicantIds)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(applicantIds);
        return result with
        {
            Applicants = [.. result.Applicants.Where(a => !applicantIds.Contains(a.ApplicantId))],
            BlockingPairSample = [.. result.BlockingPairSample.Where(b => !applicantIds.Contains(b.ApplicantId))],
        };
    }
}

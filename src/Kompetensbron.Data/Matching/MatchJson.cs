using Kompetensbron.Core.Matching;

namespace Kompetensbron.Data.Matching;

/// <summary>Explanation sentences in both UI languages.</summary>
public sealed record MatchSentences(IReadOnlyList<string> Sv, IReadOnlyList<string> En);

/// <summary>
/// One explained match as the CLI and the API publish it: the score, its components (which add up to it), the
/// skills behind it, distance and commute, and plain sentences in Swedish and English. <see cref="ProfileId"/> is
/// left out (null) where the reader may only see a pseudonymous <see cref="Candidate"/>.
/// </summary>
public sealed record MatchJson(
    int Rank,
    int NeedId,
    string? NeedTitle,
    int? ProfileId,
    string? Candidate,
    int Score,
    bool Excluded,
    string Exclusions,
    MatchComponents Components,
    IReadOnlyList<SkillCredit> MatchedRequired,
    IReadOnlyList<SkillCredit> MatchedMeriting,
    IReadOnlyList<RelatedCredit> Related,
    IReadOnlyList<string> MissingRequired,
    ExperienceCredit? Experience,
    double DistanceKm,
    int CommuteMinutes,
    MatchSentences Explanation)
{
    public static MatchJson From(int rank, ExplainedMatch match, string? needTitle, bool showProfileId = true, string? candidate = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        var e = match.Explanation;
        return new MatchJson(
            rank,
            match.Match.NeedId,
            needTitle,
            showProfileId ? match.Match.ProfileId : null,
            candidate,
            e.Score,
            e.IsExcluded,
            e.Exclusions.ToString(),
            e.Components,
            e.MatchedRequired,
            e.MatchedMeriting,
            e.Related,
            e.MissingRequired,
            e.Experience,
            Math.Round(e.DistanceKm, 1),
            e.CommuteMinutes,
            new MatchSentences(match.SentencesSv, match.SentencesEn));
    }
}

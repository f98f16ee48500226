namespace Kompetensbron.Core.Placement;

/// <summary>
/// Fills a round's scores and wishes from a caller-supplied scorer (in the product: the matching engine's score,
/// 0–1000), so Placement needs no knowledge of how matches are scored.
/// </summary>
public static class PlacementWishes
{
    /// <summary>The round with a score for every wished pair, from <paramref name="scorer"/>.</summary>
    public static PlacementRound WithScores(PlacementRound round, Func<PlacementApplicant, PlacementPlace, int> scorer)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(scorer);
        var places = round.Places.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var scores = new List<PlacementScore>();
        foreach (var applicant in round.Applicants)
        {
            foreach (var wish in applicant.Wishes.Distinct(StringComparer.Ordinal))
            {
                if (places.TryGetValue(wish, out var place))
                {
                    scores.Add(new(applicant.Id, place.Id, scorer(applicant, place)));
                }
            }
        }

        return round with { Scores = scores };
    }

    /// <summary>
    /// For every applicant without wishes, proposes up to <paramref name="count"/> wishes: the eligible places the
    /// scorer rates highest (null means no match), best first, and records their scores. Applicants who have
    /// wishes keep them. Calls the scorer for every such applicant and place, so pre-filter large rounds.
    /// </summary>
    public static PlacementRound ProposeFromMatches(PlacementRound round, Func<PlacementApplicant, PlacementPlace, int?> scorer, int count)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var scores = new List<PlacementScore>(round.Scores);
        var applicants = new List<PlacementApplicant>(round.Applicants.Count);
        foreach (var applicant in round.Applicants)
        {
            if (applicant.Wishes.Count > 0)
            {
                applicants.Add(applicant);
                continue;
            }

            var proposed = new List<(PlacementPlace Place, int Score)>();
            foreach (var place in round.Places)
            {
                if (PlacementEligibility.Check(applicant, place) == Ineligibility.None && scorer(applicant, place) is { } score)
                {
                    proposed.Add((place, score));
                }
            }

            // Highest score first; equal scores keep the round's place order so the proposal is reproducible.
            var best = proposed.OrderByDescending(p => p.Score).Take(count).ToList();
            applicants.Add(applicant with { Wishes = [.. best.Select(p => p.Place.Id)] });
            scores.AddRange(best.Select(p => new PlacementScore(applicant.Id, p.Place.Id, p.Score)));
        }

        return round with { Applicants = applicants, Scores = scores };
    }
}

using Kompetensbron.Core.Geography;

namespace Kompetensbron.Core.Matching;

/// <summary>Collects the details of one evaluation for an explanation (never used on the ranking path).</summary>
internal sealed class MatchDetails
{
    public readonly List<(int Skill, int Level, int Points)> MatchedRequired = [];
    public readonly List<(int Skill, int Level, int Points)> MatchedMeriting = [];
    public readonly List<(int Required, int StandIn, int Level, int Closeness, int Points)> Related = [];
    public readonly List<int> MissingRequired = [];
    public readonly List<int> MissingLicences = [];
    public (int Occupation, int YearsTenths, int Percent, int Points)? Experience;
    public int RequiredCount;
    public double DistanceKm;
}

/// <summary>
/// The one scoring function (docs/decisions/0006-matching-score.md), used by the index, the brute-force scorer and
/// explanations alike: hard constraints first, then the integer components.
/// </summary>
internal static class MatchScorer
{
    public static MatchExclusions Evaluate(
        MatchModel model,
        NeedStore needs,
        int needSlot,
        ProfileStore profiles,
        int profileSlot,
        MatchPerspective perspective,
        out MatchComponents components,
        out int commuteMinutes,
        MatchDetails? details = null)
    {
        ref readonly var need = ref needs.Slots[needSlot];
        ref readonly var profile = ref profiles.Slots[profileSlot];
        components = default;
        commuteMinutes = 0;
        var exclusions = MatchExclusions.None;

        if (perspective == MatchPerspective.Employer && !profile.Visible)
        {
            exclusions |= MatchExclusions.ProfileHidden;
        }

        if (!HasLicences(needs.LicenceIds(need), profiles.LicenceIds(profile), details))
        {
            exclusions |= MatchExclusions.MissingLicence;
        }

        if (need.MinimumSwedish > 0 && profile.Swedish < need.MinimumSwedish)
        {
            exclusions |= MatchExclusions.SwedishTooLow;
        }

        if (profile.AvailableDay > need.StartDay)
        {
            exclusions |= MatchExclusions.NotAvailableByStart;
        }

        if (exclusions != MatchExclusions.None && details is null)
        {
            return exclusions;
        }

        var km = Commute.AirDistanceKm(profile.Location, need.Location);
        commuteMinutes = Commute.EstimateMinutes(km, profile.Mode);
        if (commuteMinutes > profile.MaxMinutes)
        {
            exclusions |= MatchExclusions.CommuteTooLong;
            if (details is null)
            {
                return exclusions;
            }
        }

        if (details is not null)
        {
            details.DistanceKm = km;
        }

        int required = 0, related = 0, meriting = 0;
        var needSkills = needs.Skills(need);
        var weights = needs.SkillWeights(need);
        var isRequired = needs.SkillRequired(need);
        var personSkills = profiles.Skills(profile);
        var levels = profiles.SkillLevels(profile);

        // Each of the person's skills stands in for at most one missing requirement (the first that it helps most).
        Span<bool> usedAsStandIn = personSkills.Length <= 256 ? stackalloc bool[personSkills.Length] : new bool[personSkills.Length];
        var j = 0;
        for (var i = 0; i < needSkills.Length; i++)
        {
            var skill = needSkills[i];
            while (j < personSkills.Length && personSkills[j] < skill)
            {
                j++;
            }

            if (isRequired[i] && details is not null)
            {
                details.RequiredCount++;
            }

            if (j < personSkills.Length && personSkills[j] == skill)
            {
                var points = MatchPoints.HeldSkill(weights[i], levels[j]);
                if (isRequired[i])
                {
                    required += points;
                    details?.MatchedRequired.Add((skill, levels[j], points));
                }
                else
                {
                    meriting += points;
                    details?.MatchedMeriting.Add((skill, levels[j], points));
                }
            }
            else if (isRequired[i])
            {
                var points = BestStandIn(model, skill, weights[i], personSkills, levels, usedAsStandIn, details);
                related += points;
                if (points == 0)
                {
                    details?.MissingRequired.Add(skill);
                }
            }
        }

        var experience = Experience(model, need.Occupation, profiles.Occupations(profile), profiles.Years(profile), details);
        if (required + related + meriting + experience == 0)
        {
            exclusions |= MatchExclusions.NothingInCommon;
        }

        var commute = MatchPoints.CommutePoints(commuteMinutes, profile.MaxMinutes);
        components = new MatchComponents(required, related, meriting, experience, commute);
        return exclusions;
    }

    private static int BestStandIn(
        MatchModel model, int required, int weight, ReadOnlySpan<int> personSkills, ReadOnlySpan<byte> levels, Span<bool> used, MatchDetails? details)
    {
        var standIns = model.StandIns(required);
        var closeness = model.StandInCloseness(required);
        int best = 0, bestAt = -1, bestSkill = -1;
        for (var k = 0; k < standIns.Length; k++)
        {
            var at = personSkills.BinarySearch(standIns[k]);
            if (at >= 0 && !used[at])
            {
                var points = MatchPoints.RelatedSkill(weight, closeness[k], levels[at]);
                if (points > best)
                {
                    (best, bestAt, bestSkill) = (points, k, at);
                }
            }
        }

        if (best > 0)
        {
            used[bestSkill] = true;
            details?.Related.Add((required, standIns[bestAt], levels[bestSkill], closeness[bestAt], best));
        }

        return best;
    }

    private static int Experience(MatchModel model, int needOccupation, ReadOnlySpan<int> occupations, ReadOnlySpan<int> years, MatchDetails? details)
    {
        var best = 0;
        for (var i = 0; i < occupations.Length; i++)
        {
            var percent = model.ExperienceAffinity(needOccupation, occupations[i]);
            var points = percent == 0 ? 0 : MatchPoints.ExperiencePoints(years[i], percent);
            if (points > best)
            {
                best = points;
                if (details is not null)
                {
                    details.Experience = (occupations[i], years[i], percent, points);
                }
            }
        }

        return best;
    }

    private static bool HasLicences(ReadOnlySpan<int> needed, ReadOnlySpan<int> held, MatchDetails? details)
    {
        var ok = true;
        foreach (var licence in needed)
        {
            if (held.BinarySearch(licence) < 0)
            {
                ok = false;
                if (details is null)
                {
                    break;
                }

                details.MissingLicences.Add(licence);
            }
        }

        return ok;
    }
}

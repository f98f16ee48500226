using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Insights;

/// <summary>
/// Supply versus demand by occupation, skill and municipality at a horizon, programme relevance, skills nobody
/// teaches, gender balance, reach per target group and hires. Pure: plain data in, plain data out (model: docs/decisions/0010-insights-model.md).
/// Each list in the input holds an id once (the loader makes it so); a single pass over a million profiles must
/// stay well under a second.
/// </summary>
public static class InsightsCalculator
{
    public static RegionalInsights Compute(InsightsInput input, InsightsSettings settings, InsightsFilter filter, int horizon)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);

        var occupations = new Dictionary<string, OccupationAccumulator>(StringComparer.Ordinal);
        var skills = new Dictionary<string, SkillAccumulator>(StringComparer.Ordinal);
        var municipalities = new Dictionary<string, MunicipalityAccumulator>(StringComparer.Ordinal);
        var requiredByOccupation = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);

        foreach (var need in input.Needs)
        {
            if (!filter.Includes(need.MunicipalityCode) || !filter.IncludesOccupation(need.Ssyk4Id) || need.Headcount <= 0)
            {
                continue;
            }

            Get(occupations, need.Ssyk4Id).OpenPositions += need.Headcount;
            Get(municipalities, need.MunicipalityCode).OpenPositions += need.Headcount;
            var required = GetOrAdd(requiredByOccupation, need.Ssyk4Id);
            foreach (var skill in need.RequiredSkillIds)
            {
                Get(skills, skill).RequiredPositions += need.Headcount;
                required[skill] = required.GetValueOrDefault(skill) + need.Headcount;
            }

            foreach (var skill in need.MeritingSkillIds)
            {
                Get(skills, skill).MeritingPositions += need.Headcount;
            }
        }

        var retirementsPerYear = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var cohort in input.Workforce)
        {
            if (!filter.Includes(cohort.MunicipalityCode) || !filter.IncludesOccupation(cohort.Ssyk4Id))
            {
                continue;
            }

            var retiring = RetirementForecast.Cumulative(cohort, settings.RetirementAge, horizon);
            Get(occupations, cohort.Ssyk4Id).Retirements += retiring;
            Get(municipalities, cohort.MunicipalityCode).Retirements += retiring;
            var perYear = RetirementForecast.PerYear(cohort, settings.RetirementAge);
            if (!retirementsPerYear.TryGetValue(cohort.Ssyk4Id, out var sum))
            {
                retirementsPerYear[cohort.Ssyk4Id] = perYear;
            }
            else
            {
                for (var year = 0; year < perYear.Length; year++)
                {
                    sum[year] += perYear[year];
                }
            }
        }

        // Retirements become skill demand in proportion to how often the group's open needs require each skill.
        foreach (var (ssyk4, occupation) in occupations)
        {
            if (occupation.Retirements > 0 && occupation.OpenPositions > 0 && requiredByOccupation.TryGetValue(ssyk4, out var required))
            {
                foreach (var (skill, positions) in required)
                {
                    Get(skills, skill).RetirementDemand += occupation.Retirements * positions / occupation.OpenPositions;
                }
            }
        }

        var gender = new Dictionary<string, (GenderAccumulator Profiles, GenderAccumulator Workforce)>(StringComparer.Ordinal);
        foreach (var profile in input.Profiles)
        {
            if (!filter.Includes(profile.MunicipalityCode))
            {
                continue;
            }

            Get(municipalities, profile.MunicipalityCode).ProfileSupply++;
            foreach (var ssyk4 in profile.Ssyk4Ids)
            {
                if (filter.IncludesOccupation(ssyk4))
                {
                    Get(occupations, ssyk4).ProfileSupply++;
                    GenderOf(gender, ssyk4).Profiles.Add(profile.Gender, 1);
                }
            }

            foreach (var skill in profile.SkillIds)
            {
                Get(skills, skill).ProfileSupply++;
            }
        }

        foreach (var cohort in input.Workforce)
        {
            if (filter.Includes(cohort.MunicipalityCode) && filter.IncludesOccupation(cohort.Ssyk4Id))
            {
                GenderOf(gender, cohort.Ssyk4Id).Workforce.Add(cohort.Gender, cohort.Count);
            }
        }

        // "Taught in the region" looks at every programme in the input (the county), whatever the filter.
        var taught = input.Programmes.SelectMany(p => p.SkillIds).ToHashSet(StringComparer.Ordinal);
        var programmesInView = input.Programmes.Where(p => filter.Includes(p.MunicipalityCode)).ToList();
        foreach (var programme in programmesInView)
        {
            var output = ProgrammeOutput.Within(programme, input.Today, horizon, settings.CompletionRate);
            Get(municipalities, programme.MunicipalityCode).ProgrammeSupply += output;
            if (programme.TargetSsyk4Id is { } target && filter.IncludesOccupation(target))
            {
                Get(occupations, target).ProgrammeSupply += output;
            }

            foreach (var skill in programme.SkillIds)
            {
                Get(skills, skill).ProgrammeSupply += output;
            }
        }

        var skillRows = skills
            .Select(kv => kv.Value.ToBalance(kv.Key, taught.Contains(kv.Key)))
            .OrderByDescending(s => s.Demand).ThenByDescending(s => s.MeritingPositions).ThenBy(s => s.SkillId, StringComparer.Ordinal)
            .ToList();
        var demandBySkill = skillRows.Where(s => s.Demand > 0).ToDictionary(s => s.SkillId, s => s.Demand, StringComparer.Ordinal);
        var programmeRows = programmesInView.Select(p => Relevance(p, demandBySkill))
            .OrderByDescending(p => p.WeightedShare).ThenBy(p => p.ProgrammeId).ToList();

        return new RegionalInsights(
            horizon,
            new InsightsTotals(
                occupations.Values.Sum(o => o.OpenPositions),
                occupations.Values.Sum(o => o.Retirements),
                municipalities.Values.Sum(m => m.ProfileSupply),
                municipalities.Values.Sum(m => m.ProgrammeSupply)),
            occupations.Select(kv => kv.Value.ToBalance(kv.Key))
                .OrderByDescending(o => o.Gap).ThenBy(o => o.Ssyk4Id, StringComparer.Ordinal).ToList(),
            skillRows,
            municipalities.Select(kv => kv.Value.ToBalance(kv.Key)).OrderBy(m => m.MunicipalityCode, StringComparer.Ordinal).ToList(),
            programmeRows,
            programmeRows.GroupBy(p => p.ProviderId)
                .Select(g => new ProviderRelevance(
                    g.Key,
                    programmesInView.First(p => p.ProviderId == g.Key).ProviderName,
                    g.Count(),
                    g.Sum(p => p.Seats) == 0 ? g.Average(p => p.WeightedShare) : g.Sum(p => p.WeightedShare * p.Seats) / g.Sum(p => p.Seats)))
                .OrderByDescending(p => p.WeightedShare).ThenBy(p => p.ProviderId).ToList(),
            skillRows.Where(s => s.Demand > 0 && !s.TaughtInRegion).ToList(),
            gender.Select(kv => new GenderBalance(kv.Key, kv.Value.Profiles.ToCounts(), kv.Value.Workforce.ToCounts()))
                .OrderBy(g => g.Ssyk4Id, StringComparer.Ordinal).ToList(),
            retirementsPerYear,
            input.ReachableProfileIds is { } reachable ? ReachPerTargetGroup.Count(input.Profiles, reachable, filter) : [],
            HireOutcomes.PerOccupation(input.Hires, filter));
    }

    /// <summary>
    /// Share of the programme's skills that are in demand (<c>Share</c>), and the same share weighted by demand
    /// (<c>WeightedShare</c>): each taught skill in demand weighs its demand, each taught skill nobody asks for
    /// weighs the region's mean demand per demanded skill — so popular skills lift a programme and unused ones
    /// pull it down in proportion to what a typical skill is worth.
    /// </summary>
    private static ProgrammeRelevance Relevance(ProgrammeOffer programme, Dictionary<string, double> demandBySkill)
    {
        var taught = programme.SkillIds.Distinct().ToList();
        var meanDemand = demandBySkill.Count == 0 ? 0 : demandBySkill.Values.Average();
        double addressed = 0;
        var inDemand = 0;
        foreach (var skill in taught)
        {
            if (demandBySkill.TryGetValue(skill, out var demand))
            {
                inDemand++;
                addressed += demand;
            }
        }

        var notInDemandWeight = (taught.Count - inDemand) * meanDemand;
        return new ProgrammeRelevance(
            programme.ProgrammeId,
            programme.Title,
            programme.ProviderId,
            programme.Seats,
            taught.Count,
            inDemand,
            taught.Count == 0 ? 0 : (double)inDemand / taught.Count,
            addressed + notInDemandWeight == 0 ? 0 : addressed / (addressed + notInDemandWeight),
            addressed);
    }

    private static TValue Get<TValue>(Dictionary<string, TValue> map, string key)
        where TValue : class, new() => GetOrAdd(map, key);

    private static TValue GetOrAdd<TValue>(Dictionary<string, TValue> map, string key)
        where TValue : class, new()
    {
        if (!map.TryGetValue(key, out var value))
        {
            value = new TValue();
            map[key] = value;
        }

        return value;
    }

    private static (GenderAccumulator Profiles, GenderAccumulator Workforce) GenderOf(
        Dictionary<string, (GenderAccumulator Profiles, GenderAccumulator Workforce)> map, string ssyk4)
    {
        if (!map.TryGetValue(ssyk4, out var value))
        {
            value = (new GenderAccumulator(), new GenderAccumulator());
            map[ssyk4] = value;
        }

        return value;
    }

    private sealed class OccupationAccumulator
    {
        public double OpenPositions;
        public double Retirements;
        public double ProfileSupply;
        public double ProgrammeSupply;

        public OccupationBalance ToBalance(string ssyk4) => new(ssyk4, OpenPositions, Retirements, ProfileSupply, ProgrammeSupply);
    }

    private sealed class SkillAccumulator
    {
        public double RequiredPositions;
        public double MeritingPositions;
        public double RetirementDemand;
        public double ProfileSupply;
        public double ProgrammeSupply;

        public SkillBalance ToBalance(string skill, bool taught) =>
            new(skill, RequiredPositions, MeritingPositions, RetirementDemand, ProfileSupply, ProgrammeSupply, taught);
    }

    private sealed class MunicipalityAccumulator
    {
        public double OpenPositions;
        public double Retirements;
        public double ProfileSupply;
        public double ProgrammeSupply;

        public MunicipalityBalance ToBalance(string code) => new(code, OpenPositions, Retirements, ProfileSupply, ProgrammeSupply);
    }

    private sealed class GenderAccumulator
    {
        private double _women;
        private double _men;
        private double _nonBinary;
        private double _unknown;

        public void Add(Gender? gender, double count)
        {
            switch (gender)
            {
                case Gender.Woman: _women += count; break;
                case Gender.Man: _men += count; break;
                case Gender.NonBinary: _nonBinary += count; break;
                default: _unknown += count; break;
            }
        }

        public GenderCounts ToCounts() => new(_women, _men, _nonBinary, _unknown);
    }
}

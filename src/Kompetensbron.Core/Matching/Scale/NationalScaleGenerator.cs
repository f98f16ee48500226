using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Matching.Scale;

/// <summary>Generated national-scale records for benchmarks.</summary>
public sealed record ScaleData(IReadOnlyList<MatchNeed> Needs, IReadOnlyList<MatchProfile> Profiles);

/// <summary>
/// Deterministic national-scale data (same seed, same data): real SSYK-4 groups, occupations and their typical
/// skills from the taxonomy (industrial groups weighted up), real places across Sweden (municipality seats weighted
/// up), log-normal skill counts (profiles median 8, needs median 3 required), front-loaded skill choice so some
/// skills are common and most rare, as in real profiles and ads.
/// </summary>
public static class NationalScaleGenerator
{
    private static readonly string[] LicenceCodes = ["B", "TRUCK_B", "HETA_ARBETEN", "TRAVERS", "C"];
    private static readonly double[] ProfileLicenceShare = [0.7, 0.15, 0.06, 0.05, 0.04];
    private static readonly double[] NeedLicenceShare = [0.12, 0.05, 0.02, 0.02, 0.01];
    private static readonly int[] MaxCommuteChoices = [20, 30, 45, 45, 60, 60, 75, 90];
    private static readonly NeedKind[] Kinds = [NeedKind.Job, NeedKind.Job, NeedKind.Job, NeedKind.Job, NeedKind.Apprenticeship, NeedKind.AplPlace, NeedKind.Internship, NeedKind.SummerJob, NeedKind.Trainee];

    public static ScaleData Generate(MatchModel model, GeographyModel geography, int needCount, int profileCount, int seed, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(geography);
        var random = new Random(seed);
        var world = new World(model, geography);

        var needs = new MatchNeed[needCount];
        for (var i = 0; i < needCount; i++)
        {
            needs[i] = world.Need(random, i + 1, today);
        }

        var profiles = new MatchProfile[profileCount];
        for (var i = 0; i < profileCount; i++)
        {
            profiles[i] = world.Profile(random, i + 1, today);
        }

        return new ScaleData(needs, profiles);
    }

    private sealed class World
    {
        private readonly (string Ssyk4, string[] Occupations, string[] Skills)[] _groups;
        private readonly double[] _groupWeights;
        private readonly Place[] _places;
        private readonly double[] _placeWeights;

        public World(MatchModel model, GeographyModel geography)
        {
            var taxonomy = model.Taxonomy;
            _groups = taxonomy.SsykGroups
                .Where(g => g.Level == 4)
                .Select(g => (g.Id, taxonomy.OccupationsInSsyk4(g.Id).Select(o => o.Id).ToArray(), taxonomy.SkillsForSsyk4(g.Id).Select(s => s.Id).ToArray()))
                .Where(g => g.Item2.Length > 0 && g.Item3.Length >= 5)
                .ToArray();
            _groupWeights = Cumulative(_groups.Select(g => taxonomy.FindSsykGroup(g.Ssyk4)!.Code[0] is '7' or '8' ? 4.0 : 1.0));
            _places = [.. geography.Places];
            _placeWeights = Cumulative(_places.Select(p =>
                string.Equals(geography.FindMunicipality(p.MunicipalityCode)?.Name, p.Name, StringComparison.Ordinal) ? 25.0 : 1.0));
        }

        public MatchNeed Need(Random random, int id, DateOnly today)
        {
            var group = _groups[Pick(random, _groupWeights)];
            var place = _places[Pick(random, _placeWeights)];
            var required = random.NextDouble() < 0.1 ? 0 : LogNormal(random, 3.5, 0.5, 1, 10);
            var meriting = random.Next(0, 5);
            var skills = new Dictionary<string, MatchNeedSkill>(StringComparer.Ordinal);
            for (var i = 0; i < required + meriting; i++)
            {
                var skill = FrontLoaded(random, group.Skills);
                skills.TryAdd(skill, new MatchNeedSkill(skill, i < required, random.Next(1, 4)));
            }

            return new MatchNeed(
                id,
                Kinds[random.Next(Kinds.Length)],
                group.Occupations[random.Next(group.Occupations.Length)],
                place.MunicipalityCode,
                Jitter(random, place.Location),
                [.. skills.Values],
                Licences(random, NeedLicenceShare),
                random.NextDouble() switch
                {
                    < 0.4 => null,
                    < 0.7 => CefrLevel.B1,
                    < 0.9 => CefrLevel.B2,
                    _ => CefrLevel.A2,
                },
                random.NextDouble() < 0.6 ? today.AddDays(random.Next(0, 180)) : null);
        }

        public MatchProfile Profile(Random random, int id, DateOnly today)
        {
            var first = _groups[Pick(random, _groupWeights)];
            var second = random.NextDouble() < 0.25 ? _groups[Pick(random, _groupWeights)] : first;
            var place = _places[Pick(random, _placeWeights)];
            var count = LogNormal(random, 8, 0.6, 1, 40);
            var skills = new Dictionary<string, MatchProfileSkill>(StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var skill = FrontLoaded(random, i % 4 == 3 ? second.Skills : first.Skills);
                skills.TryAdd(skill, new MatchProfileSkill(skill, random.Next(1, 5)));
            }

            var occupations = random.NextDouble() switch
            {
                < 0.1 => Array.Empty<MatchExperience>(),
                < 0.8 => [Experience(random, first)],
                _ => [Experience(random, first), Experience(random, second)],
            };

            return new MatchProfile(
                id,
                [.. skills.Values],
                occupations.DistinctBy(o => o.OccupationId).ToArray(),
                random.NextDouble() switch
                {
                    < 0.03 => null,
                    < 0.80 => CefrLevel.C2,
                    < 0.90 => (CefrLevel)random.Next((int)CefrLevel.B1, (int)CefrLevel.C1 + 1),
                    _ => (CefrLevel)random.Next((int)CefrLevel.A1, (int)CefrLevel.A2 + 1),
                },
                Licences(random, ProfileLicenceShare),
                place.MunicipalityCode,
                Jitter(random, place.Location),
                MaxCommuteChoices[random.Next(MaxCommuteChoices.Length)],
                random.NextDouble() < 0.7 ? CommuteMode.Car : CommuteMode.PublicTransport,
                random.NextDouble() < 0.7 ? today.AddDays(random.Next(0, 90)) : null,
                random.NextDouble() < 0.9);
        }

        private static MatchExperience Experience(Random random, (string Ssyk4, string[] Occupations, string[] Skills) group) =>
            new(group.Occupations[random.Next(group.Occupations.Length)], random.Next(0, 250) / 10m);

        private static string[] Licences(Random random, double[] shares)
        {
            var result = new List<string>(2);
            for (var i = 0; i < shares.Length; i++)
            {
                if (random.NextDouble() < shares[i])
                {
                    result.Add(LicenceCodes[i]);
                }
            }

            return [.. result];
        }

        /// <summary>Squaring a uniform number favours the first skills of a group's list: a few common, most rare.</summary>
        private static string FrontLoaded(Random random, string[] skills)
        {
            var u = random.NextDouble();
            return skills[(int)(u * u * skills.Length)];
        }

        private static int LogNormal(Random random, double median, double sigma, int min, int max)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return Math.Clamp((int)Math.Round(median * Math.Exp(sigma * normal)), min, max);
        }

        /// <summary>Spreads people and workplaces a few kilometres around the place's point.</summary>
        private static GeoPoint Jitter(Random random, GeoPoint point) =>
            new(point.Latitude + ((random.NextDouble() - 0.5) * 0.06), point.Longitude + ((random.NextDouble() - 0.5) * 0.1));

        private static double[] Cumulative(IEnumerable<double> weights)
        {
            var sum = 0.0;
            return weights.Select(w => sum += w).ToArray();
        }

        private static int Pick(Random random, double[] cumulative)
        {
            var at = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
            return Math.Min(at < 0 ? ~at : at, cumulative.Length - 1);
        }
    }
}

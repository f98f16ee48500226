using Kompetensbron.Core.Demo;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Placement;

/// <summary>
/// A synthetic but realistic round for benchmarks and trials: workplaces with 1–5 seats at real places, some
/// for adults only or asking for a forklift licence; students living at real places, wishing mostly nearby and
/// mostly the popular workplaces (Zipf), with match scores in steps of 10 so ties occur and the lottery matters.
/// </summary>
public static class PlacementRoundGenerator
{
    private static readonly DateOnly AplStart = new(2027, 1, 18);
    private static readonly DateOnly AplEnd = new(2027, 4, 30);
    private static readonly DateOnly SummerStart = new(2027, 6, 14);
    private static readonly DateOnly SummerEnd = new(2027, 8, 6);

    /// <summary>Generates a round; the same arguments give the same round.</summary>
    /// <param name="towns">Real places (orter) to put workplaces and homes at, e.g. those of Jönköping county.</param>
    /// <param name="applicants">Number of applicants.</param>
    /// <param name="places">Number of workplaces.</param>
    /// <param name="wishes">Wishes per applicant (at most the number of workplaces).</param>
    /// <param name="seed">Seed for the generator and the round's lottery.</param>
    public static PlacementRound Generate(IReadOnlyList<Place> towns, int applicants, int places, int wishes, int seed)
    {
        ArgumentNullException.ThrowIfNull(towns);
        ArgumentOutOfRangeException.ThrowIfZero(towns.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(applicants);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(places);
        ArgumentOutOfRangeException.ThrowIfNegative(wishes);
        wishes = Math.Min(wishes, places);
#pragma warning disable CA5394 // Not security: a reproducible synthetic data set.
        var random = new Random(seed);
        var occupations = DemoCatalogue.IndustryOccupations;

        var placeList = new PlacementPlace[places];
        var placeTown = new int[places];
        for (var p = 0; p < places; p++)
        {
            var town = random.Next(towns.Count);
            placeTown[p] = town;
            var kind = random.NextDouble() switch { < 0.7 => NeedKind.AplPlace, < 0.85 => NeedKind.Internship, _ => NeedKind.SummerJob };
            var summer = kind == NeedKind.SummerJob;
            var occupation = occupations[random.Next(occupations.Count)];
            placeList[p] = new PlacementPlace
            {
                Id = $"P{p + 1:D5}",
                Title = $"{occupation.Label}, {towns[town].Name}",
                Kind = kind,
                OccupationId = occupation.Id,
                Capacity = 1 + random.Next(5),
                PeriodStart = summer ? SummerStart : AplStart,
                PeriodEnd = summer ? SummerEnd : AplEnd,
                Supervisor = $"Handledare {p + 1}",
                Location = Jitter(towns[town].Location, random),
                Requirements = new PlacementRequirements
                {
                    MinimumAge = random.NextDouble() < 0.25 ? 18 : null,
                    RequiredLicences = random.NextDouble() < 0.1 ? ["TRUCK_A"] : [],
                },
            };
        }

        // Popularity: a random order of workplaces with Zipf weights; wishes are drawn by weight, mostly in the
        // applicant's own town's municipality.
        var popularity = new double[places];
        var order = Enumerable.Range(0, places).ToArray();
        random.Shuffle(order);
        for (var i = 0; i < places; i++)
        {
            popularity[order[i]] = 1 / Math.Pow(i + 10, 0.9);
        }

        var everywhere = new WeightedChoice(Enumerable.Range(0, places).ToArray(), popularity);
        var byMunicipality = Enumerable.Range(0, places)
            .GroupBy(p => towns[placeTown[p]].MunicipalityCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new WeightedChoice(g.ToArray(), popularity), StringComparer.Ordinal);

        var applicantList = new PlacementApplicant[applicants];
        var scores = new List<PlacementScore>(applicants * wishes);
        var chosen = new HashSet<int>();
        for (var a = 0; a < applicants; a++)
        {
            var town = towns[random.Next(towns.Count)];
            var birth = new DateOnly(2008, 1, 1).AddDays(random.Next(4 * 365));
            var adult = birth <= AplStart.AddYears(-18);
            var licences = new List<string>();
            if (random.NextDouble() < 0.12)
            {
                licences.Add("TRUCK_A");
            }

            if (adult && random.NextDouble() < 0.4)
            {
                licences.Add("B");
            }

            var local = byMunicipality.GetValueOrDefault(town.MunicipalityCode);
            chosen.Clear();
            var wishList = new List<string>(wishes);
            var aptitude = (random.NextDouble() * 2) - 1;
            for (var attempt = 0; wishList.Count < wishes && attempt < wishes * 20; attempt++)
            {
                var p = local is not null && random.NextDouble() < 0.8 ? local.Next(random) : everywhere.Next(random);
                if (chosen.Add(p))
                {
                    wishList.Add(placeList[p].Id);
                    var fit = (random.NextDouble() * 2) - 1;
                    var score = Math.Clamp((int)Math.Round((500 + (250 * aptitude) + (200 * fit)) / 10) * 10, 0, PlacementInstance.MaxPoints);
                    scores.Add(new($"A{a + 1:D6}", placeList[p].Id, score));
                }
            }

            var genderDraw = random.NextDouble();
            applicantList[a] = new PlacementApplicant
            {
                Id = $"A{a + 1:D6}",
                SchoolId = $"{town.MunicipalityCode}-gy{1 + random.Next(2)}",
                BirthDate = birth,
                Licences = licences,
                Home = Jitter(town.Location, random),
                MaxCommuteMinutes = 45 + (15 * random.Next(3)),
                CommuteMode = random.NextDouble() < 0.7 ? CommuteMode.PublicTransport : CommuteMode.Car,
                Gender = genderDraw switch { < 0.38 => Gender.Woman, < 0.95 => Gender.Man, < 0.97 => Gender.NonBinary, _ => null },
                Wishes = wishList,
            };
        }

        return new PlacementRound
        {
            Name = $"Generated round ({applicants} applicants, {places} places, {wishes} wishes, seed {seed})",
            Places = placeList,
            Applicants = applicantList,
            Scores = scores,
            LotterySeed = seed,
        };
    }

    /// <summary>A point within about 2 km of a town's centre, so not everyone in a town is equally far away.</summary>
    private static GeoPoint Jitter(GeoPoint centre, Random random) =>
        new(centre.Latitude + ((random.NextDouble() - 0.5) * 0.03), centre.Longitude + ((random.NextDouble() - 0.5) * 0.05));

    /// <summary>Draws items with probability proportional to their weight (cumulative sums, binary search).</summary>
    private sealed class WeightedChoice
    {
        private readonly int[] _items;
        private readonly double[] _cumulative;

        public WeightedChoice(int[] items, double[] weightOfItem)
        {
            _items = items;
            _cumulative = new double[items.Length];
            var sum = 0.0;
            for (var i = 0; i < items.Length; i++)
            {
                sum += weightOfItem[items[i]];
                _cumulative[i] = sum;
            }
        }

        public int Next(Random random)
        {
            var i = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
            return _items[Math.Min(i < 0 ? ~i : i, _items.Length - 1)];
        }
    }
#pragma warning restore CA5394
}

using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Placement;

namespace Kompetensbron.Core.Tests.Placement;

/// <summary>Small random rounds with every rule in play, and a brute-force view of them for the properties.</summary>
internal static class SmallRounds
{
    public static readonly GeoPoint Gnosjo = new(57.35166, 13.73465);
    public static readonly GeoPoint Jonkoping = new(57.78145, 14.15618);

#pragma warning disable CA5394 // test data
    /// <summary>Up to <paramref name="maxApplicants"/> applicants, 1–4 places with 0–2 seats, scores in three steps so ties occur.</summary>
    public static PlacementRound Random(int seed, int maxApplicants = 8)
    {
        var random = new Random(seed);
        var placeCount = 1 + random.Next(4);
        var places = Enumerable.Range(0, placeCount).Select(p => new PlacementPlace
        {
            Id = $"p{p}",
            OccupationId = p % 2 == 0 ? "occ-a" : "occ-b",
            Capacity = random.Next(3),
            PeriodStart = new DateOnly(2027, 1, 18),
            Location = random.NextDouble() < 0.8 ? Gnosjo : Jonkoping,
            Requirements = new PlacementRequirements
            {
                MinimumAge = random.NextDouble() < 0.2 ? 18 : null,
                RequiredLicences = random.NextDouble() < 0.15 ? ["TRUCK_A"] : [],
            },
        }).ToList();
        var applicantCount = 1 + random.Next(maxApplicants);
        var applicants = new List<PlacementApplicant>();
        var scores = new List<PlacementScore>();
        for (var a = 0; a < applicantCount; a++)
        {
            var wishes = places.Select(p => p.Id).OrderBy(_ => random.Next()).Take(random.Next(placeCount + 1)).ToList();
            if (random.NextDouble() < 0.1)
            {
                wishes.Add("nowhere");
            }

            applicants.Add(new PlacementApplicant
            {
                Id = $"a{a}",
                SchoolId = $"s{a % 2}",
                Age = random.NextDouble() < 0.1 ? null : 16 + random.Next(4),
                Licences = random.NextDouble() < 0.5 ? ["TRUCK_A"] : [],
                Home = Gnosjo,
                MaxCommuteMinutes = random.NextDouble() < 0.8 ? 60 : 30,
                CommuteMode = CommuteMode.Car,
                Gender = (Profiles.Gender)random.Next(3),
                Wishes = wishes,
            });
            scores.AddRange(wishes.Where(w => w != "nowhere").Select(w => new PlacementScore($"a{a}", w, 500 * random.Next(3))));
        }

        return new PlacementRound { Places = places, Applicants = applicants, Scores = scores, LotterySeed = random.Next() };
    }
#pragma warning restore CA5394

    /// <summary>Per applicant the place index they got, or −1, read from a result (independent of the solver's arrays).</summary>
    public static int[] PlaceOf(PlacementRound round, PlacementResult result)
    {
        var index = round.Places.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return [.. result.Applicants.Select(o => o.PlaceId is null ? -1 : index[o.PlaceId])];
    }

    /// <summary>The round's preferences, read from the round itself with the rules and the lottery.</summary>
    public sealed class Preferences
    {
        private readonly PlacementRound _round;
        private readonly int[] _lottery;
        private readonly Dictionary<(int, int), int> _score = [];

        public Preferences(PlacementRound round, int[] lotteryRank)
        {
            _round = round;
            _lottery = lotteryRank;
            var a = round.Applicants.Select((x, i) => (x.Id, i)).ToDictionary(x => x.Id, x => x.i);
            var p = round.Places.Select((x, i) => (x.Id, i)).ToDictionary(x => x.Id, x => x.i);
            foreach (var s in round.Scores)
            {
                _score[(a[s.ApplicantId], p[s.PlaceId])] = s.Score;
            }

            Acceptable = [.. round.Applicants.Select(applicant => applicant.Wishes
                .Where(p.ContainsKey).Select(w => p[w]).Distinct()
                .Where(pi => PlacementEligibility.Check(applicant, round.Places[pi]) == Ineligibility.None).ToArray())];
        }

        /// <summary>Per applicant the eligible wished places, best first.</summary>
        public int[][] Acceptable { get; }

        /// <summary>Position of the place in the applicant's acceptable list; unplaced is worst.</summary>
        public int RankOf(int applicant, int place) => place < 0 ? int.MaxValue : Array.IndexOf(Acceptable[applicant], place);

        public bool PlacePrefers(int place, int applicant, int other) =>
            (_score.GetValueOrDefault((applicant, place)), _lottery[applicant]).CompareTo((_score.GetValueOrDefault((other, place)), _lottery[other])) > 0;

        public int Capacity(int place) => _round.Places[place].Capacity;

        public int BlockingPairs(int[] placeOf)
        {
            var count = 0;
            for (var a = 0; a < placeOf.Length; a++)
            {
                foreach (var p in Acceptable[a].Take(placeOf[a] < 0 ? int.MaxValue : RankOf(a, placeOf[a])))
                {
                    var holders = Enumerable.Range(0, placeOf.Length).Where(b => placeOf[b] == p).ToList();
                    if (holders.Count < Capacity(p) || holders.Any(b => PlacePrefers(p, a, b)))
                    {
                        count++;
                    }
                }
            }

            return count;
        }

        /// <summary>Every assignment within capacities using only acceptable pairs (unplaced allowed).</summary>
        public List<int[]> AllFeasible()
        {
            var all = new List<int[]>();
            var current = new int[Acceptable.Length];
            var used = new int[_round.Places.Count];
            void Visit(int a)
            {
                if (a == current.Length)
                {
                    all.Add((int[])current.Clone());
                    return;
                }

                current[a] = -1;
                Visit(a + 1);
                foreach (var p in Acceptable[a])
                {
                    if (used[p] < Capacity(p))
                    {
                        used[p]++;
                        current[a] = p;
                        Visit(a + 1);
                        used[p]--;
                    }
                }
            }

            Visit(0);
            return all;
        }
    }
}

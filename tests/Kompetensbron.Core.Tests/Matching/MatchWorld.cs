using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Matching;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Tests.Matching;

/// <summary>
/// Small random worlds built to be hard for the index: few skills from welding and machining groups (so exact and
/// related overlaps are frequent), their occupations and substitutes, places from next door to far away, and
/// copied profiles with other ids (so ties are common).
/// </summary>
internal static class MatchWorld
{
    public const string TigWelding = "WBnc_JXj_MvY";

    public static readonly Lazy<MatchModel> Model = new(() => MatchModel.Create(ReferenceData.Taxonomy));

    private static readonly Lazy<(string[] Skills, string[] Occupations)> Vocabulary = new(() =>
    {
        var taxonomy = ReferenceData.Taxonomy;
        var groups = taxonomy.Ssyk4GroupsForSkill(TigWelding).Take(2).ToArray();
        var skills = groups.SelectMany(g => taxonomy.SkillsForSsyk4(g.Id).Take(12).Select(s => s.Id)).Append(TigWelding).ToList();
        skills.AddRange(skills.SelectMany(s => Model.Value.RelatedSkills(s).Take(2).Select(r => r.SkillId)).ToList());
        var occupations = groups.SelectMany(g => taxonomy.OccupationsInSsyk4(g.Id).Take(3).Select(o => o.Id)).ToList();
        occupations.AddRange(occupations.SelectMany(o => taxonomy.SubstitutesTo(o).Take(2).Select(s => s.FromOccupationId)).ToList());
        return (skills.Distinct().ToArray(), occupations.Distinct().ToArray());
    });

    private static readonly int[] MaxCommutes = [10, 20, 45, 90, 300];

    private static readonly (string Municipality, GeoPoint Point)[] Places =
    [
        ("0617", new GeoPoint(57.3603, 13.7416)), // Gnosjö
        ("0683", new GeoPoint(57.1860, 14.0400)), // Värnamo
        ("0662", new GeoPoint(57.3039, 13.5408)), // Gislaved
        ("0680", new GeoPoint(57.7826, 14.1618)), // Jönköping
        ("0180", new GeoPoint(59.3293, 18.0686)), // Stockholm
    ];

    public static (List<MatchNeed> Needs, List<MatchProfile> Profiles) Generate(int seed, int maxNeeds = 30, int maxProfiles = 60)
    {
        var random = new Random(seed);
        var needs = Enumerable.Range(1, random.Next(1, maxNeeds + 1)).Select(id => Need(random, id)).ToList();
        var profiles = new List<MatchProfile>();
        var profileCount = random.Next(1, maxProfiles + 1);
        for (var id = 1; id <= profileCount; id++)
        {
            profiles.Add(profiles.Count > 0 && random.NextDouble() < 0.2
                ? profiles[random.Next(profiles.Count)] with { Id = id }
                : Profile(random, id));
        }

        return (needs, profiles);
    }

    public static MatchNeed Need(Random random, int id)
    {
        var (skills, occupations) = Vocabulary.Value;
        var place = Places[random.Next(Places.Length)];
        return new MatchNeed(
            id,
            (NeedKind)random.Next(0, 6),
            occupations[random.Next(occupations.Length)],
            place.Municipality,
            Near(random, place.Point),
            Enumerable.Range(0, random.Next(0, 7))
                .Select(_ => new MatchNeedSkill(skills[random.Next(skills.Length)], random.NextDouble() < 0.6, random.Next(1, 4)))
                .ToArray(),
            random.NextDouble() < 0.2 ? ["B"] : [],
            random.NextDouble() < 0.3 ? (CefrLevel)random.Next(1, 7) : null,
            random.NextDouble() < 0.5 ? new DateOnly(2026, 3, 1).AddDays(random.Next(0, 60)) : null);
    }

    public static MatchProfile Profile(Random random, int id)
    {
        var (skills, occupations) = Vocabulary.Value;
        var place = Places[random.Next(Places.Length)];
        return new MatchProfile(
            id,
            Enumerable.Range(0, random.Next(0, 9)).Select(_ => new MatchProfileSkill(skills[random.Next(skills.Length)], random.Next(1, 5))).ToArray(),
            Enumerable.Range(0, random.Next(0, 3)).Select(_ => new MatchExperience(occupations[random.Next(occupations.Length)], random.Next(0, 80) / 10m)).ToArray(),
            random.NextDouble() < 0.8 ? (CefrLevel)random.Next(1, 7) : null,
            random.NextDouble() < 0.6 ? ["B"] : [],
            place.Municipality,
            Near(random, place.Point),
            MaxCommutes[random.Next(MaxCommutes.Length)],
            random.NextDouble() < 0.6 ? CommuteMode.Car : CommuteMode.PublicTransport,
            random.NextDouble() < 0.5 ? new DateOnly(2026, 3, 1).AddDays(random.Next(0, 60)) : null,
            random.NextDouble() < 0.85);
    }

    public static NeedFilter Filter(Random random) => random.Next(4) switch
    {
        0 => NeedFilter.None,
        1 => new NeedFilter(Kinds: [(NeedKind)random.Next(0, 6), (NeedKind)random.Next(0, 6)]),
        2 => new NeedFilter(MunicipalityCodes: [Places[random.Next(Places.Length)].Municipality, "9999"]),
        _ => new NeedFilter(MaxCommuteMinutes: random.Next(5, 80)),
    };

    private static GeoPoint Near(Random random, GeoPoint point) =>
        new(point.Latitude + ((random.NextDouble() - 0.5) * 0.2), point.Longitude + ((random.NextDouble() - 0.5) * 0.3));
}

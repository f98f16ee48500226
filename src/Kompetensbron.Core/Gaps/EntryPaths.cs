using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Programmes;

namespace Kompetensbron.Core.Gaps;

/// <summary>The groups the career explorer shows ways into an occupation for.</summary>
public enum EntryGroup
{
    NoUpperSecondary,
    NewInSweden,
    CareerChanger,
}

/// <summary>A programme that teaches some of an occupation's typical skills: its provider, level, weeks and how many it teaches.</summary>
public sealed record EntryProgramme(int Id, string Title, string Provider, ProgrammeLevel Level, int LengthWeeks, int SkillsTaught);

/// <summary>
/// The occupation's open places by kind, and the Swedish they ask for: the lowest level any of them asks for
/// (null when none asks) and how many ask for no level at all.
/// </summary>
public sealed record EntryPlaces(
    int Apprenticeships,
    int Internships,
    int AplPlaces,
    int SummerJobs,
    int TraineePlaces,
    CefrLevel? LowestSwedish,
    int WithoutSwedishLevel);

/// <summary>An occupation people move from into this one (substitutability), with how many of its typical skills they share.</summary>
public sealed record NearbyOccupation(string OccupationId, int Percentage, int SharedSkills, int TargetSkills);

/// <summary>What one way in is.</summary>
public enum EntryRouteKind
{
    /// <summary>A programme (<see cref="EntryRoute.Programme"/>).</summary>
    Programme,

    /// <summary>Open apprenticeships (<see cref="EntryRoute.Count"/>).</summary>
    Apprenticeships,

    /// <summary>Open internships.</summary>
    Internships,

    /// <summary>Open work-based learning places for upper-secondary students.</summary>
    AplPlaces,

    /// <summary>Open summer jobs.</summary>
    SummerJobs,

    /// <summary>Open trainee places.</summary>
    TraineePlaces,

    /// <summary>The lowest Swedish level the open places ask for (<see cref="EntryRoute.Swedish"/>), and how many ask for none (<see cref="EntryRoute.Count"/>).</summary>
    Swedish,

    /// <summary>An occupation to move from (<see cref="EntryRoute.From"/>).</summary>
    FromOccupation,

    /// <summary>Nothing in the data: the page says so.</summary>
    None,
}

/// <summary>One way into an occupation, with the figures that make it concrete.</summary>
public sealed record EntryRoute(EntryRouteKind Kind, int Count = 0, EntryProgramme? Programme = null, NearbyOccupation? From = null, CefrLevel? Swedish = null);

/// <summary>
/// Ways into an occupation for each <see cref="EntryGroup"/>, derived from the data: the programmes that teach
/// its skills (by level and length), its open places by kind and the Swedish they ask for, and the occupations
/// people move from (decision 0017). Nothing is written per occupation; an occupation without data gets <see cref="EntryRouteKind.None"/>.
/// </summary>
public static class EntryPaths
{
    /// <summary>Programmes shown per group.</summary>
    public const int ProgrammesShown = 2;

    /// <summary>Occupations to move from shown to career changers.</summary>
    public const int OccupationsShown = 3;

    // Without upper-secondary school: upper-secondary school itself (for the young), adult education at Komvux
    // and training at a company need no diploma to start.
    private static readonly ProgrammeLevel[] WithoutDiploma = [ProgrammeLevel.UpperSecondary, ProgrammeLevel.Komvux, ProgrammeLevel.CompanyTraining];

    // New in Sweden or changing career: adult forms, the shortest first, which fit beside Swedish studies or a job.
    private static readonly ProgrammeLevel[] ForAdults = [ProgrammeLevel.Komvux, ProgrammeLevel.ShortCourse, ProgrammeLevel.CompanyTraining, ProgrammeLevel.Yh];

    public static IReadOnlyDictionary<EntryGroup, IReadOnlyList<EntryRoute>> For(
        IEnumerable<EntryProgramme> programmes, EntryPlaces places, IEnumerable<NearbyOccupation> nearby)
    {
        ArgumentNullException.ThrowIfNull(programmes);
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(nearby);
        var all = programmes.Where(p => p.SkillsTaught > 0).ToList();

        var noDiploma = new List<EntryRoute>();
        // One programme per level, the one teaching most of the occupation's skills, so the young see school and adults Komvux.
        noDiploma.AddRange(WithoutDiploma
            .Select(level => all.Where(p => p.Level == level).OrderByDescending(p => p.SkillsTaught).ThenBy(p => p.LengthWeeks).ThenBy(p => p.Id).FirstOrDefault())
            .OfType<EntryProgramme>()
            .Select(p => new EntryRoute(EntryRouteKind.Programme, Programme: p)));
        AddPlaces(noDiploma, EntryRouteKind.Apprenticeships, places.Apprenticeships);
        AddPlaces(noDiploma, EntryRouteKind.AplPlaces, places.AplPlaces);
        AddPlaces(noDiploma, EntryRouteKind.SummerJobs, places.SummerJobs);

        var newInSweden = new List<EntryRoute>();
        AddPlaces(newInSweden, EntryRouteKind.Internships, places.Internships);
        if (places.LowestSwedish is not null || places.WithoutSwedishLevel > 0)
        {
            newInSweden.Add(new EntryRoute(EntryRouteKind.Swedish, places.WithoutSwedishLevel, Swedish: places.LowestSwedish));
        }

        newInSweden.AddRange(Shortest(all, ForAdults));
        AddPlaces(newInSweden, EntryRouteKind.Apprenticeships, places.Apprenticeships);

        var changer = new List<EntryRoute>();
        changer.AddRange(nearby
            .Where(n => n.SharedSkills > 0)
            .OrderByDescending(n => n.SharedSkills).ThenByDescending(n => n.Percentage).ThenBy(n => n.OccupationId, StringComparer.Ordinal)
            .Take(OccupationsShown)
            .Select(n => new EntryRoute(EntryRouteKind.FromOccupation, From: n)));
        changer.AddRange(Shortest(all, ForAdults));
        AddPlaces(changer, EntryRouteKind.TraineePlaces, places.TraineePlaces);

        return new Dictionary<EntryGroup, IReadOnlyList<EntryRoute>>
        {
            [EntryGroup.NoUpperSecondary] = OrNone(noDiploma),
            [EntryGroup.NewInSweden] = OrNone(newInSweden),
            [EntryGroup.CareerChanger] = OrNone(changer),
        };
    }

    private static IEnumerable<EntryRoute> Shortest(List<EntryProgramme> programmes, ProgrammeLevel[] levels) =>
        programmes.Where(p => levels.Contains(p.Level))
            .OrderBy(p => p.LengthWeeks).ThenByDescending(p => p.SkillsTaught).ThenBy(p => p.Id)
            .Take(ProgrammesShown)
            .Select(p => new EntryRoute(EntryRouteKind.Programme, Programme: p));

    private static void AddPlaces(List<EntryRoute> routes, EntryRouteKind kind, int count)
    {
        if (count > 0)
        {
            routes.Add(new EntryRoute(kind, count));
        }
    }

    private static List<EntryRoute> OrNone(List<EntryRoute> routes) => routes.Count > 0 ? routes : [new EntryRoute(EntryRouteKind.None)];
}

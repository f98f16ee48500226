using Kompetensbron.Core.Gaps;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Programmes;

namespace Kompetensbron.Core.Tests.Gaps;

public sealed class EntryPathsTests
{
    private static readonly EntryPlaces NoPlaces = new(0, 0, 0, 0, 0, null, 0);

    private static EntryProgramme Programme(int id, ProgrammeLevel level, int weeks, int skills) => new(id, $"P{id}", "Skolan", level, weeks, skills);

    private static List<EntryProgramme> Programmes(IReadOnlyList<EntryRoute> routes) =>
        routes.Where(r => r.Kind == EntryRouteKind.Programme).Select(r => r.Programme!).ToList();

    [Fact]
    public void Without_upper_secondary_school_gets_school_komvux_and_company_training_that_teach_the_most_and_the_places_open_to_beginners()
    {
        var programmes = new[]
        {
            Programme(1, ProgrammeLevel.UpperSecondary, 156, 8),
            Programme(2, ProgrammeLevel.Komvux, 40, 5),
            Programme(3, ProgrammeLevel.Komvux, 20, 6),
            Programme(4, ProgrammeLevel.Yh, 60, 9),
            Programme(5, ProgrammeLevel.ShortCourse, 2, 2),
        };
        var places = NoPlaces with { Apprenticeships = 4, AplPlaces = 7 };

        var routes = EntryPaths.For(programmes, places, [])[EntryGroup.NoUpperSecondary];

        // YH asks for upper-secondary school; a short course is not a way into the whole job.
        Assert.Equal([1, 3], Programmes(routes).Select(p => p.Id));
        Assert.Contains(new EntryRoute(EntryRouteKind.Apprenticeships, 4), routes);
        Assert.Contains(new EntryRoute(EntryRouteKind.AplPlaces, 7), routes);
        Assert.DoesNotContain(routes, r => r.Kind is EntryRouteKind.SummerJobs or EntryRouteKind.None);
    }

    [Fact]
    public void New_in_Sweden_gets_internships_the_swedish_asked_for_and_the_shortest_adult_programmes()
    {
        var programmes = new[]
        {
            Programme(1, ProgrammeLevel.UpperSecondary, 156, 8),
            Programme(2, ProgrammeLevel.Komvux, 40, 5),
            Programme(3, ProgrammeLevel.ShortCourse, 3, 2),
            Programme(4, ProgrammeLevel.CompanyTraining, 6, 3),
        };
        var places = NoPlaces with { Internships = 3, LowestSwedish = CefrLevel.A2, WithoutSwedishLevel = 2 };

        var routes = EntryPaths.For(programmes, places, [])[EntryGroup.NewInSweden];

        Assert.Equal(new EntryRoute(EntryRouteKind.Internships, 3), routes[0]);
        Assert.Equal(new EntryRoute(EntryRouteKind.Swedish, 2, Swedish: CefrLevel.A2), routes[1]);
        Assert.Equal([3, 4], Programmes(routes).Select(p => p.Id));
    }

    [Fact]
    public void A_career_changer_sees_the_occupations_sharing_most_skills_first_then_short_programmes_and_trainee_places()
    {
        var nearby = new[]
        {
            new NearbyOccupation("a", 90, 2, 10),
            new NearbyOccupation("b", 40, 6, 10),
            new NearbyOccupation("c", 50, 0, 10),
            new NearbyOccupation("d", 70, 6, 10),
            new NearbyOccupation("e", 10, 1, 10),
        };
        var places = NoPlaces with { TraineePlaces = 2 };

        var routes = EntryPaths.For([Programme(1, ProgrammeLevel.Yh, 40, 4)], places, nearby)[EntryGroup.CareerChanger];

        // Sharing no skill is no way in; ties go to the more common move.
        Assert.Equal(["d", "b", "a"], routes.Where(r => r.Kind == EntryRouteKind.FromOccupation).Select(r => r.From!.OccupationId));
        Assert.Equal([1], Programmes(routes).Select(p => p.Id));
        Assert.Equal(new EntryRoute(EntryRouteKind.TraineePlaces, 2), routes[^1]);
    }

    [Fact]
    public void Every_group_says_so_when_the_data_has_no_way_in()
    {
        var paths = EntryPaths.For([Programme(1, ProgrammeLevel.Komvux, 10, 0)], NoPlaces, [new NearbyOccupation("a", 80, 0, 10)]);

        Assert.All(Enum.GetValues<EntryGroup>(), g => Assert.Equal([new EntryRoute(EntryRouteKind.None)], paths[g]));
    }
}

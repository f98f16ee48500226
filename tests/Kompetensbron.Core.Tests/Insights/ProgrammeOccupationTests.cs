using Kompetensbron.Core.Demo;
using Kompetensbron.Core.Insights;
using Kompetensbron.Core.Taxonomy;

namespace Kompetensbron.Core.Tests.Insights;

public sealed class ProgrammeOccupationTests
{
    private static readonly TaxonomyModel Taxonomy = TaxonomyModel.LoadEmbedded();

    private static string? Code(IEnumerable<string> skills) =>
        ProgrammeOccupation.BestFit(Taxonomy, skills) is { } id ? Taxonomy.FindSsykGroup(id)?.Code : null;

    [Fact]
    public void A_welding_programme_leads_to_welders_and_a_cnc_programme_to_machine_operators()
    {
        Assert.Equal("7212", Code(DemoCatalogue.Welder.Skills.Select(s => s.Id)));
        Assert.Equal("7223", Code(DemoCatalogue.CncOperator.Skills.Select(s => s.Id)));
        Assert.Equal("8344", Code(DemoCatalogue.ForkliftDriver.Skills.Select(s => s.Id)));
    }

    [Fact]
    public void A_short_course_of_two_skills_leads_to_no_occupation_of_its_own()
    {
        Assert.Null(Code(DemoCatalogue.Welder.Skills.Take(2).Select(s => s.Id)));
        Assert.Null(Code([]));
    }
}

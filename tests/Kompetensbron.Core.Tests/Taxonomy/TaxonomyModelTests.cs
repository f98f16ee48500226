using Kompetensbron.Core.Taxonomy;

namespace Kompetensbron.Core.Tests.Taxonomy;

public class TaxonomyModelTests
{
    private static TaxonomyModel Taxonomy => ReferenceData.Taxonomy;

    [Fact]
    public void Counts_match_the_JobTech_bulk_data()
    {
        Assert.Equal(6657, Taxonomy.Skills.Count);
        Assert.Equal(2412, Taxonomy.Occupations.Count);
        Assert.Equal(470, Taxonomy.Languages.Count);
        Assert.Equal(8324, Taxonomy.Substitutions.Count);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 46)]
    [InlineData(3, 147)]
    [InlineData(4, 400)]
    public void Ssyk_levels_have_the_published_number_of_groups(int level, int expected) =>
        Assert.Equal(expected, Taxonomy.SsykGroups.Count(g => g.Level == level));

    [Fact]
    public void Ssyk_hierarchy_is_consistent()
    {
        foreach (var group in Taxonomy.SsykGroups)
        {
            Assert.Equal(group.Level, group.Code.Length);
            if (group.Level == 1)
            {
                Assert.Null(group.ParentId);
                continue;
            }

            var parent = Taxonomy.FindSsykGroup(group.ParentId!);
            Assert.NotNull(parent);
            Assert.Equal(group.Level - 1, parent.Level);
            Assert.StartsWith(parent.Code, group.Code, StringComparison.Ordinal);
        }

        Assert.All(Taxonomy.SsykGroups.Where(g => g.Level == 4), g => Assert.False(string.IsNullOrWhiteSpace(g.Definition)));
    }

    [Fact]
    public void Every_occupation_belongs_to_an_existing_ssyk4_group()
    {
        Assert.All(Taxonomy.Occupations, o => Assert.Equal(4, Taxonomy.FindSsykGroup(o.Ssyk4Id)?.Level));
        Assert.Equal(2412, Taxonomy.SsykGroups.Where(g => g.Level == 4).Sum(g => Taxonomy.OccupationsInSsyk4(g.Id).Count));
    }

    [Fact]
    public void Occupation_definition_is_that_of_its_ssyk4_group()
    {
        var welder = Taxonomy.FindOccupation("rxrQ_Nyy_k6y");
        Assert.NotNull(welder);
        Assert.Equal("Svetsare", welder.Label);
        Assert.Equal("7212", Taxonomy.FindSsykGroup(welder.Ssyk4Id)?.Code);
        Assert.Equal(Taxonomy.FindSsykGroup(welder.Ssyk4Id)?.Definition, Taxonomy.OccupationDefinition(welder.Id));
        Assert.NotNull(Taxonomy.OccupationDefinition(welder.Id));
    }

    [Fact]
    public void Ssyk4_skill_links_are_all_there_and_resolve()
    {
        var ssyk4 = Taxonomy.SsykGroups.Where(g => g.Level == 4).ToList();
        Assert.Equal(17517, ssyk4.Sum(g => Taxonomy.SkillsForSsyk4(g.Id).Count));
        Assert.All(ssyk4.SelectMany(g => Taxonomy.SkillsForSsyk4(g.Id)), s => Assert.Same(s, Taxonomy.FindSkill(s.Id)));
        Assert.Equal(17517, Taxonomy.Skills.Sum(s => Taxonomy.Ssyk4GroupsForSkill(s.Id).Count));
    }

    [Fact]
    public void Welders_typically_know_welding()
    {
        var skills = Taxonomy.SkillsForOccupation("rxrQ_Nyy_k6y");
        Assert.Contains(skills, s => s.Id == "WBnc_JXj_MvY");
        Assert.Equal(Taxonomy.SkillsForSsyk4("wQ1E_Bzk_ZyA"), skills);
    }

    [Fact]
    public void Unknown_ids_give_null_or_empty()
    {
        Assert.Null(Taxonomy.FindSkill("nope"));
        Assert.Null(Taxonomy.FindOccupation("nope"));
        Assert.Empty(Taxonomy.SkillsForOccupation("nope"));
        Assert.Empty(Taxonomy.SubstitutesFrom("nope"));
    }

    [Fact]
    public void Substitution_direction_is_from_the_person_to_the_work_they_can_do()
    {
        const string doctor = "9K3i_XD4_Kyy";
        const string internDoctor = "mtf5_vYH_PCv";

        // A licensed doctor (Läkare) can do the work of an AT-läkare, not the other way round.
        Assert.Contains(Taxonomy.SubstitutesFrom(doctor), s => s.ToOccupationId == internDoctor);
        Assert.Contains(Taxonomy.SubstitutesTo(internDoctor), s => s.FromOccupationId == doctor);
        Assert.DoesNotContain(Taxonomy.SubstitutesFrom(internDoctor), s => s.ToOccupationId == doctor);
        Assert.All(Taxonomy.SubstitutesFrom(doctor), s => Assert.Equal(doctor, s.FromOccupationId));
        Assert.All(Taxonomy.Substitutions, s => Assert.True(s.Percentage is 25 or 75, $"{s.Percentage}"));
    }

    [Fact]
    public void Sun_field_and_level_hierarchies_are_present_and_linked()
    {
        Assert.Equal([10, 26, 118, 377], Enumerable.Range(1, 4).Select(l => Taxonomy.SunFields.Count(s => s.Level == l)));
        Assert.Equal([7, 14, 50], Enumerable.Range(1, 3).Select(l => Taxonomy.SunLevels.Count(s => s.Level == l)));
        Assert.All(Taxonomy.SunFields.Where(s => s.Level > 1), s => Assert.Equal(s.Level - 1, Taxonomy.FindSunField(s.ParentId!)?.Level));
        Assert.All(Taxonomy.SunLevels.Where(s => s.Level > 1), s => Assert.Equal(s.Level - 1, Taxonomy.FindSunLevel(s.ParentId!)?.Level));
    }

    [Fact]
    public void Sni_codes_form_a_five_level_hierarchy()
    {
        Assert.Equal([21, 88, 272, 615, 821], Enumerable.Range(1, 5).Select(l => Taxonomy.SniCodes.Count(s => s.Level == l)));
        var code = Taxonomy.FindSni("25620");
        Assert.NotNull(code);
        Assert.Equal(5, code.Level);
        var chain = new List<string>();
        for (var c = code; c is not null; c = c.ParentCode is null ? null : Taxonomy.FindSni(c.ParentCode))
        {
            chain.Add(c.Code);
        }

        Assert.Equal(["25620", "2562", "256", "25", "C"], chain);
    }

    [Fact]
    public void Languages_carry_lower_case_iso_639_1_where_it_exists()
    {
        Assert.Equal("sv", Taxonomy.FindLanguage("zSLA_vw2_FXN")?.Iso6391);
        Assert.Equal("Svenska", Taxonomy.FindLanguage("zSLA_vw2_FXN")?.Label);
        Assert.Equal(176, Taxonomy.Languages.Count(l => l.Iso6391 is not null));
        Assert.All(Taxonomy.Languages.Where(l => l.Iso6391 is not null), l => Assert.Matches("^[a-z]{2}$", l.Iso6391!));
    }
}

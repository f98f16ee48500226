using Kompetensbron.Core.Taxonomy;

namespace Kompetensbron.Core.Tests.Taxonomy;

public class TaxonomySearchTests
{
    private const string TigWelding = "WBnc_JXj_MvY";
    private const string CncOperator = "9haD_NB6_ULH";

    private static TaxonomyModel Taxonomy => ReferenceData.Taxonomy;

    [Theory]
    [InlineData("tig")]
    [InlineData("TIG")]
    [InlineData("svets")]
    [InlineData("TIG svetsning")]
    [InlineData("svetsning tig")]
    [InlineData("tig-svetsning")]
    [InlineData("  Tig   SVETS  ")]
    public void Finds_tig_welding(string query)
    {
        var hits = Taxonomy.Search(query, TaxonomyKind.Skill, limit: 50);
        var hit = Assert.Single(hits, h => h.Id == TigWelding);
        Assert.Equal("TIG-svetsning", hit.Label);
        Assert.Equal(TaxonomyKind.Skill, hit.Kind);
    }

    [Theory]
    [InlineData("tig")]
    [InlineData("TIG svetsning")]
    [InlineData("svetsning tig")]
    public void Tig_welding_comes_first_for_specific_queries(string query) =>
        Assert.Equal(TigWelding, Taxonomy.Search(query, TaxonomyKind.Skill)[0].Id);

    [Fact]
    public void Svetsning_finds_the_welding_variants()
    {
        var labels = Taxonomy.Search("svetsning", TaxonomyKind.Skill, limit: 100).Select(h => h.Label).ToList();
        Assert.Contains("TIG-svetsning", labels);
        Assert.Contains("MAG/MIG-svetsning", labels);
        Assert.Contains("Svetsning och lödning, VVS", labels);
        // A compound part: "svetsning" inside "Gassvetsning".
        Assert.Contains("Gassvetsning", labels);
    }

    [Fact]
    public void Label_starting_with_the_query_ranks_above_a_compound_part()
    {
        var labels = Taxonomy.Search("svetsning", TaxonomyKind.Skill, limit: 100).Select(h => h.Label).ToList();
        Assert.True(labels.IndexOf("Svetsning och lödning, VVS") < labels.IndexOf("Gassvetsning"));
        Assert.True(labels.IndexOf("TIG-svetsning") < labels.IndexOf("Gassvetsning"));
    }

    [Theory]
    [InlineData("cnc op")]
    [InlineData("CNC-operatör")]
    [InlineData("operatör")]
    [InlineData("operator")]
    [InlineData("OPERATOR cnc")]
    [InlineData("cnc-operator")]
    public void Finds_the_cnc_operator_occupation(string query)
    {
        var hits = Taxonomy.Search(query, TaxonomyKind.Occupation, limit: 100);
        var hit = Assert.Single(hits, h => h.Id == CncOperator);
        Assert.Equal("CNC-operatör", hit.Label);
        Assert.Equal(TaxonomyKind.Occupation, hit.Kind);
    }

    [Theory]
    [InlineData("cnc op")]
    [InlineData("CNC-operatör")]
    [InlineData("cnc operator")]
    public void Cnc_operator_comes_first_for_specific_queries(string query) =>
        Assert.Equal(CncOperator, Taxonomy.Search(query, TaxonomyKind.Occupation)[0].Id);

    [Fact]
    public void Skill_and_occupation_searches_are_separate()
    {
        Assert.DoesNotContain(Taxonomy.Search("cnc-operatör", TaxonomyKind.Skill, 100), h => h.Id == CncOperator);
        Assert.DoesNotContain(Taxonomy.Search("tig", TaxonomyKind.Occupation, 100), h => h.Id == TigWelding);
    }

    [Fact]
    public void Results_are_ordered_by_score_and_respect_the_limit()
    {
        var hits = Taxonomy.Search("s", TaxonomyKind.Skill, limit: 7);
        Assert.Equal(7, hits.Count);
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.Id), hits.Select(h => h.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-/-")]
    [InlineData("xqzxqz")]
    [InlineData("tig xqzxqz")]
    public void Nothing_matching_gives_no_hits(string query) =>
        Assert.Empty(Taxonomy.Search(query, TaxonomyKind.Skill));

    [Fact]
    public void Every_skill_is_found_by_its_own_label_first_or_tied()
    {
        foreach (var skill in Taxonomy.Skills.Where((_, i) => i % 50 == 0))
        {
            var hits = Taxonomy.Search(skill.Label, TaxonomyKind.Skill, limit: 5);
            Assert.NotEmpty(hits);
            var mine = Assert.Single(hits, h => h.Id == skill.Id);
            Assert.Equal(hits[0].Score, mine.Score);
        }
    }
}

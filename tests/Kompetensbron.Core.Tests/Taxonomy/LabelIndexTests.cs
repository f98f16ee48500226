using Kompetensbron.Core.Taxonomy;

namespace Kompetensbron.Core.Tests.Taxonomy;

public class LabelIndexTests
{
    private static LabelIndex Index(params string[] labels) =>
        new(labels.Select((label, i) => ($"id{i}", label)).ToArray());

    private static string[] Labels(LabelIndex index, string query) =>
        index.Search(query, 20).Select(h => h.Label).ToArray();

    [Fact]
    public void Whole_label_prefix_beats_word_prefix_beats_compound_part()
    {
        var index = Index("Gassvetsning", "TIG-svetsning", "Svetsning, rör");
        Assert.Equal(["Svetsning, rör", "TIG-svetsning", "Gassvetsning"], Labels(index, "svets"));
    }

    [Fact]
    public void Exact_label_beats_longer_labels()
    {
        var index = Index("Svetsning av rör", "Svetsning");
        Assert.Equal(["Svetsning", "Svetsning av rör"], Labels(index, "svetsning"));
    }

    [Fact]
    public void Shorter_labels_win_ties_then_alphabetical_order()
    {
        var index = Index("Bbb-svetsning", "Aaa-svetsning", "Cc-svetsning");
        Assert.Equal(["Cc-svetsning", "Aaa-svetsning", "Bbb-svetsning"], Labels(index, "svetsning"));
    }

    [Fact]
    public void Exact_diacritics_rank_above_folded_matches()
    {
        var index = Index("Mar", "Mår");
        Assert.Equal(["Mår", "Mar"], Labels(index, "mår"));
        Assert.Equal(["Mar", "Mår"], Labels(index, "mar"));
    }

    [Fact]
    public void Every_query_word_must_match()
    {
        var index = Index("TIG-svetsning", "MIG-svetsning");
        Assert.Equal(["TIG-svetsning"], Labels(index, "svetsning tig"));
    }

    [Fact]
    public void Short_query_words_match_only_word_starts()
    {
        var index = Index("Kooperativ", "Operatör");
        Assert.Equal(["Operatör"], Labels(index, "op"));
        Assert.Equal(["Operatör"], Labels(index, "ope"));
        Assert.Equal(["Operatör", "Kooperativ"], Labels(index, "oper"));
    }

    [Fact]
    public void Negative_limit_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Index("A").Search("a", -1));
}

using Kompetensbron.Core.Text;

namespace Kompetensbron.Core.Tests.Text;

public class SearchTextTests
{
    [Theory]
    [InlineData("Åsa Ärlig Östlund", "asa arlig ostlund")]
    [InlineData("Café Émile Ü", "cafe emile u")]
    [InlineData("Søren", "soren")]
    [InlineData("CNC-operatör", "cnc-operator")]
    public void Fold_lowercases_and_removes_diacritics(string text, string expected) =>
        Assert.Equal(expected, SearchText.Fold(text));

    [Fact]
    public void Tokens_split_on_anything_but_letters_and_digits() =>
        Assert.Equal(["mag", "mig", "svetsning", "2d", "grafik"], SearchText.Tokens("MAG/MIG-svetsning, (2D-grafik)"));

    [Fact]
    public void Key_treats_hyphen_and_space_alike() =>
        Assert.Equal(SearchText.Key("Upplands-Bro"), SearchText.Key("  upplands bro "));
}

using Kompetensbron.Core.Text;

namespace Kompetensbron.Core.Tests.Text;

public class SwedishStemmerTests
{
    [Theory]
    [InlineData("svetsning")]
    [InlineData("svetsningen")]
    [InlineData("svetsar")]
    [InlineData("svetsade")]
    [InlineData("svetsare")]
    [InlineData("svetsarna")]
    public void Activity_verb_and_agent_noun_share_a_stem(string word) =>
        Assert.Equal("svets", SwedishStemmer.Stem(word));

    [Fact]
    public void Plain_snowball_keeps_the_activity_noun_apart()
    {
        Assert.Equal("svetsning", SwedishStemmer.Stem("svetsning", derivational: false));
        Assert.Equal("pack", SwedishStemmer.Stem("packare", derivational: false));
        Assert.NotEqual("pack", SwedishStemmer.Stem("packning", derivational: false));
    }

    [Theory]
    [InlineData("operator", "operatorer")]
    [InlineData("montor", "montorerna")]
    [InlineData("truck", "truckar")]
    public void Singular_and_plural_share_a_stem(string singular, string plural) =>
        Assert.Equal(SwedishStemmer.Stem(singular), SwedishStemmer.Stem(plural));

    [Theory]
    [InlineData("tig")]
    [InlineData("el")]
    public void Short_words_are_left_alone(string word) => Assert.Equal(word, SwedishStemmer.Stem(word));
}

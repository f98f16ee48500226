using Kompetensbron.Core.Text;

namespace Kompetensbron.Core.Tests.Text;

public sealed class GenderCodedWordingTests
{
    [Fact]
    public void Finds_coded_words_once_with_neutral_suggestions()
    {
        var found = GenderCodedWording.Find("Vi söker en driven lagerman. Han ska vara stark, drivna personer söker!");

        Assert.Equal(["driven", "lagerman", "Han", "stark", "drivna"], found.Select(f => f.Found));
        Assert.Equal("lagerarbetare", found[1].Neutral);
        Assert.All(found, f => Assert.True(f.Masculine));
    }

    [Fact]
    public void Neutral_text_gives_no_warning()
    {
        Assert.Empty(GenderCodedWording.Find("Du svetsar rostfria detaljer och trivs med att lära dig nytt."));
        Assert.Empty(GenderCodedWording.Find(null));
    }
}

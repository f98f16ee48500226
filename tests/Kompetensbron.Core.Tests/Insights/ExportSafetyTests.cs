using Kompetensbron.Core.Export;

namespace Kompetensbron.Core.Tests.Insights;

public sealed class ExportSafetyTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+46 70 123", "'+46 70 123")]
    [InlineData("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tleading tab", "'\tleading tab")]
    [InlineData("-17", "-17")]
    [InlineData("3.5", "3.5")]
    [InlineData("Gnosjö", "Gnosjö")]
    [InlineData("", "")]
    public void Formula_like_text_is_neutralised_and_numbers_are_not(string cell, string expected) =>
        Assert.Equal(expected, SpreadsheetSafety.Neutralise(cell));

    [Fact]
    public void Csv_quotes_separators_quotes_and_line_breaks_and_neutralises_formulas()
    {
        using var writer = new StringWriter();

        Csv.WriteRow(writer, ["Montörer, metall", "säger \"hej\"", "rad\nbrytning", "=1+1", null]);

        Assert.Equal("\"Montörer, metall\",\"säger \"\"hej\"\"\",\"rad\nbrytning\",'=1+1,\r\n", writer.ToString());
    }
}

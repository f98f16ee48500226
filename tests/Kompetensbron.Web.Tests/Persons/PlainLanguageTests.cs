using System.Xml.Linq;
using static Kompetensbron.Web.Tests.Persons.PlainLanguage;

namespace Kompetensbron.Web.Tests.Persons;

/// <summary>
/// The measurable rules of docs/plain-language.md (<see cref="PlainLanguage"/>) over every text of the person's
/// journey and the career explorer (PersonResource.resx and its English twin).
/// </summary>
public sealed class PlainLanguageTests
{
    public static TheoryData<string> Files() => new() { "PersonResource.resx", "PersonResource.en.resx" };

    [Theory]
    [MemberData(nameof(Files))]
    public void Sentences_are_short(string file)
    {
        var tooLong = Texts(file)
            .SelectMany(t => Sentences(t.Value).Select(s => (t.Key, Sentence: s, Words: Words(s).Count)))
            .Where(s => s.Words > MaxWordsPerSentence)
            .Select(s => $"{s.Key} ({s.Words} words): {s.Sentence}")
            .ToList();

        Assert.Empty(tooLong);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Words_are_not_too_long_and_jargon_and_unexplained_abbreviations_are_absent(string file)
    {
        var problems = Texts(file).SelectMany(t => Problems(t.Value).Select(p => $"{t.Key}: {p}")).ToList();

        Assert.Empty(problems);
    }

    [Fact]
    public void The_swedish_texts_together_are_very_easy_by_lix()
    {
        var texts = Texts("PersonResource.resx").Select(t => t.Value).ToList();

        var lix = Lix(texts);

        Assert.InRange(lix, 1, MaxLix);
    }

    [Fact]
    public void No_swedish_text_uses_gender_coded_words()
    {
        var coded = Texts("PersonResource.resx")
            .SelectMany(t => GenderCoded(t.Value).Select(w => $"{t.Key}: {w}"))
            .ToList();

        Assert.Empty(coded);
    }

    [Fact]
    public void The_measures_catch_what_they_are_meant_to()
    {
        const string Hard = "Kompetensförsörjningsbehovet inom tillverkningsindustrin i Jönköpings län förutsätter att arbetsgivare, utbildningsanordnare och kommuner samverkar strategiskt kring SSYK-baserade kompetensprofiler för att långsiktigt säkra regionens framtida behov.";

        Assert.True(Words(Hard).Count > MaxWordsPerSentence);
        Assert.Contains(Words(Hard), w => w.Length > MaxWordLength);
        Assert.True(Lix([Hard]) > MaxLix);
        Assert.Contains(Jargon, j => IsUsed(j, Hard));
        Assert.True(IsUsed("taxonomi", "i Taxonomin"));
        Assert.Equal(["SSYK"], Abbreviations(Hard));
        Assert.Contains(Problems(Hard), p => p.StartsWith("jargon", StringComparison.Ordinal));
        Assert.Contains(Problems(Hard), p => p.StartsWith("abbreviation SSYK", StringComparison.Ordinal));
        Assert.Contains(Problems(Hard), p => p.Contains(" words: ", StringComparison.Ordinal));
        Assert.Contains(Problems(Hard), p => p.StartsWith("long word", StringComparison.Ordinal));
        Assert.NotEmpty(GenderCoded("Vi söker en driven lagerman."));
        Assert.Equal(["Jag har svetsat.”", "Vi letar."], Sentences("Jag har svetsat.” Vi letar."));
    }

    private static IEnumerable<(string Key, string Value)> Texts(string file) =>
        XDocument.Load(Path.Combine(LocalisationTests.ResourcesFolder(), file)).Root!.Elements("data")
            .Select(e => ((string)e.Attribute("name")!, (string)e.Element("value")!));
}

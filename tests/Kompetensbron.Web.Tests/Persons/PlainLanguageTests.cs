using System.Text.RegularExpressions;
using System.Xml.Linq;
using Kompetensbron.Core.Text;

namespace Kompetensbron.Web.Tests.Persons;

/// <summary>
/// The measurable rules of docs/plain-language.md over every text of the person's journey and the career explorer
/// (PersonResource.resx and its English twin).
/// </summary>
public sealed partial class PlainLanguageTests
{
    /// <summary>Most words in one sentence.</summary>
    public const int MaxWordsPerSentence = 18;

    /// <summary>Longest word, in letters: Swedish compounds grow without end ("kompetensförsörjningsbehov").</summary>
    public const int MaxWordLength = 16;

    /// <summary>LIX over all texts together; under 30 is "very easy" (children's books), 40 is a newspaper.</summary>
    public const double MaxLix = 30;

    /// <summary>Words a newcomer or a 16-year-old does not know, in either language; the page must say it plainly instead.</summary>
    public static readonly string[] Jargon =
    [
        "SSYK", "taxonomi", "taxonomy", "kompetensprofil", "competence profile", "substituerbar", "substitutab", "CEFR", "SUN-kod",
        "algoritm", "algorithm", "pseudonym", "validera", "validat", "matchningsgrad", "parameter", "konceptid", "concept id",
        "kompetensförsörjning", "arbetsmarknadsutbildning", "ytbehandling",
    ];

    /// <summary>Abbreviations that may appear: each is explained where it is used (or is a language level shown with its words).</summary>
    public static readonly string[] ExplainedAbbreviations = ["CNC", "TIG", "APL", "YH", "A1", "A2", "B1", "B2", "C1", "C2"];

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
        var problems = new List<string>();
        foreach (var (key, value) in Texts(file))
        {
            problems.AddRange(Words(value).Where(w => w.Length > MaxWordLength).Select(w => $"{key}: long word {w}"));
            problems.AddRange(Jargon.Where(j => IsUsed(j, value)).Select(j => $"{key}: jargon {j}"));
            problems.AddRange(Abbreviation().Matches(value).Select(m => m.Value).Where(a => !ExplainedAbbreviations.Contains(a)).Select(a => $"{key}: abbreviation {a}"));
        }

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
            .SelectMany(t => GenderCodedWording.Find(t.Value).Select(w => $"{t.Key}: {w.Found} (say {w.Neutral})"))
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
        Assert.Equal(["SSYK"], Abbreviation().Matches(Hard).Select(m => m.Value));
        Assert.NotEmpty(GenderCodedWording.Find("Vi söker en driven lagerman."));
        Assert.Equal(["Jag har svetsat.”", "Vi letar."], Sentences("Jag har svetsat.” Vi letar."));
    }

    /// <summary>LIX (Björnsson 1968): words per sentence plus the percentage of words longer than six letters.</summary>
    public static double Lix(IEnumerable<string> texts)
    {
        var sentences = texts.SelectMany(Sentences).ToList();
        var words = sentences.SelectMany(Words).ToList();
        return words.Count == 0 ? 0 : ((double)words.Count / sentences.Count) + (100.0 * words.Count(w => w.Length > 6) / words.Count);
    }

    /// <summary>Whether a word starting with <paramref name="jargon"/> occurs (abbreviations are checked on their own).</summary>
    private static bool IsUsed(string jargon, string text) =>
        Regex.IsMatch(text, @"(?<![\p{L}])" + Regex.Escape(jargon), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static List<string> Sentences(string text) =>
        SentenceEnd().Split(Placeholder().Replace(text, "X")).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    private static List<string> Words(string sentence) => Word().Matches(sentence).Select(m => m.Value).ToList();

    private static IEnumerable<(string Key, string Value)> Texts(string file) =>
        XDocument.Load(Path.Combine(LocalisationTests.ResourcesFolder(), file)).Root!.Elements("data")
            .Select(e => ((string)e.Attribute("name")!, (string)e.Element("value")!));

    [GeneratedRegex(@"(?<=[.!?][”""]?)\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b[\p{Lu}][\p{Lu}\d]+\b")]
    private static partial Regex Abbreviation();
}

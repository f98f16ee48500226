using System.Text.RegularExpressions;
using Kompetensbron.Core.Text;

namespace Kompetensbron.Web.Tests.Persons;

/// <summary>
/// The measurable rules of docs/plain-language.md, shared by the tests of the page texts (<see cref="PlainLanguageTests"/>)
/// and of the generated match explanations (<see cref="MatchExplanationPlainLanguageTests"/>).
/// </summary>
public static partial class PlainLanguage
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
        "kompetensförsörjning", "arbetsmarknadsutbildning", "ytbehandling", "meriterande", "närliggande kompetens",
    ];

    /// <summary>Abbreviations that may appear: each is explained where it is used (or is a language level shown with its words).</summary>
    public static readonly string[] ExplainedAbbreviations = ["CNC", "TIG", "APL", "YH", "A1", "A2", "B1", "B2", "C1", "C2"];

    /// <summary>What breaks the rules in one text: long sentences and words, jargon and unexplained abbreviations.</summary>
    public static IEnumerable<string> Problems(string text)
    {
        foreach (var sentence in Sentences(text))
        {
            var words = Words(sentence);
            if (words.Count > MaxWordsPerSentence)
            {
                yield return $"{words.Count} words: {sentence}";
            }
        }

        foreach (var word in Words(text).Where(w => w.Length > MaxWordLength))
        {
            yield return $"long word {word}";
        }

        foreach (var jargon in Jargon.Where(j => IsUsed(j, text)))
        {
            yield return $"jargon {jargon}";
        }

        foreach (var abbreviation in Abbreviation().Matches(text).Select(m => m.Value).Where(a => !ExplainedAbbreviations.Contains(a)))
        {
            yield return $"abbreviation {abbreviation}";
        }
    }

    /// <summary>LIX (Björnsson 1968): words per sentence plus the percentage of words longer than six letters.</summary>
    public static double Lix(IEnumerable<string> texts)
    {
        var sentences = texts.SelectMany(Sentences).ToList();
        var words = sentences.SelectMany(Words).ToList();
        return words.Count == 0 ? 0 : ((double)words.Count / sentences.Count) + (100.0 * words.Count(w => w.Length > 6) / words.Count);
    }

    /// <summary>Whether a word starting with <paramref name="jargon"/> occurs (abbreviations are checked on their own).</summary>
    public static bool IsUsed(string jargon, string text) =>
        Regex.IsMatch(text, @"(?<![\p{L}])" + Regex.Escape(jargon), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The sentences of a text; a resx placeholder such as {0} counts as one word.</summary>
    public static List<string> Sentences(string text) =>
        SentenceEnd().Split(Placeholder().Replace(text, "X")).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    public static List<string> Words(string sentence) => Word().Matches(sentence).Select(m => m.Value).ToList();

    public static IEnumerable<string> Abbreviations(string text) => Abbreviation().Matches(text).Select(m => m.Value);

    /// <summary>Gender-coded words in a Swedish text, with the neutral word to say instead.</summary>
    public static IEnumerable<string> GenderCoded(string text) => GenderCodedWording.Find(text).Select(w => $"{w.Found} (say {w.Neutral})");

    [GeneratedRegex(@"(?<=[.!?][”""]?)\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b[\p{Lu}][\p{Lu}\d]+\b")]
    private static partial Regex Abbreviation();
}

namespace Kompetensbron.Core.Text;

/// <summary>A gender-coded word found in a text, with a more neutral word to use instead.</summary>
public sealed record GenderCodedWord(string Found, string Neutral, bool Masculine);

/// <summary>
/// Finds gender-coded words in a Swedish job text (see docs/decisions/0012-gender-coded-wording.md for the list's
/// rationale): masculine-coded traits, feminine-coded traits, "-man" titles and gendered pronouns. It warns and
/// suggests; it never blocks or changes the text.
/// </summary>
public static class GenderCodedWording
{
    // Stem → neutral suggestion. A word matches when it starts with the stem (Swedish inflects by suffix).
    private static readonly (string Stem, string Neutral, bool Masculine)[] Stems =
    [
        ("driven", "engagerad", true),
        ("drivna", "engagerade", true),
        ("drivande", "engagerad", true),
        ("tävlingsinriktad", "målmedveten", true),
        ("dominant", "tydlig", true),
        ("aggressiv", "beslutsam", true),
        ("orädd", "trygg", true),
        ("kaxig", "trygg", true),
        ("stark", "uthållig", true),
        ("tuff", "stresstålig", true),
        ("självgående", "van att planera sitt arbete", true),
        ("händig", "praktisk", true),
        ("ödmjuk", "öppen", false),
        ("omtänksam", "hjälpsam", false),
        ("lyhörd", "bra på att lyssna", false),
        ("empatisk", "förstående", false),
        ("känslig", "noggrann", false),
        ("gullig", "trevlig", false),
    ];

    // Whole words only: titles and pronouns.
    private static readonly Dictionary<string, (string Neutral, bool Masculine)> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["han"] = ("du", true),
        ["honom"] = ("dig", true),
        ["hans"] = ("din", true),
        ["hon"] = ("du", false),
        ["henne"] = ("dig", false),
        ["hennes"] = ("din", false),
        ["lagerman"] = ("lagerarbetare", true),
        ["förman"] = ("arbetsledare", true),
        ["yrkesman"] = ("yrkesperson", true),
        ["verkstadsman"] = ("verkstadsarbetare", true),
        ["kranman"] = ("kranförare", true),
        ["brandman"] = ("brandsoldat", true),
        ["tjej"] = ("person", false),
        ["kille"] = ("person", true),
    };

    /// <summary>The coded words in <paramref name="text"/>, each once, in the order they first appear.</summary>
    public static IReadOnlyList<GenderCodedWord> Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var found = new List<GenderCodedWord>();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(Punctuation)))
        {
            var hit = Words.TryGetValue(word, out var exact)
                ? new GenderCodedWord(word, exact.Neutral, exact.Masculine)
                : Stems.FirstOrDefault(s => word.StartsWith(s.Stem, StringComparison.OrdinalIgnoreCase)) is { Stem: not null } stem
                    ? new GenderCodedWord(word, stem.Neutral, stem.Masculine)
                    : null;
            if (hit is not null && found.TrueForAll(f => !string.Equals(f.Found, hit.Found, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(hit);
            }
        }

        return found;
    }

    private static readonly char[] Punctuation = ['.', ',', ';', ':', '!', '?', '(', ')', '"', '\'', '”', '“', '–', '-'];
}

using System.Text.RegularExpressions;

namespace Kompetensbron.Core.Text;

/// <summary>How a surface form was derived from a taxonomy label; the weight is the match confidence.</summary>
internal enum VariantKind
{
    /// <summary>The label itself, or one of its "/" alternatives.</summary>
    Label,

    /// <summary>A rearranged "Head, qualifier" label: "Svarvning, CNC" → "CNC-svarvning".</summary>
    Rearranged,

    /// <summary>A hyphenated or rearranged label written as one word: "TIG-svetsning" → "tigsvetsning".</summary>
    Compound,

    /// <summary>Only the part of a label that names the thing: "Försäljning, erfarenhet" → "försäljning".</summary>
    Part,

    /// <summary>A curated synonym or abbreviation (<see cref="RecognitionLexicon"/>).</summary>
    Synonym,
}

/// <summary>
/// One way a label can be written in free text: its surface, its kind, and optionally a word (folded) whose stem
/// must also occur somewhere in the text ("Heidenhain" means "CNC-programmering, Heidenhain" only with "CNC" and
/// "programmering" in the text too); several words are separated by spaces.
/// </summary>
internal readonly record struct LabelVariant(string Surface, VariantKind Kind, string? Requires = null);

/// <summary>
/// The surface forms a JobTech label can take in free text. Labels are catalogue entries ("Svarvning, CNC",
/// "MAG/MIG-svetsning", "ESA (Elsäkerhetsanvisningarna)", "Försäljningsvana, telefonförsäljning"), people write
/// "CNC-svarvning", "MIG-svetsning", "ESA", "telefonförsäljning".
/// </summary>
internal static partial class LabelVariants
{
    public static IReadOnlyList<LabelVariant> Of(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var variants = new List<LabelVariant>();
        foreach (var prefix in RecognitionLexicon.ProductDomains)
        {
            if (label.StartsWith(prefix + "-", StringComparison.Ordinal))
            {
                // "Tillverkningsindustri-Solid Works": people write "Solid Works" or "SolidWorks".
                var product = label[(prefix.Length + 1)..];
                Add(variants, label, VariantKind.Label);
                Add(variants, product, VariantKind.Part);
                Add(variants, product.Replace(" ", string.Empty, StringComparison.Ordinal), VariantKind.Part);
                return variants;
            }
        }

        var alternatives = Alternatives(label.Replace(" - ", ", ", StringComparison.Ordinal));
        foreach (var alternative in alternatives)
        {
            AddParenthesised(variants, alternative.Trim(), alternatives.Length == 1 ? VariantKind.Label : VariantKind.Rearranged);
        }

        return variants;
    }

    // "A/B" alternatives; "MAG/MIG-svetsning" distributes the shared head: "MAG-svetsning", "MIG-svetsning".
    private static string[] Alternatives(string label)
    {
        var parts = label.Split('/');
        if (parts.Length == 1 || parts.Any(p => p.Length == 0 || char.IsDigit(p.TrimStart()[0])))
        {
            return parts;
        }

        var last = parts[^1];
        var hyphen = last.IndexOf('-', StringComparison.Ordinal);
        var shortModifiers = parts[..^1].All(p => p.Length > 0 && !p.Contains(' ', StringComparison.Ordinal) && !p.Contains('-', StringComparison.Ordinal) && p.Length <= 5);
        if (hyphen > 0 && shortModifiers && !last.AsSpan(0, hyphen).Contains(' '))
        {
            var head = last[hyphen..];
            return [.. parts[..^1].Select(p => p + head), last];
        }

        return parts;
    }

    private static void AddParenthesised(List<LabelVariant> variants, string label, VariantKind kind)
    {
        var match = Parenthesis().Match(label);
        if (!match.Success)
        {
            AddQualified(variants, label, kind);
            return;
        }

        var outside = Parenthesis().Replace(label, " ").Trim();
        var inside = match.Groups[1].Value.Trim();
        AddQualified(variants, label, kind);

        // "ESA (Elsäkerhetsanvisningarna)": either half alone, unless that half is one everyday word
        // ("Arbetsmiljö (OHSAS 18001)" must not fire on every "god arbetsmiljö").
        if (IsAcronym(outside) || SearchText.Tokens(outside).Length >= 2)
        {
            AddQualified(variants, outside, VariantKind.Rearranged);
        }

        if (IsAcronym(inside) || IsAcronym(outside) || SearchText.Tokens(inside).Length >= 2)
        {
            AddQualified(variants, inside, VariantKind.Rearranged);
        }
    }

    private static void AddQualified(List<LabelVariant> variants, string label, VariantKind kind)
    {
        var comma = label.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            Add(variants, label, kind);
            AddShortened(variants, label);
            return;
        }

        var head = label[..comma].Trim();
        var qualifier = label[(comma + 1)..].Replace(",", " ", StringComparison.Ordinal).Trim();
        var qualifierTokens = SearchText.Tokens(qualifier);
        Add(variants, head + " " + qualifier, kind);
        if (qualifierTokens.Length == 1)
        {
            // "Svarvning, CNC" → "CNC-svarvning"; "Undersköterska, utbildad" → "utbildad undersköterska".
            Add(variants, qualifier + "-" + head, VariantKind.Rearranged);
        }

        if (HeadNamesTheThing(qualifierTokens) || IsAcronym(head))
        {
            Add(variants, head, VariantKind.Part);
        }

        if (qualifierTokens.Length == 1 && qualifier.Length >= 4 && char.IsUpper(qualifier[0]) && qualifier.Any(char.IsLower))
        {
            // A brand after the comma ("CNC-programmering, Heidenhain"): the brand names it where the head's
            // last word is also in the text ("programmering i Heidenhain").
            variants.Add(new LabelVariant(qualifier, VariantKind.Part, string.Join(' ', SearchText.Tokens(head))));
        }

        var activity = qualifier.EndsWith("ning", StringComparison.Ordinal) || qualifier.EndsWith("ing", StringComparison.Ordinal);
        if ((head.EndsWith("vana", StringComparison.OrdinalIgnoreCase) && activity) || (string.Equals(head, "Certifikat", StringComparison.OrdinalIgnoreCase) && qualifierTokens.Length >= 2))
        {
            // "Försäljningsvana, telefonförsäljning" → "telefonförsäljning"; "Certifikat, heta arbeten" → "heta arbeten".
            Add(variants, qualifier, VariantKind.Part);
        }
    }

    // Labels that carry a domain or a generic first word people leave out: "Basala hygienrutiner inom hälso- och
    // sjukvård" → "basala hygienrutiner", "Allmänna svetskunskaper" → "svetskunskaper", "MS Excel" → "Excel".
    private static void AddShortened(List<LabelVariant> variants, string label)
    {
        var inom = label.IndexOf(" inom ", StringComparison.Ordinal);
        if (inom > 0)
        {
            var before = label[..inom];
            if (SearchText.Tokens(before).Length >= 2 || before.Length >= 12)
            {
                Add(variants, before, VariantKind.Part);
            }
        }

        var space = label.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && RecognitionLexicon.DroppableFirstWords.Contains(SearchText.Fold(label[..space])))
        {
            var rest = label[(space + 1)..];
            if (rest.Length >= 8 || IsAcronym(rest) || rest.Length >= 4 && char.IsUpper(rest[0]))
            {
                Add(variants, rest, VariantKind.Part);
            }
        }
    }

    // Qualifiers that only say what kind of thing the head is, or where: the head alone still names it.
    private static bool HeadNamesTheThing(string[] qualifierTokens)
    {
        if (qualifierTokens.Length == 0)
        {
            return false;
        }

        var qualifier = string.Join(' ', qualifierTokens);
        return RecognitionLexicon.TypeQualifiers.Contains(qualifier);
    }

    private static void Add(List<LabelVariant> variants, string surface, VariantKind kind)
    {
        surface = surface.Trim();
        if (surface.Length > 0 && !variants.Exists(v => string.Equals(v.Surface, surface, StringComparison.Ordinal)))
        {
            variants.Add(new LabelVariant(surface, kind));
        }
    }

    internal static bool IsAcronym(string text) =>
        text.Length is >= 2 and <= 6 && text.All(c => char.IsUpper(c) || char.IsDigit(c)) && text.Any(char.IsLetter);

    [GeneratedRegex(@"\(([^)]*)\)")]
    private static partial Regex Parenthesis();
}

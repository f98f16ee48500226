using System.Collections.Frozen;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Taxonomy;

namespace Kompetensbron.Core.Import.Tabular;

/// <summary>A kind of taxonomy concept a cell can name.</summary>
public enum ConceptKind
{
    Skill,
    Occupation,
    Language,
}

/// <summary>
/// How files name taxonomy concepts and municipalities. Reading accepts a concept id ("WBnc_JXj_MvY"), the exact
/// Swedish label ("TIG-svetsning", any case) or both ("TIG-svetsning (WBnc_JXj_MvY)", which is what exports write);
/// a municipality as its code ("0617", or "617" after a spreadsheet dropped the zero) or its name.
/// Build once and share; thread-safe reads.
/// </summary>
public sealed class TabularVocabulary
{
    private readonly TaxonomyModel _taxonomy;
    private readonly GeographyModel _geography;
    private readonly FrozenDictionary<ConceptKind, FrozenDictionary<string, string?>> _byLabel;
    private readonly FrozenDictionary<string, string> _municipalitiesByName;

    public TabularVocabulary(TaxonomyModel taxonomy, GeographyModel geography)
    {
        _taxonomy = taxonomy ?? throw new ArgumentNullException(nameof(taxonomy));
        _geography = geography ?? throw new ArgumentNullException(nameof(geography));

        // A label shared by two concepts resolves to null (ambiguous): the file must then give the id.
        static FrozenDictionary<string, string?> Labels(IEnumerable<(string Id, string Label)> concepts) =>
            concepts.GroupBy(c => c.Label, StringComparer.OrdinalIgnoreCase)
                .ToFrozenDictionary(g => g.Key, g => g.Count() == 1 ? g.First().Id : null, StringComparer.OrdinalIgnoreCase);

        _byLabel = new Dictionary<ConceptKind, FrozenDictionary<string, string?>>
        {
            [ConceptKind.Skill] = Labels(taxonomy.Skills.Select(s => (s.Id, s.Label))),
            [ConceptKind.Occupation] = Labels(taxonomy.Occupations.Select(o => (o.Id, o.Label))),
            [ConceptKind.Language] = Labels(taxonomy.Languages.Select(l => (l.Id, l.Label))),
        }.ToFrozenDictionary();
        _municipalitiesByName = geography.Municipalities.ToFrozenDictionary(m => m.Name, m => m.Code, StringComparer.OrdinalIgnoreCase);
    }

    public GeographyModel Geography => _geography;

    /// <summary>The concept id a cell names, or an error message (Swedish, English).</summary>
    public (string? Id, string? ErrorSv, string? ErrorEn) Concept(ConceptKind kind, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        if (value.EndsWith(')') && value.LastIndexOf('(') is var open and > 0)
        {
            var id = value[(open + 1)..^1].Trim();
            if (Label(kind, id) is not null)
            {
                return (id, null, null);
            }
        }

        if (Label(kind, value) is not null)
        {
            return (value, null, null);
        }

        var (sv, en) = kind switch
        {
            ConceptKind.Skill => ("kompetens", "skill"),
            ConceptKind.Occupation => ("yrke", "occupation"),
            _ => ("språk", "language"),
        };
        if (_byLabel[kind].TryGetValue(value, out var byLabel))
        {
            return byLabel is null
                ? (null, $"'{value}' är namnet på flera begrepp; skriv begreppets id.", $"'{value}' is the name of several concepts; give the concept id.")
                : (byLabel, null, null);
        }

        return (null, $"Okänd {sv} '{value}' (skriv begrepps-id eller den exakta svenska benämningen).",
            $"Unknown {en} '{value}' (give the concept id or the exact Swedish label).");
    }

    /// <summary>"TIG-svetsning (WBnc_JXj_MvY)": readable and exact.</summary>
    public string FormatConcept(ConceptKind kind, string id) => Label(kind, id) is { } label ? $"{label} ({id})" : id;

    /// <summary>The four-digit code of a municipality given by code or name; null when unknown.</summary>
    public string? MunicipalityCode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        if (value.Length is >= 3 and <= 4 && value.All(char.IsAsciiDigit))
        {
            var code = value.PadLeft(4, '0');
            return _geography.FindMunicipality(code) is null ? null : code;
        }

        return _municipalitiesByName.GetValueOrDefault(value);
    }

    public bool IsSunField(string code) => _taxonomy.SunFields.Any(f => f.Code == code);

    public bool IsSunLevel(string code) => _taxonomy.SunLevels.Any(l => l.Code == code);

    public string MunicipalityName(string code) => _geography.FindMunicipality(code)?.Name ?? code;

    private string? Label(ConceptKind kind, string id) => kind switch
    {
        ConceptKind.Skill => _taxonomy.FindSkill(id)?.Label,
        ConceptKind.Occupation => _taxonomy.FindOccupation(id)?.Label,
        _ => _taxonomy.FindLanguage(id)?.Label,
    };
}

/// <summary>The words a file may use for an enum's values: Swedish (written by exports), English and the code name.</summary>
public sealed class EnumWords<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> _swedish = [];
    private readonly Dictionary<string, TEnum> _parse = new(StringComparer.OrdinalIgnoreCase);

    public EnumWords(params (TEnum Value, string Swedish, string English)[] words)
    {
        ArgumentNullException.ThrowIfNull(words);
        foreach (var (value, sv, en) in words)
        {
            _swedish[value] = sv;
            _parse[sv] = value;
            _parse[en] = value;
            _parse[value.ToString()] = value;
        }
    }

    public string Format(TEnum value) => _swedish[value];

    public bool TryParse(string text, out TEnum value) => _parse.TryGetValue(text.Trim(), out value);

    public string Choices => string.Join(", ", _swedish.Values);
}

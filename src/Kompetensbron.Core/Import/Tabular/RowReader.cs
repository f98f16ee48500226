using System.Globalization;
using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Import.Tabular;

/// <summary>
/// Reads the typed values of one row, adding an <see cref="ImportError"/> (row, column, Swedish and English) for every
/// value that is missing, malformed or unknown, so one pass over a file reports all its errors.
/// </summary>
public sealed class RowReader
{
    /// <summary>Separates the items of a list cell: "Svetsning; Ritningsläsning".</summary>
    public const char ListSeparator = ';';

    private readonly TabularRow _row;
    private readonly IReadOnlyDictionary<string, int> _map;
    private readonly TabularTemplate _template;
    private readonly List<ImportError> _errors;
    private readonly int _errorsBefore;

    public RowReader(TabularRow row, IReadOnlyDictionary<string, int> map, TabularTemplate template, TabularVocabulary vocabulary, List<ImportError> errors)
    {
        _row = row ?? throw new ArgumentNullException(nameof(row));
        _map = map ?? throw new ArgumentNullException(nameof(map));
        _template = template ?? throw new ArgumentNullException(nameof(template));
        Vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
        _errors = errors ?? throw new ArgumentNullException(nameof(errors));
        _errorsBefore = errors.Count;
    }

    public int Number => _row.Number;
    public TabularVocabulary Vocabulary { get; }

    /// <summary>True when this row added errors.</summary>
    public bool Failed => _errors.Count > _errorsBefore;

    /// <summary>Whether the file has the column at all (an absent optional column leaves stored values alone).</summary>
    public bool Has(string key) => _map.ContainsKey(key);

    public void Error(string key, string sv, string en) => _errors.Add(new ImportError(_row.Number, Column(key).Swedish, sv, en));

    /// <summary>
    /// The cell's text, or null when empty. Text that a spreadsheet would run as a formula (starting with = + - @,
    /// other than a number) is an error; our exports' apostrophe before such text ("'=…") is taken off.
    /// </summary>
    public string? Text(string key, int maxLength = FieldLengths.Name)
    {
        var column = Column(key);
        var text = _map.TryGetValue(key, out var index) && index < _row.Cells.Count ? _row.Cells[index] : "";
        if (text.Length == 0)
        {
            if (column.Required)
            {
                Error(key, "Värdet saknas.", "The value is missing.");
            }

            return null;
        }

        if (text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@')
        {
            text = text[1..];
        }
        else if (text[0] is '=' or '+' or '@' or '\t' or '\r' || (text[0] == '-' && !decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out _)))
        {
            Error(key, "Värdet börjar med = + - eller @ och kan köras som en formel i ett kalkylprogram; ta bort tecknet eller sätt en apostrof (') först.",
                "The value starts with = + - or @ and may run as a formula in a spreadsheet; remove the character or put an apostrophe (') first.");
            return null;
        }

        if (text.Length > maxLength)
        {
            Error(key, $"Texten är längre än {maxLength} tecken.", $"The text is longer than {maxLength} characters.");
            return null;
        }

        return text;
    }

    public int? WholeNumber(string key, int min, int max)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value == decimal.Truncate(value) && value >= min && value <= max)
        {
            return (int)value;
        }

        Error(key, $"'{text}' är inte ett heltal mellan {min} och {max}.", $"'{text}' is not a whole number from {min} to {max}.");
        return null;
    }

    /// <summary>A decimal number with comma or point ("2,5" or "2.5").</summary>
    public decimal? DecimalNumber(string key, decimal min, decimal max) => DecimalNumber(key, Text(key), min, max);

    private decimal? DecimalNumber(string key, string? text, decimal min, decimal max)
    {
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Error(key, $"'{text}' är inte ett tal mellan {min} och {max} (decimaler med komma eller punkt).",
            $"'{text}' is not a number from {min} to {max} (decimals with comma or point).");
        return null;
    }

    public DateOnly? Date(string key) => Date(key, Text(key));

    private DateOnly? Date(string key, string? text)
    {
        if (text is null)
        {
            return null;
        }

        var day = text.Length > 10 && text[10] is ' ' or 'T' ? text[..10] : text;
        if (DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(key, $"'{text}' är inget datum (ÅÅÅÅ-MM-DD).", $"'{text}' is not a date (YYYY-MM-DD).");
        return null;
    }

    public List<DateOnly> Dates(string key) =>
        [.. Items(key).Select(item => Date(key, item)).Where(d => d is not null).Select(d => d!.Value).Distinct().Order()];

    public bool? Bool(string key)
    {
        var text = Text(key);
        switch (text?.ToUpperInvariant())
        {
            case null:
                return null;
            case "JA" or "YES" or "TRUE" or "1" or "X" or "SANT":
                return true;
            case "NEJ" or "NO" or "FALSE" or "0" or "FALSKT":
                return false;
            default:
                Error(key, $"'{text}' ska vara ja eller nej.", $"'{text}' must be yes or no.");
                return null;
        }
    }

    public TEnum? Enum<TEnum>(string key, EnumWords<TEnum> words)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(words);
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        if (words.TryParse(text, out var value))
        {
            return value;
        }

        Error(key, $"'{text}' är inget giltigt värde. Välj bland: {words.Choices}.", $"'{text}' is not a valid value. Choose from: {words.Choices}.");
        return null;
    }

    public string? Concept(string key, ConceptKind kind)
    {
        var text = Text(key);
        return text is null ? null : Resolve(key, kind, text);
    }

    /// <summary>Items "concept" or "concept: value", separated by semicolons; each concept resolved, duplicates dropped.</summary>
    public List<(string Id, string? Value)> ConceptList(string key, ConceptKind kind)
    {
        var result = new List<(string Id, string? Value)>();
        foreach (var item in Items(key))
        {
            // Labels may hold a colon ("Oförstörande provning: Visuell kontroll (VT)"): the whole item first.
            var colon = item.LastIndexOf(':');
            var (concept, value) = colon > 0 && Vocabulary.Concept(kind, item).Id is null ? (item[..colon].Trim(), item[(colon + 1)..].Trim()) : (item, null);
            if (Resolve(key, kind, concept) is { } id && result.TrueForAll(r => r.Id != id))
            {
                result.Add((id, value is { Length: > 0 } ? value : null));
            }
        }

        return result;
    }

    /// <summary>A list item's value as a number ("2,5"), or the default when it has none.</summary>
    public decimal ItemNumber(string key, string? value, decimal fallback, decimal min, decimal max) =>
        value is null ? fallback : DecimalNumber(key, value, min, max) ?? fallback;

    public CefrLevel? ItemLevel(string key, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (System.Enum.TryParse<CefrLevel>(value, ignoreCase: true, out var level) && System.Enum.IsDefined(level) && !char.IsAsciiDigit(value[0]))
        {
            return level;
        }

        Error(key, $"'{value}' är ingen språknivå (A1, A2, B1, B2, C1, C2).", $"'{value}' is not a language level (A1, A2, B1, B2, C1, C2).");
        return null;
    }

    public List<string> Licences(string key)
    {
        var codes = new List<string>();
        foreach (var item in Items(key))
        {
            var licence = Profiles.Licences.All.FirstOrDefault(l => string.Equals(l.Code, item, StringComparison.OrdinalIgnoreCase)
                || string.Equals(l.LabelSv, item, StringComparison.OrdinalIgnoreCase) || string.Equals(l.LabelEn, item, StringComparison.OrdinalIgnoreCase));
            if (licence is null)
            {
                var codesList = string.Join(", ", Profiles.Licences.All.Select(l => l.Code));
                Error(key, $"Okänt körkort eller certifikat '{item}'. Koder: {codesList}.", $"Unknown licence or certificate '{item}'. Codes: {codesList}.");
            }
            else if (!codes.Contains(licence.Code))
            {
                codes.Add(licence.Code);
            }
        }

        return codes;
    }

    public string? Municipality(string key)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        var code = Vocabulary.MunicipalityCode(text);
        if (code is null)
        {
            Error(key, $"Okänd kommun '{text}' (skriv kommunkod, t.ex. 0617, eller namn, t.ex. Gnosjö).",
                $"Unknown municipality '{text}' (give its code, e.g. 0617, or its name, e.g. Gnosjö).");
        }

        return code;
    }

    public string? OrganisationNumber(string key)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        if (Organisations.OrganisationNumber.TryNormalise(text, out var number))
        {
            return number;
        }

        Error(key, $"'{text}' är inget giltigt organisationsnummer (tio siffror, t.ex. 556000-0001, med rätt kontrollsiffra).",
            $"'{text}' is not a valid organisation number (ten digits, e.g. 556000-0001, with a valid check digit).");
        return null;
    }

    private List<string> Items(string key) =>
        Text(key, FieldLengths.Description) is { } text
            ? [.. text.Split(ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]
            : [];

    private string? Resolve(string key, ConceptKind kind, string text)
    {
        var (id, sv, en) = Vocabulary.Concept(kind, text);
        if (id is null)
        {
            Error(key, sv!, en!);
        }

        return id;
    }

    private TemplateColumn Column(string key) => _template.Columns.First(c => c.Key == key);
}

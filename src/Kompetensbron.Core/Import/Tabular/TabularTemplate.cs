namespace Kompetensbron.Core.Import.Tabular;

/// <summary>What a CSV/Excel file holds.</summary>
public enum TabularEntity
{
    Profiles,
    Needs,
    Programmes,
    Cohorts,
}

/// <summary>A column of an import template: its Swedish heading, English alias, whether it is required, and what it holds.</summary>
public sealed record TemplateColumn(string Key, string Swedish, string English, bool Required, string Help)
{
    /// <summary>True for columns an export leaves out unless asked (gender, target group).</summary>
    public bool Sensitive { get; init; }
}

/// <summary>
/// The columns of one entity's import and export file, and how a header row maps onto them (Swedish headings or
/// their English aliases, case-insensitive, in any order). docs/import-templates.md describes every column.
/// </summary>
public abstract class TabularTemplate
{
    protected TabularTemplate(TabularEntity entity, IReadOnlyList<TemplateColumn> columns)
    {
        Entity = entity;
        Columns = columns;
    }

    public TabularEntity Entity { get; }
    public IReadOnlyList<TemplateColumn> Columns { get; }

    public static TabularTemplate For(TabularEntity entity) => entity switch
    {
        TabularEntity.Profiles => ProfileTemplate.Instance,
        TabularEntity.Needs => NeedTemplate.Instance,
        TabularEntity.Programmes => ProgrammeTemplate.Instance,
        TabularEntity.Cohorts => CohortTemplate.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, "Unknown entity."),
    };

    /// <summary>The headings an export writes (sensitive columns only when <paramref name="includeSensitive"/>).</summary>
    public IReadOnlyList<TemplateColumn> ExportColumns(bool includeSensitive) => [.. Columns.Where(c => includeSensitive || !c.Sensitive)];

    /// <summary>Maps each heading to a column key; unknown, repeated and missing required headings become errors on row 1.</summary>
    public IReadOnlyDictionary<string, int> MapHeader(IReadOnlyList<string> header, List<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(errors);
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var heading = header[i].Trim().TrimEnd('*').Trim();
            if (heading.Length == 0)
            {
                continue;
            }

            var column = Columns.FirstOrDefault(c => string.Equals(c.Swedish, heading, StringComparison.OrdinalIgnoreCase)
                || string.Equals(c.English, heading, StringComparison.OrdinalIgnoreCase));
            if (column is null)
            {
                errors.Add(new ImportError(1, heading, $"Okänd kolumn. Kolumnerna är: {string.Join(", ", Columns.Select(c => c.Swedish))}.",
                    $"Unknown column. The columns are: {string.Join(", ", Columns.Select(c => c.English))}."));
            }
            else if (!map.TryAdd(column.Key, i))
            {
                errors.Add(new ImportError(1, heading, "Kolumnen finns två gånger.", "The column appears twice."));
            }
        }

        foreach (var missing in Columns.Where(c => c.Required && !map.ContainsKey(c.Key)))
        {
            errors.Add(new ImportError(1, missing.Swedish, "Kolumnen saknas men är obligatorisk.", "The column is missing but required."));
        }

        return map;
    }
}

/// <summary>A template whose rows parse into <typeparamref name="TRecord"/> and whose records format back into rows.</summary>
public abstract class TabularTemplate<TRecord>(TabularEntity entity, IReadOnlyList<TemplateColumn> columns)
    : TabularTemplate(entity, columns)
{
    /// <summary>The row's record, or null when it has errors (added to the reader's list).</summary>
    public abstract TRecord? Parse(RowReader row);

    /// <summary>The cells of a record, keyed by column key (an export writes them in column order).</summary>
    public abstract IReadOnlyDictionary<string, string?> Format(TRecord record, TabularVocabulary vocabulary);
}

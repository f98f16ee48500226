namespace Kompetensbron.Core.Insights.Reports;

/// <summary>A published cell: the text people see (with "&lt;5" where suppressed) and the number behind it,
/// or null when the cell is text or suppressed.</summary>
public sealed record ReportCell(string Text, double? Number)
{
    public static ReportCell Of(string text) => new(text, null);
}

/// <summary>One table of a report: a title, column headings, rows and an optional total row.</summary>
public sealed record ReportTable(
    string Key, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows, IReadOnlyList<ReportCell>? Total);

/// <summary>A whole insights report: what it covers and its tables.</summary>
public sealed record ReportDocument(string Title, string Scope, IReadOnlyList<ReportTable> Tables, IReadOnlyList<string> Notes)
{
    public ReportTable Table(string key) =>
        Tables.FirstOrDefault(t => t.Key == key) ?? throw new ArgumentException($"No table '{key}'.", nameof(key));
}

/// <summary>The language of report headings; labels from the taxonomy stay Swedish.</summary>
public enum ReportLanguage
{
    Swedish,
    English,
}

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using Kompetensbron.Core.Export;
using MiniExcelLibs;

namespace Kompetensbron.Core.Insights.Reports;

/// <summary>Writes a <see cref="ReportDocument"/> as CSV (one table), Excel (one sheet per table) or printable HTML.</summary>
public static class ReportWriters
{
    // Escapes markup only; Swedish letters stay readable in the file (it is UTF-8).
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>One table as CSV: a heading row, the rows, then the total row if the table has one.</summary>
    public static void WriteCsv(ReportTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        Csv.WriteRow(writer, table.Columns);
        foreach (var row in table.Rows)
        {
            Csv.WriteRow(writer, row.Select(c => c.Text));
        }

        if (table.Total is { } total)
        {
            Csv.WriteRow(writer, total.Select(c => c.Text));
        }
    }

    /// <summary>Every table as a sheet; numbers as numbers, suppressed and text cells as (neutralised) text.</summary>
    public static void WriteXlsx(ReportDocument document, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var table in document.Tables)
        {
            var rows = table.Rows.Concat(table.Total is null ? [] : [table.Total])
                .Select(row => (IDictionary<string, object?>)table.Columns
                    .Select((column, i) => (Column: UniqueColumn(table.Columns, i), Cell: row[i]))
                    .ToDictionary(x => x.Column, x => x.Cell.Number is { } n ? n : (object)SpreadsheetSafety.Neutralise(x.Cell.Text)))
                .ToList();
            sheets[SheetName(table.Title, sheets.Keys)] = rows;
        }

        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
    }

    /// <summary>A self-contained page that prints on A4, with the tables and the notes.</summary>
    public static void WriteHtml(ReportDocument document, TextWriter writer, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(writer);
        static string E(string s) => Html.Encode(s);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"{(language == ReportLanguage.Swedish ? "sv" : "en")}\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(document.Title)} – {E(document.Scope)}</title>\n");
        html.Append("<style>\n@page { size: A4; margin: 15mm; }\nbody { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; color: #1a1a1a; }\n");
        html.Append("h1 { font-size: 16pt; margin: 0 0 2mm; } h2 { font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; }\n");
        html.Append("table { border-collapse: collapse; width: 100%; break-inside: auto; } tr { break-inside: avoid; }\n");
        html.Append("th, td { border-bottom: 1px solid #ccc; padding: 1mm 2mm; text-align: left; vertical-align: top; }\n");
        html.Append("td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; } tfoot td { font-weight: bold; border-top: 2px solid #1a1a1a; }\n");
        html.Append(".scope { color: #444; margin: 0 0 4mm; } .notes { margin-top: 6mm; font-size: 9pt; color: #444; }\n</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(document.Title)}</h1>\n<p class=\"scope\">{E(document.Scope)}</p>\n");
        foreach (var table in document.Tables)
        {
            var numeric = table.Columns.Select((_, i) => table.Rows.Any(r => r[i].Number is not null)).ToArray();
            string Cls(int i) => numeric[i] ? " class=\"n\"" : "";
            html.Append(CultureInfo.InvariantCulture, $"<h2>{E(table.Title)}</h2>\n<table>\n<thead><tr>");
            for (var i = 0; i < table.Columns.Count; i++)
            {
                html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\"{Cls(i)}>{E(table.Columns[i])}</th>");
            }

            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in table.Rows)
            {
                html.Append("<tr>");
                for (var i = 0; i < row.Count; i++)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<td{Cls(i)}>{E(row[i].Text)}</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n");
            if (table.Total is { } total)
            {
                html.Append("<tfoot><tr>");
                for (var i = 0; i < total.Count; i++)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<td{Cls(i)}>{E(total[i].Text)}</td>");
                }

                html.Append("</tr></tfoot>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("<div class=\"notes\">\n");
        foreach (var note in document.Notes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(note)}</p>\n");
        }

        html.Append("</div>\n</body>\n</html>\n");
        writer.Write(html.ToString());
    }

    private static string UniqueColumn(IReadOnlyList<string> columns, int index) =>
        columns.Take(index).Contains(columns[index]) ? $"{columns[index]} ({index + 1})" : columns[index];

    private static string SheetName(string title, IEnumerable<string> taken)
    {
        // Excel: at most 31 characters, none of : \ / ? * [ ].
        var name = new string(title.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray());
        name = name.Length > 31 ? name[..31] : name;
        var unique = name;
        for (var i = 2; taken.Contains(unique); i++)
        {
            var suffix = $" {i}";
            unique = (name.Length + suffix.Length > 31 ? name[..(31 - suffix.Length)] : name) + suffix;
        }

        return unique;
    }
}

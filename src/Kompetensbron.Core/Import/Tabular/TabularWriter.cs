using System.Text;
using Kompetensbron.Core.Export;
using MiniExcelLibs;

namespace Kompetensbron.Core.Import.Tabular;

/// <summary>The file formats of imports and exports.</summary>
public enum TabularFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Writes rows under the template's Swedish headings as CSV (UTF-8 with BOM so Excel shows å ä ö; RFC 4180) or Excel;
/// every cell neutralised against formula injection (<see cref="SpreadsheetSafety"/>), which the importer undoes.
/// </summary>
public static class TabularWriter
{
    public static void Write(Stream stream, TabularFormat format, IReadOnlyList<TemplateColumn> columns, IEnumerable<IReadOnlyDictionary<string, string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (format == TabularFormat.Csv)
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(true), 1 << 16, leaveOpen: true);
            Csv.WriteRow(writer, columns.Select(c => c.Swedish));
            foreach (var row in rows)
            {
                Csv.WriteRow(writer, columns.Select(c => row.GetValueOrDefault(c.Key)));
            }

            return;
        }

        // The heading is written as the first row, so an empty template still has its headings.
        var header = columns.ToDictionary(c => c.Key, c => (object?)c.Swedish);
        var body = rows.Select(row => (IDictionary<string, object?>)columns.ToDictionary(
            c => c.Key, c => (object?)SpreadsheetSafety.Neutralise(row.GetValueOrDefault(c.Key))));
        stream.SaveAs(body.Prepend(header), printHeader: false, sheetName: "Data", excelType: ExcelType.XLSX);
    }
}

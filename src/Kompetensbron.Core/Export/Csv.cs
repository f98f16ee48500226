using System.Text;

namespace Kompetensbron.Core.Export;

/// <summary>RFC 4180 CSV: comma-separated, fields quoted when needed, CRLF line ends, formula injection neutralised.</summary>
public static class Csv
{
    public static void WriteRow(TextWriter writer, IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(fields);
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                writer.Write(',');
            }

            writer.Write(Quote(SpreadsheetSafety.Neutralise(field)));
            first = false;
        }

        writer.Write("\r\n");
    }

    private static string Quote(string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return field;
        }

        var builder = new StringBuilder(field.Length + 2).Append('"');
        foreach (var c in field)
        {
            builder.Append(c == '"' ? "\"\"" : c.ToString());
        }

        return builder.Append('"').ToString();
    }
}

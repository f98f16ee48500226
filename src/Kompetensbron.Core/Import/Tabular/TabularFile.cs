using System.Globalization;
using System.Text;

namespace Kompetensbron.Core.Import.Tabular;

/// <summary>
/// Limits that protect the server from oversized uploads, for CSV and Excel alike: the file's size, rows, columns
/// and the length of a cell; for Excel, also what its zip unpacks to and the text it holds, checked while reading
/// (a 1 MB .xlsx can unpack to gigabytes).
/// </summary>
public sealed record TabularLimits(long MaxBytes = 20 * 1024 * 1024, int MaxRows = 50_000, int MaxColumns = 100)
{
    public static TabularLimits Default { get; } = new();

    /// <summary>The longest cell: Excel's own limit.</summary>
    public int MaxCellChars { get; init; } = 32_767;

    /// <summary>All parts of an Excel file together, unpacked: as declared, and as counted while unpacking.</summary>
    public long MaxUnpackedBytes { get; init; } = 100 * 1024 * 1024;

    /// <summary>How many times larger a part (of 1 MB or more) may unpack than it is packed; text XML packs 5–50 times.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>The text an Excel file may hold in all (shared and inline strings, numbers): as much as the largest CSV file.</summary>
    public long MaxTextChars { get; init; } = 20 * 1024 * 1024;
}

/// <summary>A data row and its number as a spreadsheet shows it (the header is row 1).</summary>
public sealed record TabularRow(int Number, IReadOnlyList<string> Cells);

/// <summary>A read table: header cells, data rows (blank rows left out) and how the file was read ("CSV, UTF-8, ';'").</summary>
public sealed record TabularSheet(IReadOnlyList<string> Header, IReadOnlyList<TabularRow> Rows, string Description);

/// <summary>
/// Reads CSV or Excel (.xlsx) into a <see cref="TabularSheet"/>. CSV: UTF-8 with or without BOM (or UTF-16 with BOM),
/// otherwise Windows-1252; comma, semicolon or tab, whichever the header line uses most; RFC 4180 quoting. Cells are
/// trimmed; formula checks are the reader's (<see cref="RowReader"/>).
/// </summary>
public static class TabularFile
{
    static TabularFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TabularSheet Read(Stream stream, TabularLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        var bytes = ReadAll(stream, limits.MaxBytes);
        if (bytes.Length == 0)
        {
            throw new ImportFileException("Filen är tom.", "The file is empty.");
        }

        var sheet = bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4
            ? ReadXlsx(bytes, limits)
            : ReadCsv(bytes, limits);
        if (sheet.Header.All(string.IsNullOrWhiteSpace))
        {
            throw new ImportFileException("Filen har ingen rubrikrad (rad 1).", "The file has no header row (row 1).");
        }

        return sheet;
    }

    private static byte[] ReadAll(Stream stream, long maxBytes)
    {
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
        }

        return buffer.ToArray();
    }

    private static ImportFileException TooLarge(long maxBytes) => new(
        string.Create(CultureInfo.InvariantCulture, $"Filen är större än {maxBytes / (1024 * 1024)} MB. Dela upp den i flera filer."),
        string.Create(CultureInfo.InvariantCulture, $"The file is larger than {maxBytes / (1024 * 1024)} MB. Split it into several files."));

    internal static ImportFileException TooManyRows(int maxRows) => new(
        string.Create(CultureInfo.InvariantCulture, $"Filen har fler än {maxRows:N0} rader. Dela upp den i flera filer."),
        string.Create(CultureInfo.InvariantCulture, $"The file has more than {maxRows:N0} rows. Split it into several files."));

    internal static ImportFileException TooManyColumns(int row, int maxColumns) => new(
        string.Create(CultureInfo.InvariantCulture, $"Rad {row} har fler än {maxColumns} kolumner."),
        string.Create(CultureInfo.InvariantCulture, $"Row {row} has more than {maxColumns} columns."));

    /// <summary>A cell over the limit; <paramref name="column"/> is 0-based, negative when not known (an Excel shared string).</summary>
    internal static ImportFileException CellTooLong(int row, int column, int maxChars)
    {
        var limit = maxChars.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', ' ');
        var limitEn = maxChars.ToString("N0", CultureInfo.InvariantCulture);
        return column < 0
            ? new ImportFileException(
                $"En cell i filen har fler än {limit} tecken, Excels egen gräns. Korta texten.",
                $"A cell in the file has more than {limitEn} characters, Excel's own limit. Shorten the text.")
            : new ImportFileException(
                string.Create(CultureInfo.InvariantCulture, $"Rad {row}, kolumn {ColumnName(column)}: cellen har fler än {limit} tecken, Excels egen gräns. Korta texten."),
                string.Create(CultureInfo.InvariantCulture, $"Row {row}, column {ColumnName(column)}: the cell has more than {limitEn} characters, Excel's own limit. Shorten the text."));
    }

    /// <summary>A 0-based column as a spreadsheet names it: 0 is A, 26 is AA.</summary>
    private static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static TabularSheet ReadCsv(byte[] bytes, TabularLimits limits)
    {
        var (text, encodingName) = Decode(bytes);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ImportFileException(
                "Filen är inte en textfil (CSV) eller en Excel-fil (.xlsx).", "The file is not a text (CSV) file or an Excel (.xlsx) file.");
        }

        var separator = DetectSeparator(text);
        var records = ParseCsv(text, separator, limits);
        var name = separator switch { '\t' => "tab", _ => $"'{separator}'" };
        return new TabularSheet(records[0].Cells, records.Skip(1).Where(r => r.Cells.Any(c => c.Length > 0)).ToList(), $"CSV, {encodingName}, {name}");
    }

    /// <summary>Valid UTF-8 is UTF-8; anything else is read as Windows-1252, the other encoding Swedish Excel writes.</summary>
    private static (string Text, string Name) Decode(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return (Strict(new UTF8Encoding(false, true), bytes.AsSpan(3)) ?? throw new ImportFileException(
                "Filen säger att den är UTF-8 men innehåller ogiltiga tecken.", "The file says it is UTF-8 but contains invalid characters."), "UTF-8 (BOM)");
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var utf16 = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return (utf16.GetString(bytes, 2, bytes.Length - 2), "UTF-16");
        }

        return Strict(new UTF8Encoding(false, true), bytes) is { } utf8
            ? (utf8, "UTF-8")
            : (Encoding.GetEncoding(1252).GetString(bytes), "Windows-1252");
    }

    private static string? Strict(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static char DetectSeparator(string text)
    {
        var counts = new Dictionary<char, int> { [';'] = 0, [','] = 0, ['\t'] = 0 };
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                break;
            }
            else if (!quoted && counts.TryGetValue(c, out var n))
            {
                counts[c] = n + 1;
            }
        }

        var best = counts.MaxBy(p => p.Value);
        return best.Value == 0 ? ',' : best.Key;
    }

    private static List<TabularRow> ParseCsv(string text, char separator, TabularLimits limits)
    {
        var rows = new List<TabularRow>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var quoteStartRow = 0;
        var i = 0;

        void EndCell()
        {
            cells.Add(Clean(cell.ToString()));
            cell.Clear();
            if (cells.Count > limits.MaxColumns)
            {
                throw TooManyColumns(rows.Count + 1, limits.MaxColumns);
            }
        }

        void Append(char c)
        {
            if (cell.Length >= limits.MaxCellChars)
            {
                throw CellTooLong(rows.Count + 1, cells.Count, limits.MaxCellChars);
            }

            cell.Append(c);
        }

        void EndRow()
        {
            EndCell();
            rows.Add(new TabularRow(rows.Count + 1, [.. cells]));
            cells.Clear();
            if (rows.Count > limits.MaxRows + 1)
            {
                throw TooManyRows(limits.MaxRows);
            }
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    Append(c);
                }
            }
            else if (c == '"' && cell.ToString().Trim().Length == 0)
            {
                quoted = true;
                quoteStartRow = rows.Count + 1;
                cell.Clear();
            }
            else if (c == separator)
            {
                EndCell();
            }
            else if (c is '\r' or '\n')
            {
                EndRow();
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                Append(c);
            }

            i++;
        }

        if (quoted)
        {
            throw new ImportFileException(
                string.Create(CultureInfo.InvariantCulture, $"Rad {quoteStartRow}: ett citattecken (\") avslutas aldrig."),
                string.Create(CultureInfo.InvariantCulture, $"Row {quoteStartRow}: a quotation mark (\") is never closed."));
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            EndRow();
        }

        if (rows.Count == 0)
        {
            throw new ImportFileException("Filen är tom.", "The file is empty.");
        }

        return rows;
    }

    private static TabularSheet ReadXlsx(byte[] bytes, TabularLimits limits)
    {
        List<TabularRow> rows;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            rows = XlsxSheetReader.Read(stream, limits);
        }
        catch (Exception e) when (e is not ImportFileException)
        {
            throw new ImportFileException("Filen är ingen giltig Excel-fil (.xlsx).", "The file is not a valid Excel (.xlsx) file.", e);
        }

        if (rows.Count == 0)
        {
            throw new ImportFileException("Filen är tom.", "The file is empty.");
        }

        return new TabularSheet(rows[0].Cells, rows.Skip(1).ToList(), "Excel (.xlsx)");
    }

    /// <summary>A cell's value as text, the same for every reader: numbers invariant, dates yyyy-MM-dd, booleans ja/nej.</summary>
    internal static string CellText(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        bool b => b ? "ja" : "nej",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Clean(string cell) => cell.Trim();
}

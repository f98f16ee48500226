using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Kompetensbron.Core.Import.Tabular;

/// <summary>
/// Reads the first sheet of an Excel (.xlsx) file as a stream, within <see cref="TabularLimits"/>: the zip's declared
/// sizes are checked before anything is unpacked (total, per part, compression ratio), every byte unpacked is counted
/// (declared sizes can lie), and text is read in chunks, so a cell over <see cref="TabularLimits.MaxCellChars"/> or
/// text over <see cref="TabularLimits.MaxTextChars"/> is refused before it is held in memory. A decompression bomb
/// costs a few kilobytes, not gigabytes. Cells come as <c>TabularFile</c> shows them: numbers invariant, dates
/// (by the cell's number format) as yyyy-MM-dd, booleans as ja/nej.
/// </summary>
internal sealed class XlsxSheetReader
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    // A part under this size may compress as well as it likes (tiny parts prove nothing).
    private const long RatioCheckedFrom = 1024 * 1024;

    private readonly TabularLimits _limits;
    private readonly char[] _chunk = new char[4096];
    private long _unpacked;
    private long _text;

    private XlsxSheetReader(TabularLimits limits) => _limits = limits;

    /// <summary>The sheet's non-empty rows by their spreadsheet number (row 1, the header, always; empty if missing).</summary>
    public static List<TabularRow> Read(Stream xlsx, TabularLimits limits)
    {
        using var archive = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
        var reader = new XlsxSheetReader(limits);
        reader.CheckDeclaredSizes(archive);
        return reader.ReadRows(archive);
    }

    private void CheckDeclaredSizes(ZipArchive archive)
    {
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            total += entry.Length;
            if (entry.Length > _limits.MaxUnpackedBytes || total > _limits.MaxUnpackedBytes)
            {
                throw TooMuchUnpacked(entry.FullName);
            }

            if (entry.Length >= RatioCheckedFrom && entry.Length > entry.CompressedLength * _limits.MaxCompressionRatio)
            {
                throw new ImportFileException(
                    string.Create(CultureInfo.InvariantCulture, $"Excel-filen är packad misstänkt hårt: {entry.FullName} blir mer än {_limits.MaxCompressionRatio} gånger större när den packas upp. Spara filen på nytt i Excel eller som CSV."),
                    string.Create(CultureInfo.InvariantCulture, $"The Excel file is suspiciously compressed: {entry.FullName} grows more than {_limits.MaxCompressionRatio} times when unpacked. Save it again in Excel or as CSV."));
            }
        }
    }

    private List<TabularRow> ReadRows(ZipArchive archive)
    {
        var (sheet, sharedStrings, styles) = Parts(archive);
        var dateStyles = styles is null ? [] : DateStyles(styles);
        var shared = sharedStrings is null ? [] : SharedStrings(sharedStrings);
        var rows = new List<TabularRow>();
        using var xml = Open(sheet);
        var header = false;
        var number = 0;
        List<string>? cells = null;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "row")
            {
                Add(rows, number, cells, ref header);
                number = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > number ? r : number + 1;
                if (number > _limits.MaxRows + 1)
                {
                    throw TabularFile.TooManyRows(_limits.MaxRows);
                }

                cells = [];
            }
            else if (xml.LocalName == "c" && cells is not null)
            {
                var column = Column(xml.GetAttribute("r")) ?? cells.Count;
                var type = xml.GetAttribute("t");
                var style = int.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
                var text = Cell(xml, type, style, shared, dateStyles, number, column).Trim();
                if (text.Length == 0)
                {
                    continue;
                }

                if (column >= _limits.MaxColumns)
                {
                    throw TabularFile.TooManyColumns(number, _limits.MaxColumns);
                }

                while (cells.Count < column)
                {
                    cells.Add("");
                }

                if (column < cells.Count)
                {
                    cells[column] = text;
                }
                else
                {
                    cells.Add(text);
                }
            }
        }

        Add(rows, number, cells, ref header);
        return rows;
    }

    /// <summary>Keeps a row when it has a cell; the header row (1) always, first.</summary>
    private static void Add(List<TabularRow> rows, int number, List<string>? cells, ref bool header)
    {
        if (cells is null)
        {
            return;
        }

        if (!header)
        {
            rows.Add(new TabularRow(1, number == 1 ? cells : []));
            header = true;
            if (number == 1)
            {
                return;
            }
        }

        if (cells.Any(c => c.Length > 0))
        {
            rows.Add(new TabularRow(number, cells));
        }
    }

    /// <summary>The text of one cell (<c>&lt;c&gt;</c>), the reader on its start; after it, on its end.</summary>
    private string Cell(XmlReader xml, string? type, int style, List<string> shared, HashSet<int> dateStyles, int row, int column)
    {
        if (xml.IsEmptyElement)
        {
            return "";
        }

        var depth = xml.Depth;
        string? value = null;
        StringBuilder? inline = null;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "v")
            {
                var text = new StringBuilder();
                AppendText(xml, text, row, column);
                value = text.ToString();
                xml.Read();
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "is")
            {
                inline = new StringBuilder();
                AppendRichText(xml, inline, row, column);
                xml.Read();
            }
            else if (xml.NodeType == XmlNodeType.Element)
            {
                xml.Skip(); // the formula (<f>) and anything else: the cached value is what the sheet shows
            }
            else
            {
                xml.Read();
            }
        }

        var cell = type switch
        {
            "inlineStr" => inline?.ToString() ?? "",
            "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : "",
            "b" => value is null ? "" : value.Trim() == "1" ? "ja" : "nej",
            "n" or null when value is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) =>
                dateStyles.Contains(style) && number is >= -657435 and < 2958466
                    ? TabularFile.CellText(DateTime.FromOADate(number))
                    : TabularFile.CellText(number),
            "d" when DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) => TabularFile.CellText(date),
            _ => value ?? "",
        };

        // Shared strings were counted once, when read; any other cell is new text held in memory.
        if (type != "s")
        {
            CountText(cell.Length);
        }

        return cell;
    }

    /// <summary>Appends the text inside the element the reader is on, in chunks, refusing it past the cell limit.</summary>
    private void AppendText(XmlReader xml, StringBuilder text, int row, int column)
    {
        if (xml.IsEmptyElement)
        {
            return;
        }

        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                int read;
                while ((read = xml.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
                {
                    if (text.Length + read > _limits.MaxCellChars)
                    {
                        throw TabularFile.CellTooLong(row, column, _limits.MaxCellChars);
                    }

                    text.Append(_chunk, 0, read);
                }
            }
        }
    }

    /// <summary>A string of runs (<c>&lt;si&gt;</c>, <c>&lt;is&gt;</c>): the text of its <c>&lt;t&gt;</c> elements, leaving out phonetic guides.</summary>
    private void AppendRichText(XmlReader xml, StringBuilder text, int row, int column)
    {
        if (xml.IsEmptyElement)
        {
            return;
        }

        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                AppendText(xml, text, row, column);
                xml.Read();
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName is "rPh" or "rPr")
            {
                xml.Skip(); // phonetic guides and run formatting are not the text
            }
            else
            {
                xml.Read(); // into a run (<r>), or past anything else
            }
        }
    }

    private List<string> SharedStrings(ZipArchiveEntry entry)
    {
        var strings = new List<string>();
        using var xml = Open(entry);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                var text = new StringBuilder();
                AppendRichText(xml, text, 0, -1);
                CountText(text.Length);
                strings.Add(text.ToString());
            }
        }

        return strings;
    }

    /// <summary>The cell styles (indexes into <c>cellXfs</c>) whose number format shows a date or time.</summary>
    private HashSet<int> DateStyles(ZipArchiveEntry entry)
    {
        var customDates = new HashSet<int>();
        var dates = new HashSet<int>();
        using var xml = Open(entry);
        var index = -1;
        var inCellFormats = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
            {
                inCellFormats = false;
            }

            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "numFmt"
                && int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && IsDateFormat(xml.GetAttribute("formatCode")))
            {
                customDates.Add(id);
            }
            else if (xml.LocalName == "cellXfs")
            {
                inCellFormats = !xml.IsEmptyElement;
            }
            else if (xml.LocalName == "xf" && inCellFormats)
            {
                index++;
                if (int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var format)
                    && (format is >= 14 and <= 22 or >= 45 and <= 47 || customDates.Contains(format)))
                {
                    dates.Add(index);
                }
            }
        }

        return dates;
    }

    /// <summary>Whether a custom number format shows a date or time: d, m, y, h or s outside quotes, escapes and [colour] brackets.</summary>
    private static bool IsDateFormat(string? code)
    {
        if (code is null)
        {
            return false;
        }

        var quoted = false;
        var bracketed = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (quoted)
            {
                continue;
            }
            else if (c == '\\' || c == '_' || c == '*')
            {
                i++;
            }
            else if (c == '[')
            {
                bracketed = true;
            }
            else if (c == ']')
            {
                bracketed = false;
            }
            else if (!bracketed && char.ToLowerInvariant(c) is 'd' or 'm' or 'y' or 'h' or 's')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first sheet (in the workbook's order), the shared strings and the styles, found through the workbook's relationships.</summary>
    private (ZipArchiveEntry Sheet, ZipArchiveEntry? SharedStrings, ZipArchiveEntry? Styles) Parts(ZipArchive archive)
    {
        string? firstSheetId = null;
        if (Find(archive, "xl/workbook.xml") is { } workbook)
        {
            using var xml = Open(workbook);
            while (firstSheetId is null && xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
                {
                    firstSheetId = xml.GetAttribute("id", RelationshipsNamespace) ?? "";
                }
            }
        }

        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        string? sharedStrings = null;
        string? styles = null;
        if (Find(archive, "xl/_rels/workbook.xml.rels") is { } relationships)
        {
            using var xml = Open(relationships);
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Target") is { } target)
                {
                    var path = target.StartsWith('/') ? target[1..] : "xl/" + target;
                    var kind = xml.GetAttribute("Type") ?? "";
                    targets[xml.GetAttribute("Id") ?? ""] = path;
                    sharedStrings ??= kind.EndsWith("/sharedStrings", StringComparison.Ordinal) ? path : null;
                    styles ??= kind.EndsWith("/styles", StringComparison.Ordinal) ? path : null;
                }
            }
        }

        var sheet = (firstSheetId is not null && targets.TryGetValue(firstSheetId, out var sheetPath) ? Find(archive, sheetPath) : null)
            ?? archive.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                .OrderBy(e => e.FullName, StringComparer.OrdinalIgnoreCase).FirstOrDefault()
            ?? throw new InvalidDataException("The workbook has no sheet.");
        return (sheet, Find(archive, sharedStrings ?? "xl/sharedStrings.xml"), Find(archive, styles ?? "xl/styles.xml"));
    }

    /// <summary>The 0-based column of a cell reference ("C7" is 2); null without one.</summary>
    private static int? Column(string? reference)
    {
        if (reference is null)
        {
            return null;
        }

        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            if (++letters > 3)
            {
                return int.MaxValue; // past Excel's last column (XFD): too many columns
            }

            column = (column * 26) + (c - 'A' + 1);
        }

        return letters == 0 ? null : column - 1;
    }

    private static ZipArchiveEntry? Find(ZipArchive archive, string path) =>
        archive.GetEntry(path) ?? archive.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));

    /// <summary>A part's XML through a stream that counts what is unpacked; no DTDs, no external resources.</summary>
    private XmlReader Open(ZipArchiveEntry entry) => XmlReader.Create(new CountingStream(entry.Open(), this, entry.FullName), new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    });

    private void CountText(int chars)
    {
        _text += chars;
        if (_text > _limits.MaxTextChars)
        {
            throw new ImportFileException(
                string.Create(CultureInfo.InvariantCulture, $"Excel-filen innehåller mer än {_limits.MaxTextChars:N0} tecken text. Dela upp den i flera filer."),
                string.Create(CultureInfo.InvariantCulture, $"The Excel file holds more than {_limits.MaxTextChars:N0} characters of text. Split it into several files."));
        }
    }

    private ImportFileException TooMuchUnpacked(string part) => new(
        string.Create(CultureInfo.InvariantCulture, $"Excel-filen blir större än {_limits.MaxUnpackedBytes / (1024 * 1024)} MB när den packas upp ({part}). Dela upp den i flera filer."),
        string.Create(CultureInfo.InvariantCulture, $"The Excel file grows beyond {_limits.MaxUnpackedBytes / (1024 * 1024)} MB when unpacked ({part}). Split it into several files."));

    /// <summary>Counts the bytes unpacked from all parts together and stops past the limit, whatever the zip declared.</summary>
    private sealed class CountingStream(Stream inner, XlsxSheetReader owner, string part) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        private int Count(int read)
        {
            owner._unpacked += read;
            if (owner._unpacked > owner._limits.MaxUnpackedBytes)
            {
                throw owner.TooMuchUnpacked(part);
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

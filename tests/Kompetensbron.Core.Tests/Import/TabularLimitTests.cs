using System.IO.Compression;
using System.Text;
using Kompetensbron.Core.Import;
using Kompetensbron.Core.Import.Tabular;
using MiniExcelLibs;

namespace Kompetensbron.Core.Tests.Import;

/// <summary>
/// Issue 13, item 4: <see cref="TabularFile"/> reads CSV and Excel within <see cref="TabularLimits"/> (cell length,
/// rows, columns; for Excel what the zip unpacks to, its compression ratio and the text it holds), and reads Excel
/// cells as before.
/// </summary>
public sealed class TabularLimitTests
{
    private static TabularSheet Read(byte[] file, TabularLimits? limits = null) => TabularFile.Read(new MemoryStream(file), limits ?? TabularLimits.Default);

    private static ImportFileException Refused(byte[] file, TabularLimits? limits = null) => Assert.Throws<ImportFileException>(() => Read(file, limits));

    private static byte[] Excel(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: true, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>A workbook of one sheet whose XML is <paramref name="sheetData"/> (rows), written by hand.</summary>
    private static byte[] Sheet(string sheetData, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", level).Open(), new UTF8Encoding(false));
            writer.Write($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheetData}</sheetData></worksheet>""");
        }

        return stream.ToArray();
    }

    private static string Inline(string reference, string text) => $"""<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>""";

    [Fact]
    public void Excel_cells_read_as_text_numbers_dates_and_booleans()
    {
        var file = Excel(new Dictionary<string, object?>
        {
            ["Namn"] = "  Svetsare  ", ["Antal"] = 12.5, ["Start"] = new DateTime(2026, 8, 17), ["Körkort"] = true, ["Tom"] = null, ["Sist"] = "x",
        });

        var sheet = Read(file);

        Assert.Equal(["Namn", "Antal", "Start", "Körkort", "Tom", "Sist"], sheet.Header);
        var row = Assert.Single(sheet.Rows);
        Assert.Equal(2, row.Number);
        Assert.Equal(["Svetsare", "12.5", "2026-08-17", "ja", "", "x"], row.Cells);
    }

    [Fact]
    public void Excel_rich_text_shared_strings_and_row_gaps_keep_their_spreadsheet_numbers()
    {
        var file = Sheet(
            """<row r="1">""" + Inline("A1", "Namn") + Inline("B1", "Kommun") + "</row>" +
            """<row r="4"><c r="B4" t="inlineStr"><is><r><rPr><b/></rPr><t>06</t></r><r><t xml:space="preserve">17 </t></r><rPh><t>x</t></rPh></is></c>""" +
            """<c r="C4"><f>1+1</f><v>2</v></c></row>""");

        var sheet = Read(file);

        var row = Assert.Single(sheet.Rows);
        Assert.Equal(4, row.Number);
        Assert.Equal(["", "0617", "2"], row.Cells);
    }

    [Fact]
    public void An_excel_cell_of_32767_characters_is_read_and_one_more_is_refused_naming_row_and_column()
    {
        var longest = new string('x', 32_767);
        Assert.Equal(longest, Read(Excel(new Dictionary<string, object?> { ["Namn"] = "Eva", ["Text"] = longest })).Rows[0].Cells[1]);

        var shared = Refused(Excel(new Dictionary<string, object?> { ["Namn"] = "Eva", ["Text"] = longest + "x" }));
        var inline = Refused(Sheet("""<row r="1">""" + Inline("A1", "Namn") + "</row>" + """<row r="2">""" + Inline("B2", longest + "x") + "</row>"));

        Assert.Contains("fler än 32 767 tecken, Excels egen gräns", shared.MessageSv, StringComparison.Ordinal);
        Assert.Equal("Rad 2, kolumn B: cellen har fler än 32 767 tecken, Excels egen gräns. Korta texten.", inline.MessageSv);
        Assert.Contains("more than 32,767 characters", inline.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_rows_or_columns_are_refused_in_excel_and_csv()
    {
        var limits = new TabularLimits(MaxRows: 2, MaxColumns: 3);
        var rows = Excel([.. Enumerable.Range(1, 3).Select(i => new Dictionary<string, object?> { ["Namn"] = $"P{i}" })]);
        var columns = Sheet("""<row r="1">""" + Inline("A1", "Namn") + "</row>" + """<row r="2">""" + Inline("A2", "Eva") + Inline("D2", "för långt ut") + "</row>");

        Assert.Contains("fler än 2 rader", Refused(rows, limits).MessageSv, StringComparison.Ordinal);
        Assert.Equal("Rad 2 har fler än 3 kolumner.", Refused(columns, limits).MessageSv);
        Assert.Contains("fler än 2 rader", Refused("Namn\nA\nB\nC\n"u8.ToArray(), limits).MessageSv, StringComparison.Ordinal);
        Assert.Equal("Rad 2 har fler än 3 kolumner.", Refused("Namn\nA,B,C,D\n"u8.ToArray(), limits).MessageSv);

        // A row number far down the sheet counts, whatever lies between.
        Assert.Contains("fler än 2 rader", Refused(Sheet("""<row r="1">""" + Inline("A1", "Namn") + """</row><row r="1048576">""" + Inline("A1048576", "x") + "</row>"), limits).MessageSv, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_cell_longer_than_32767_characters_is_refused_naming_row_and_column()
    {
        var huge = Encoding.UTF8.GetBytes($"Namn,Beskrivning\nEva,\"{new string('x', 5_000_000)}\"\n");

        var refused = Refused(huge);

        Assert.Equal("Rad 2, kolumn B: cellen har fler än 32 767 tecken, Excels egen gräns. Korta texten.", refused.MessageSv);
        Assert.Equal(32_767, Read(Encoding.UTF8.GetBytes($"Namn,Beskrivning\nEva,{new string('x', 32_767)}\n")).Rows[0].Cells[1].Length);
    }

    [Fact]
    public void An_excel_file_that_unpacks_beyond_the_limit_or_packs_absurdly_well_is_refused_before_it_is_unpacked()
    {
        var cells = string.Concat(Enumerable.Range(2, 200).Select(i => $"""<row r="{i}">{Inline($"A{i}", new string('a', 10_000))}</row>"""));
        var file = Sheet("""<row r="1">""" + Inline("A1", "Namn") + "</row>" + cells);

        var unpacked = Refused(file, TabularLimits.Default with { MaxUnpackedBytes = 1024 * 1024 });
        var ratio = Refused(file);

        Assert.Equal("Excel-filen blir större än 1 MB när den packas upp (xl/worksheets/sheet1.xml). Dela upp den i flera filer.", unpacked.MessageSv);
        Assert.Contains("packad misstänkt hårt: xl/worksheets/sheet1.xml blir mer än 200 gånger större", ratio.MessageSv, StringComparison.Ordinal);
        Assert.Equal(200, Read(file, TabularLimits.Default with { MaxCompressionRatio = 10_000 }).Rows.Count);
    }

    [Fact]
    public void An_excel_file_whose_zip_understates_its_size_is_refused()
    {
        // The sheet unpacks to 3 MB but the zip says 100 bytes: the reader must not trust it.
        var cells = string.Concat(Enumerable.Range(2, 300).Select(i => $"""<row r="{i}">{Inline($"A{i}", new string('a', 10_000))}</row>"""));
        var file = Sheet("""<row r="1">""" + Inline("A1", "Namn") + "</row>" + cells);
        var lying = (byte[])file.Clone();
        Patch(lying, [0x50, 0x4B, 0x03, 0x04], 22, 100); // local header: uncompressed size
        Patch(lying, [0x50, 0x4B, 0x01, 0x02], 24, 100); // central directory: uncompressed size

        var refused = Refused(lying, TabularLimits.Default with { MaxUnpackedBytes = 1024 * 1024, MaxCompressionRatio = 100_000 });

        Assert.DoesNotContain("tom", refused.MessageSv, StringComparison.Ordinal);
    }

    [Fact]
    public void An_excel_file_with_more_text_than_the_limit_is_refused()
    {
        var file = Excel([.. Enumerable.Range(1, 20).Select(i => new Dictionary<string, object?> { ["Namn"] = $"Person nummer {i}" })]);

        var refused = Refused(file, TabularLimits.Default with { MaxTextChars = 100 });

        Assert.Contains("mer än 100 tecken text", refused.MessageSv, StringComparison.Ordinal);
    }

    private static void Patch(byte[] zip, byte[] signature, int offset, int value)
    {
        var at = zip.AsSpan().IndexOf(signature);
        Assert.True(at >= 0);
        BitConverter.TryWriteBytes(zip.AsSpan(at + offset, 4), value);
    }
}

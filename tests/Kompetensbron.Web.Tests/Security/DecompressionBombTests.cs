using System.IO.Compression;
using System.Net;
using System.Text;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Tests.Import;
using Kompetensbron.Web.Tests.Infrastructure;

namespace Kompetensbron.Web.Tests.Security;

/// <summary>Memory is measured in this collection only, with no other test running beside it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasured
{
    public const string Name = "Memory measured";
}

/// <summary>
/// Issue 13, item 4: a 1 MB .xlsx whose sheet unpacks to 1.2 GB (20 inline-string cells of 60 MB) grew the web process
/// by about 3 GB. Through the real upload page it is now refused with a clear message, nothing is written, and the
/// process grows by less than 100 MB while handling it.
/// </summary>
[Collection(MemoryMeasured.Name)]
public sealed class DecompressionBombTests(EmptyWebFactory factory) : IClassFixture<EmptyWebFactory>
{
    private const long Megabyte = 1024 * 1024;
    private const int Cells = 20;
    private const int CellMegabytes = 60;

    [Fact]
    public async Task An_xlsx_bomb_is_refused_with_a_clear_error_without_growing_the_process_by_100_MB()
    {
        var bomb = Bomb();
        Assert.InRange(bomb.Length, 0, 4 * Megabyte); // small enough to pass the 20 MB upload limit with ease
        var (email, _) = await TestAccounts.CreateAsync(factory, Roles.Coordinator);
        using var client = factory.Browser();
        (await client.LoginAsync(email, TestAccounts.Password)).Dispose();
        (await ImportUpload.UploadAsync(client, "Profiles", "warm-up.csv", "Namn,Kommun\nEva,0617\n"u8.ToArray(), dryRun: true)).Response.Dispose();
        var before = await BadFileCorpusTests.CountsAsync(factory);

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var baselineWorkingSet = Environment.WorkingSet;
        using var sampling = new CancellationTokenSource();
        long peak = 0;
        long peakWorkingSet = 0;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
                await Task.Delay(5);
            }
        });

        var (response, html) = await ImportUpload.UploadAsync(client, "Profiles", "bomb.xlsx", bomb, dryRun: true);

        await sampling.CancelAsync();
        await sampler;
        var after = GC.GetTotalMemory(forceFullCollection: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Excel-filen blir större än 100 MB när den packas upp (xl/worksheets/sheet1.xml). Dela upp den i flera filer.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"dry-run\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await BadFileCorpusTests.CountsAsync(factory));
        Assert.True(peak - baseline < 100 * Megabyte, $"Managed memory grew by {(peak - baseline) / Megabyte} MB while handling the upload.");
        Assert.True(peakWorkingSet - baselineWorkingSet < 100 * Megabyte, $"The working set grew by {(peakWorkingSet - baselineWorkingSet) / Megabyte} MB while handling the upload.");
        Assert.True(after - baseline < 100 * Megabyte, $"Managed memory kept {(after - baseline) / Megabyte} MB after the upload.");
    }

    /// <summary>
    /// An honest .xlsx (workbook, relationships, one sheet) whose row 1 holds 20 inline strings of 60 MB of one
    /// letter: 1.2 GB unpacked, about 1 MB packed. Written through the zip stream 1 MB at a time, so the test itself
    /// never holds more than the packed file.
    /// </summary>
    private static byte[] Bomb()
    {
        using var packed = new MemoryStream();
        using (var zip = new ZipArchive(packed, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Write(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Write(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Write(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");

            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">"""u8);
            var chunk = new byte[Megabyte];
            Array.Fill(chunk, (byte)'a');
            for (var cell = 0; cell < Cells; cell++)
            {
                sheet.Write(Encoding.UTF8.GetBytes($"""<c r="{(char)('A' + cell)}1" t="inlineStr"><is><t>"""));
                for (var i = 0; i < CellMegabytes; i++)
                {
                    sheet.Write(chunk);
                }

                sheet.Write("</t></is></c>"u8);
            }

            sheet.Write("</row></sheetData></worksheet>"u8);
        }

        return packed.ToArray();
    }

    private static void Write(ZipArchive zip, string path, string xml)
    {
        using var stream = zip.CreateEntry(path).Open();
        stream.Write(Encoding.UTF8.GetBytes(xml));
    }
}

using System.Globalization;
using Kompetensbron.Core.Import;
using Kompetensbron.Core.Import.Tabular;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Import;
using Kompetensbron.Web.Import;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Pages.Import;

/// <summary>
/// Upload a CSV/Excel file (needs, programmes, workforce cohorts, profiles) or JobTech ads (JSON): try it first (dry
/// run), see every error with row and column, then confirm. The importers of <c>Data/Import</c> do all the work;
/// who may import what is <see cref="ImportAccess"/>. docs/decisions/0013-imports.md
/// </summary>
[Authorize]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class IndexModel(
    KompetensbronDbContext db,
    UserManager<KompetensbronUser> users,
    TabularImporter tabular,
    JobTechImporter jobTech,
    ImportUploads uploads,
    IStringLocalizer<ImportResource> text) : PageModel
{
    /// <summary>The largest file, as for the command line (<see cref="TabularLimits"/>).</summary>
    public static readonly long MaxFileBytes = TabularLimits.Default.MaxBytes;

    // A file at the limit plus the form around it; anything larger is refused by the server before this page runs.
    private const long MaxRequestBytes = (20 * 1024 * 1024) + (2 * 1024 * 1024);

    public ImportAccess Access { get; private set; } = new([], null, null);

    public string? OrganisationName { get; private set; }

    [BindProperty]
    public ImportKind? Kind { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool DryRun { get; set; } = true;

    /// <summary>What the last upload did; null before one.</summary>
    public ImportOutcome? Outcome { get; private set; }

    public static int MaxMegabytes => (int)(MaxFileBytes / (1024 * 1024));

    public static int MaxRows => TabularLimits.Default.MaxRows;

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Message(ImportError error) => English ? error.MessageEn : error.MessageSv;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAccessAsync(ct) ? Page() : Forbid();

    /// <summary>An empty CSV or Excel file with the template's headings.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(ImportKind? kind, string? format, CancellationToken ct)
    {
        if (!await LoadAccessAsync(ct))
        {
            return Forbid();
        }

        var chosen = kind ?? Access.Kinds[0];
        if (chosen == ImportKind.JobTech || !Access.Kinds.Contains(chosen))
        {
            return NotFound();
        }

        var template = TabularTemplate.For(ImportAccess.Entity(chosen));
        var xlsx = format == "xlsx";
        using var stream = new MemoryStream();
        TabularWriter.Write(stream, xlsx ? TabularFormat.Xlsx : TabularFormat.Csv, template.Columns, []);
        var name = $"{chosen.ToString().ToLowerInvariant()}-mall.{(xlsx ? "xlsx" : "csv")}";
        return File(stream.ToArray(), xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8", name);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAccessAsync(ct))
        {
            return Forbid();
        }

        if (Kind is not { } kind || !Access.Kinds.Contains(kind))
        {
            ModelState.AddModelError(nameof(Kind), text["Error_Kind"]);
        }

        if (Upload is not { Length: > 0 })
        {
            ModelState.AddModelError(nameof(Upload), text["Error_NoFile"]);
        }
        else if (Upload.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), text["Error_TooLarge", MaxMegabytes]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var file = Upload!.OpenReadStream();
        if (!DryRun)
        {
            Outcome = await RunAsync(Kind!.Value, file, dryRun: false, ct);
            return Page();
        }

        // Kept for the confirmation, so the person does not upload it again.
        var ticket = await uploads.KeepAsync(file, users.GetUserId(User)!, Kind!.Value, ct);
        var kept = uploads.Find(ticket, users.GetUserId(User)!)!.Value;
        await using (var stream = System.IO.File.OpenRead(kept.Path))
        {
            Outcome = await RunAsync(Kind.Value, stream, dryRun: true, ct);
        }

        if (Outcome.CanConfirm)
        {
            Outcome = Outcome with { Ticket = ticket };
        }
        else
        {
            ImportUploads.Remove(kept.Path);
        }

        return Page();
    }

    /// <summary>Imports the file kept from the dry run.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(string? ticket, CancellationToken ct)
    {
        if (!await LoadAccessAsync(ct))
        {
            return Forbid();
        }

        if (uploads.Find(ticket, users.GetUserId(User)!) is not { } kept || !Access.Kinds.Contains(kept.Kind))
        {
            ModelState.AddModelError(nameof(Upload), text["Error_Expired"]);
            return Page();
        }

        Kind = kept.Kind;
        await using (var stream = System.IO.File.OpenRead(kept.Path))
        {
            Outcome = await RunAsync(kept.Kind, stream, dryRun: false, ct);
        }

        ImportUploads.Remove(kept.Path);
        return Page();
    }

    private async Task<ImportOutcome> RunAsync(ImportKind kind, Stream file, bool dryRun, CancellationToken ct)
    {
        try
        {
            if (kind == ImportKind.JobTech)
            {
                var result = await jobTech.ImportAsync(file, Access.JobTechOptions(dryRun), null, ct);
                return new ImportOutcome(kind, dryRun, result.Ads, result.Created, result.Updated, [], result.Rejected, result.WarningCount);
            }

            var imported = await tabular.ImportAsync(ImportAccess.Entity(kind), file, Access.TabularOptions(dryRun), ct);
            return new ImportOutcome(kind, dryRun, imported.Rows, imported.Created, imported.Updated, imported.Errors, [], 0);
        }
        catch (ImportFileException e)
        {
            ModelState.AddModelError(nameof(Upload), English ? e.MessageEn : e.MessageSv);
            return new ImportOutcome(kind, dryRun, 0, 0, 0, [], [], 0) { FileRejected = true };
        }
    }

    private async Task<bool> LoadAccessAsync(CancellationToken ct)
    {
        if (await ImportAccess.ForAsync(users, db, User, ct) is not { } access)
        {
            return false;
        }

        Access = access;
        OrganisationName = access.OrganisationId is { } id ? (await db.Organisations.FindAsync([id], ct))?.Name : null;
        Kind ??= access.Kinds[0];
        return true;
    }
}

/// <summary>
/// What an upload did. <see cref="Errors"/>: nothing was written (CSV/Excel is all or nothing); <see cref="Rejected"/>:
/// JobTech ads left out while the others were imported.
/// </summary>
public sealed record ImportOutcome(
    ImportKind Kind, bool DryRun, int Rows, int Created, int Updated, IReadOnlyList<ImportError> Errors, IReadOnlyList<ImportError> Rejected, int Warnings)
{
    public bool FileRejected { get; init; }

    /// <summary>The protected ticket of the kept file, when a dry run can be confirmed.</summary>
    public string? Ticket { get; init; }

    public bool Succeeded => !FileRejected && Errors.Count == 0;

    public bool CanConfirm => DryRun && Succeeded && Rows > 0;
}

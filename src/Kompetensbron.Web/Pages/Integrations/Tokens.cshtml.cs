using Kompetensbron.Core;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.ApiTokens;
using Kompetensbron.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Pages.Integrations;

/// <summary>
/// API tokens for integrations: an approved member creates and revokes their organisation's tokens; a coordinator
/// those of any approved organisation. A new token is shown once, on the answer to its creation.
/// </summary>
[Authorize(Roles = Roles.Employer + "," + Roles.EducationProvider + "," + Roles.Coordinator)]
public sealed class TokensModel(
    KompetensbronDbContext db, UserManager<KompetensbronUser> users, ApiTokenService tokens, IStringLocalizer<IntegrationResource> text) : PageModel
{
    public const string Route = "/organisation/api-nycklar";

    [BindProperty]
    public string? Name { get; set; }

    /// <summary>The coordinator's choice of organisation; members always act for their own.</summary>
    [BindProperty]
    public int? OrganisationId { get; set; }

    public bool IsCoordinator { get; private set; }

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>Organisation names by id: the coordinator's choices, and the names in the token table.</summary>
    public IReadOnlyDictionary<int, string> Organisations { get; private set; } = new Dictionary<int, string>();

    /// <summary>The token just created: shown this once.</summary>
    public string? NewSecret { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : Redirect(RolePages.AwaitingApproval);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Redirect(RolePages.AwaitingApproval);
        }

        var organisation = IsCoordinator ? OrganisationId : await OwnOrganisationAsync(ct);
        if (IsCoordinator && (organisation is null || !Organisations.ContainsKey(organisation.Value)))
        {
            ModelState.AddModelError(nameof(OrganisationId), text["Tokens_OrganisationRequired"]);
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > FieldLengths.Title)
        {
            ModelState.AddModelError(nameof(Name), text["Tokens_NameRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var created = await tokens.CreateAsync(organisation!.Value, Name!, users.GetUserId(User), ct);
        NewSecret = created.Secret;
        Name = null;
        ModelState.Clear();
        await LoadAsync(ct);
        // The secret is on this answer only: never cached, never shown again.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int tokenId, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Redirect(RolePages.AwaitingApproval);
        }

        var token = Tokens.FirstOrDefault(t => t.Id == tokenId);
        if (token is null)
        {
            return NotFound();
        }

        await tokens.RevokeAsync(token.OrganisationId, token.Id, ct);
        return Redirect(Route);
    }

    /// <summary>False when a member's organisation (or membership) is not approved yet.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        IsCoordinator = User.IsInRole(Roles.Coordinator);
        if (IsCoordinator)
        {
            Organisations = await db.Organisations.AsNoTracking().Where(o => o.IsApproved).OrderBy(o => o.Name)
                .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            Tokens = (await db.Set<ApiToken>().AsNoTracking().ToListAsync(ct)).OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToList();
            return true;
        }

        if (await OwnOrganisationAsync(ct) is not { } organisation)
        {
            return false;
        }

        Organisations = await db.Organisations.AsNoTracking().Where(o => o.Id == organisation).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Tokens = await tokens.ForOrganisationAsync(organisation, ct);
        return true;
    }

    private Task<int?> OwnOrganisationAsync(CancellationToken ct) => OrganisationMembership.ApprovedMemberAsync(users, db, User, ct);
}

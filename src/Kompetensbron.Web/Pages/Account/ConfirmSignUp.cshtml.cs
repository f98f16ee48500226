using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Pages.Account;

/// <summary>
/// The page the sign-up e-mail links to. Opening it shows a button; only the POST creates the account (mail
/// scanners open links too). Whoever has the link owns the mailbox, so here it may say that an account exists.
/// </summary>
public sealed class ConfirmSignUpModel(
    SignUpByEmail signUp,
    Registration registration,
    KompetensbronDbContext db,
    UserManager<KompetensbronUser> users,
    SignInManager<KompetensbronUser> signIn,
    GeographyModel geography,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public PendingSignUp? SignUp { get; private set; }

    /// <summary>Why the account cannot be created (shown instead of the button).</summary>
    public string? Problem { get; private set; }

    public async Task OnGetAsync() => await ReadAsync();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await ReadAsync() || SignUp is not { } pending)
        {
            return Page();
        }

        var municipality = geography.FindMunicipality(pending.MunicipalityCode)!;
        var result = pending.Kind is { } kind
            ? await registration.RegisterOrganisationAsync(
                new OrganisationRegistration(pending.OrganisationName!, pending.OrganisationNumber!, kind, municipality, pending.DisplayName, pending.Email, string.Empty)
                { PasswordHash = pending.PasswordHash },
                cancellationToken)
            : await registration.RegisterPersonAsync(
                new PersonRegistration(pending.DisplayName, municipality, pending.Email, string.Empty) { PasswordHash = pending.PasswordHash },
                cancellationToken);
        if (!result.Succeeded)
        {
            Problem = string.Join(" ", result.Errors.Select(e => e.Description));
            return Page();
        }

        await signIn.SignInAsync(result.User!, isPersistent: false);
        return LocalRedirect(pending.Kind is null ? RolePages.Person : RolePages.AwaitingApproval);
    }

    private async Task<bool> ReadAsync()
    {
        SignUp = signUp.Read(Token);
        Problem = await ProblemWithAsync(SignUp);
        return Problem is null;
    }

    private async Task<string?> ProblemWithAsync(PendingSignUp? pending)
    {
        if (pending is null || geography.FindMunicipality(pending.MunicipalityCode) is null)
        {
            return text["SignUp_Confirm_Invalid"];
        }

        if (await users.FindByEmailAsync(pending.Email) is not null)
        {
            return text["SignUp_Confirm_AccountExists"];
        }

        if (pending.OrganisationNumber is { } number && await db.Organisations.AnyAsync(o => o.OrganisationNumber == number))
        {
            return text["RegisterOrg_Number_Taken"];
        }

        return null;
    }
}

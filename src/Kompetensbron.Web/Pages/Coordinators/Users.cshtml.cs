using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Coordinators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kompetensbron.Web.Pages.Coordinators;

/// <summary>The coordinator's list of users: search by name, e-mail or organisation, filter by role.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class UsersModel(UserAdministration administration) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "roll")]
    public string? Role { get; set; }

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => (Rows, Total) = await administration.SearchAsync(Query, Role, ct);
}

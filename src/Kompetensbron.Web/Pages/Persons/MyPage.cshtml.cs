using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Pages.Persons;

[Authorize(Policy = Roles.Person)]
public sealed class MyPageModel(KompetensbronDbContext db, UserManager<KompetensbronUser> users, GeographyModel geography) : PageModel
{
    public Profile? Profile { get; private set; }

    public string? MunicipalityName { get; private set; }

    public int SkillCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        Profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (Profile is not null)
        {
            SkillCount = await db.Profiles.Where(p => p.Id == Profile.Id).Select(p => p.Skills.Count).SingleAsync(cancellationToken);
            MunicipalityName = geography.FindMunicipality(Profile.MunicipalityCode)?.Name ?? Profile.MunicipalityCode;
        }
    }
}

using System.Security.Claims;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Matching;
using Kompetensbron.Web.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Persons;

/// <summary>Loads and saves the caller's own profile; every save refreshes the profile in the match index.</summary>
public sealed class ProfileEditor(
    KompetensbronDbContext db,
    UserManager<KompetensbronUser> users,
    MatchService matches,
    TaxonomyModel taxonomy,
    TimeProvider time,
    IStringLocalizer<PersonResource> text)
{
    /// <summary>The person journey's texts, for validation messages.</summary>
    public IStringLocalizer<PersonResource> Text => text;

    /// <summary>The logged-in person's profile, tracked for changes; null when the account has none.</summary>
    public Task<Profile?> FindAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var userId = users.GetUserId(principal);
        return db.Profiles.FirstOrDefaultAsync(p => p.UserId == userId, ct);
    }

    /// <summary>Adds the skills the profile does not have yet (known taxonomy skills only) at level 2.</summary>
    public void AddSkills(Profile profile, IEnumerable<string> skillIds, SkillEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(profile);
        foreach (var id in skillIds.Distinct(StringComparer.Ordinal))
        {
            if (taxonomy.FindSkill(id) is not null && profile.Skills.TrueForAll(s => s.SkillId != id))
            {
                profile.Skills.Add(new ProfileSkill { SkillId = id, Evidence = evidence });
            }
        }
    }

    /// <summary>The profile's version travels with the page's forms; see <see cref="VersionedForms"/>.</summary>
    public void Track(HttpContext http, Profile profile) => VersionedForms.Track(db, http, profile);

    public async Task SaveAsync(Profile profile, ClaimsPrincipal principal, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var now = time.GetUtcNow();
        profile.UpdatedAt = now;
        (await users.GetUserAsync(principal))?.MarkActive(now);
        await db.SaveChangesAsync(ct);
        await matches.RefreshProfileAsync(profile.Id, ct);
    }
}

using System.Diagnostics;
using Kompetensbron.Core.Demo;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data.Demo;

/// <summary>A login to try the demo as one of the four roles (listed on the start page).</summary>
public sealed record DemoAccount(string Email, string Password, string Role, string DescriptionSv, string DescriptionEn);

/// <summary>What <see cref="DemoSeeder.SeedAsync"/> did: <see cref="Seeded"/> is false when demo data was already there.</summary>
public sealed record DemoSeedResult(
    bool Seeded, int Organisations, int Needs, int Profiles, int Programmes, int Cohorts, int Accounts, TimeSpan Elapsed);

/// <summary>
/// Stores the generated demo region (<see cref="DemoRegionGenerator"/>) and the demo accounts in one transaction.
/// Idempotent: does nothing when demo organisations already exist.
/// </summary>
public sealed class DemoSeeder(
    KompetensbronDbContext db,
    UserManager<KompetensbronUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider time)
{
    private const int ProfileBatchSize = 250;

    /// <summary>
    /// The demo logins. The passwords are public on purpose: demo data is fictional and these accounts exist only
    /// where the demo region has been loaded.
    /// </summary>
    public static IReadOnlyList<DemoAccount> DemoAccounts { get; } =
    [
        new("samordnare@kompetensbron.example", "demo-samordnare", Roles.Coordinator,
            "Regional samordnare: översikter, prognoser och placeringsomgångar.",
            "Regional coordinator: dashboards, forecasts and placement rounds."),
        new("arbetsgivare@kompetensbron.example", "demo-arbetsgivare", Roles.Employer,
            "Arbetsgivare: ett verkstadsföretag med behov och personalstruktur.",
            "Employer: a manufacturing company with needs and workforce structure."),
        new("utbildning@kompetensbron.example", "demo-utbildning", Roles.EducationProvider,
            "Utbildningsanordnare: ett gymnasium med industri- och elprogram.",
            "Education provider: an upper-secondary school with industry and electrical programmes."),
        new("person@kompetensbron.example", "demo-person", Roles.Person,
            "Person: en ung arbetssökande med en kompetensprofil.",
            "Person: a young job seeker with a skills profile."),
    ];

    public Task<bool> IsDemoLoadedAsync(CancellationToken ct = default) =>
        db.Organisations.AnyAsync(o => o.IsDemo, ct);

    /// <summary>The demo accounts that exist and still log in with their published password.</summary>
    public async Task<IReadOnlyList<string>> AccountsWithPublishedPasswordsAsync()
    {
        var found = new List<string>();
        foreach (var account in DemoAccounts)
        {
            if (await users.FindByEmailAsync(account.Email) is { PasswordHash: { } hash } user
                && users.PasswordHasher.VerifyHashedPassword(user, hash, account.Password) != PasswordVerificationResult.Failed)
            {
                found.Add(account.Email);
            }
        }

        return found;
    }

    public async Task<DemoSeedResult> SeedAsync(int seed, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        if (await IsDemoLoadedAsync(ct))
        {
            return new DemoSeedResult(false, 0, 0, 0, 0, 0, 0, stopwatch.Elapsed);
        }

        var now = time.GetUtcNow();
        var region = DemoRegionGenerator.Generate(seed, DateOnly.FromDateTime(now.UtcDateTime));

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await DatabaseInitializer.EnsureRolesAsync(roles);

            // Organisations and sites first: needs and programmes refer to their generated ids.
            db.Organisations.AddRange(region.Organisations);
            await db.SaveChangesAsync(ct);

            foreach (var employer in region.Employers)
            {
                foreach (var (need, site) in employer.Needs)
                {
                    need.OrganisationId = employer.Organisation.Id;
                    need.SiteId = site.Id;
                    db.Needs.Add(need);
                }

                foreach (var cohort in employer.Cohorts)
                {
                    cohort.OrganisationId = employer.Organisation.Id;
                    db.WorkforceCohorts.Add(cohort);
                }
            }

            foreach (var provider in region.Providers)
            {
                foreach (var (programme, site) in provider.Programmes)
                {
                    programme.ProviderId = provider.Organisation.Id;
                    programme.SiteId = site?.Id;
                    db.Programmes.Add(programme);
                }
            }

            await db.SaveChangesAsync(ct);

            foreach (var batch in region.Profiles.Chunk(ProfileBatchSize))
            {
                db.Profiles.AddRange(batch);
                await db.SaveChangesAsync(ct);
            }

            // Identity saves through the same context: a small change tracker keeps its saves fast.
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            var accounts = await CreateAccountsAsync(region, now);
            await transaction.CommitAsync(ct);

            return new DemoSeedResult(
                true,
                region.Organisations.Count(),
                region.Needs.Count(),
                region.Profiles.Count,
                region.Programmes.Count(),
                region.Cohorts.Count(),
                accounts,
                stopwatch.Elapsed);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            db.ChangeTracker.Clear();
        }
    }

    private async Task<int> CreateAccountsAsync(DemoRegion region, DateTimeOffset now)
    {
        var employer = region.Employers.First(e => e.Organisation.IsApproved && e.Needs.Count >= 2).Organisation;
        var provider = region.Providers[0].Organisation;
        var profile = region.Profiles.First(p => p.TargetGroup == TargetGroup.Youth && p.Visibility != ProfileVisibility.Hidden);

        var created = 0;
        foreach (var account in DemoAccounts)
        {
            var (displayName, organisationId) = account.Role switch
            {
                Roles.Employer => ($"{employer.Name} (demo)", (int?)employer.Id),
                Roles.EducationProvider => ($"{provider.Name} (demo)", provider.Id),
                Roles.Person => (profile.DisplayName, null),
                _ => ("Samordnare (demo)", null),
            };

            var user = await users.FindByEmailAsync(account.Email);
            if (user is null)
            {
                user = new KompetensbronUser
                {
                    UserName = account.Email,
                    Email = account.Email,
                    EmailConfirmed = true,
                    DisplayName = displayName,
                    OrganisationId = organisationId,
                    IsApproved = true,
                    CreatedAt = now,
                };
                // Set as a hash, past the password rules: these passwords are published on purpose (they would fail
                // the common-password check), and Production refuses to start while one is in use.
                user.PasswordHash = users.PasswordHasher.HashPassword(user, account.Password);
                Check(await users.CreateAsync(user), account.Email);
                created++;
            }
            else
            {
                // Accounts can outlive removed demo data; point them at the new demo organisations.
                user.OrganisationId = organisationId;
                Check(await users.UpdateAsync(user), account.Email);
            }

            if (!await users.IsInRoleAsync(user, account.Role))
            {
                Check(await users.AddToRoleAsync(user, account.Role), account.Email);
            }

            if (account.Role == Roles.Person)
            {
                var userId = user.Id;
                await db.Profiles.Where(p => p.Id == profile.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.UserId, userId));
            }
        }

        return created;
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

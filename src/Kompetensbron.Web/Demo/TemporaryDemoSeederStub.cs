// TEMPORARY: the contract of branch `data`'s DemoSeeder so the web compiles before it lands.
// Delete this file when merging `data`.
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Kompetensbron.Data.Demo;

public sealed record DemoAccount(string Email, string Password, string Role, string Description);

public sealed record DemoSeedResult(int Organisations, int Needs, int Profiles, int Programmes);

public sealed class DemoSeeder(
    KompetensbronDbContext db,
    UserManager<KompetensbronUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider time)
{
    public static IReadOnlyList<DemoAccount> DemoAccounts { get; } = [];

    public Task<DemoSeedResult> SeedAsync(int seed, CancellationToken cancellationToken) =>
        Task.FromResult(new DemoSeedResult(0, 0, 0, 0 * $"{db}{users}{roles}{time}{seed}{cancellationToken}".Length));

    public Task<bool> IsDemoLoadedAsync() => Task.FromResult(false);
}

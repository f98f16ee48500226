using Kompetensbron.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Kompetensbron.Web.Accounts;

/// <summary>
/// A login for an address without an account, or for a locked account, still verifies the password against a hash,
/// so it takes as long as a wrong password for a real account: the response time tells nothing about accounts.
/// </summary>
public static class UnknownAccount
{
    private static string? s_hash;

    public static void VerifyDummyPassword(IPasswordHasher<KompetensbronUser> hasher, string password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var nobody = new KompetensbronUser();
        // Made by the app's own hasher, so it costs what a real hash costs (same algorithm and iterations).
        var hash = s_hash ??= hasher.HashPassword(nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(nobody, hash, password);
    }
}

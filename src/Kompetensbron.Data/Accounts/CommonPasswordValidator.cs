using Kompetensbron.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Kompetensbron.Data.Accounts;

/// <summary>
/// Refuses a new password that is common or built from the person's e-mail or name (<see cref="CommonPasswords"/>).
/// Identity runs it wherever a password is set: registration, the CLI's <c>users add</c>, a password change.
/// </summary>
public sealed class CommonPasswordValidator(IdentityErrorDescriber describer) : IPasswordValidator<KompetensbronUser>
{
    private readonly KompetensbronIdentityErrorDescriber _errors = describer as KompetensbronIdentityErrorDescriber ?? new();

    public Task<IdentityResult> ValidateAsync(UserManager<KompetensbronUser> manager, KompetensbronUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(CommonPasswords.Shipped.Check(password ?? string.Empty, user.Email, user.DisplayName) switch
        {
            PasswordWeakness.Common => IdentityResult.Failed(_errors.PasswordTooCommon()),
            PasswordWeakness.Personal => IdentityResult.Failed(_errors.PasswordContainsPersonalInfo()),
            _ => IdentityResult.Success,
        });
    }
}

/// <summary>Identity's error texts plus the project's own password rules; the web app localises them.</summary>
public class KompetensbronIdentityErrorDescriber : IdentityErrorDescriber
{
    public virtual IdentityError PasswordTooCommon() => new()
    {
        Code = nameof(PasswordTooCommon),
        Description = "The password is too common and easy to guess. Choose another, for example a few words that do not belong together.",
    };

    public virtual IdentityError PasswordContainsPersonalInfo() => new()
    {
        Code = nameof(PasswordContainsPersonalInfo),
        Description = "The password must not contain your e-mail address or your name.",
    };
}

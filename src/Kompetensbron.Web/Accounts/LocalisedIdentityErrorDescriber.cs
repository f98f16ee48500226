using Kompetensbron.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Accounts;

/// <summary>Identity's errors in plain Swedish or English; the codes stay Identity's so forms can place them.</summary>
internal sealed class LocalisedIdentityErrorDescriber(IStringLocalizer<SharedResource> text) : KompetensbronIdentityErrorDescriber
{
    public override IdentityError PasswordTooCommon() =>
        new() { Code = nameof(PasswordTooCommon), Description = text["Identity_PasswordTooCommon"] };

    public override IdentityError PasswordContainsPersonalInfo() =>
        new() { Code = nameof(PasswordContainsPersonalInfo), Description = text["Identity_PasswordContainsPersonalInfo"] };

    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = text["Identity_PasswordTooShort", length] };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = text["Identity_PasswordRequiresUniqueChars", uniqueChars] };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = text["Identity_DuplicateEmail"] };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = text["Identity_DuplicateEmail"] };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = text["Identity_InvalidEmail"] };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = text["Identity_InvalidEmail"] };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = text["Identity_DefaultError"] };

    /// <summary>Which form field an Identity error belongs to ("Password" or "Email"), for the error summary.</summary>
    public static string FieldFor(IdentityError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password"
            : error.Code is nameof(DuplicateEmail) or nameof(DuplicateUserName) or nameof(InvalidEmail) or nameof(InvalidUserName) ? "Email"
            : string.Empty;
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Email;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Accounts;

/// <summary>
/// What a sign-up form collected, carried in the e-mail link (encrypted and signed) until the person opens it; the
/// password only as its hash. Nothing is stored before that. <see cref="Kind"/> is null for a person.
/// </summary>
public sealed record PendingSignUp(
    OrganisationKind? Kind,
    string DisplayName,
    string Email,
    string MunicipalityCode,
    string? OrganisationName,
    string? OrganisationNumber,
    string PasswordHash);

/// <summary>
/// Sign-up by e-mail link, so that the form answers the same whether or not the address already has an account
/// (docs/decisions/0023-sign-up-by-email-link.md): a new address gets a link that creates the account; an address
/// with an account gets a notice instead. Both go through the outbox, and the form shows "check your e-mail".
/// </summary>
public sealed class SignUpByEmail(
    Registration registration,
    UserManager<KompetensbronUser> users,
    IDataProtectionProvider protection,
    IEmailSender email,
    EmailLinks links,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>The page the link opens.</summary>
    public const string ConfirmPath = "/konto/bekrafta";

    /// <summary>Where every accepted sign-up form goes.</summary>
    public const string CheckEmailPath = "/konto/kolla-e-posten";

    /// <summary>How long a link creates the account.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Kompetensbron.SignUp").ToTimeLimitedDataProtector();

    /// <summary>
    /// Checks the password (the only answer that can differ: it does not depend on the address) and sends the
    /// message. Returns the password's errors; none means "check your e-mail", whichever message was sent.
    /// </summary>
    public async Task<IReadOnlyList<IdentityError>> StartAsync(PendingSignUp form, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (hash, errors) = await registration.HashNewPasswordAsync(form.Email, form.DisplayName, password);
        if (hash is null)
        {
            return errors;
        }

        if (await users.FindByEmailAsync(form.Email) is { Email: { } existing })
        {
            await SendAsync(existing, "SignUp_Exists_Subject", "SignUp_Exists_Body", "/konto/logga-in", cancellationToken);
        }
        else
        {
            var token = Protector.Protect(JsonSerializer.Serialize(form with { PasswordHash = hash }), LinkLifetime);
            await SendAsync(form.Email, "SignUp_Link_Subject", "SignUp_Link_Body", $"{ConfirmPath}?token={Uri.EscapeDataString(token)}", cancellationToken);
        }

        return [];
    }

    /// <summary>The sign-up in a link's token, or null when the token is altered, from elsewhere or expired.</summary>
    public PendingSignUp? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PendingSignUp>(Protector.Unprotect(token));
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Task SendAsync(string to, string subjectKey, string bodyKey, string path, CancellationToken cancellationToken)
    {
        // Never the request's own address (a caller controls the Host header); the path alone when the site's is unknown.
        var address = links.To(path) ?? path;
        return email.SendAsync(Bilingual.Message(to, () => (text[subjectKey], $"{text[bodyKey]}\n\n{address}")), cancellationToken);
    }
}

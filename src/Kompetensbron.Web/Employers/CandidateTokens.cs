using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Kompetensbron.Web.Employers;

/// <summary>
/// The opaque <c>candidate</c> token that stands for a profile in one need's candidate list: the employer can
/// invite by it but never learns the profile id, and a token from one need is useless for another.
/// </summary>
public static class CandidateTokens
{
    private const string Purpose = "Kompetensbron.Matching.Candidate.v1";

    public static IDataProtector ForNeed(IDataProtectionProvider protection, int needId)
    {
        ArgumentNullException.ThrowIfNull(protection);
        return protection.CreateProtector(Purpose, needId.ToString(CultureInfo.InvariantCulture));
    }

    public static string Protect(this IDataProtector protector, int profileId) =>
        protector.Protect(profileId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The profile id, or null for a token that was not made for this need.</summary>
    public static int? ProfileId(this IDataProtector protector, string? token)
    {
        ArgumentNullException.ThrowIfNull(protector);
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return int.TryParse(protector.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

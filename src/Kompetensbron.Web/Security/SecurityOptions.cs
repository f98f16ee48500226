using System.ComponentModel.DataAnnotations;

namespace Kompetensbron.Web.Security;

/// <summary>Configuration section <c>Security</c>: login rate limit and request size limit.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Login attempts (POSTs to the login page) one IP address may make per minute; the same number again for the
    /// sign-up forms. Generous enough for a school class behind one address; lockout (5 wrong passwords per account)
    /// stops guessing one account.
    /// </summary>
    [Range(1, 10_000)]
    public int LoginAttemptsPerMinute { get; set; } = 30;

    /// <summary>
    /// Login attempts one account name (the posted e-mail) may receive per minute from all addresses together.
    /// </summary>
    [Range(1, 10_000)]
    public int LoginAttemptsPerAccountPerMinute { get; set; } = 10;

    /// <summary>The largest request body, in bytes (Kestrel and form reading); endpoints may allow more.</summary>
    [Range(1_024, 1_073_741_824)]
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;
}

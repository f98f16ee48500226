using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kompetensbron.Web.Security;

/// <summary>
/// Login attempts per account name (the posted e-mail address, normalised as Identity looks it up), whatever client
/// address they come from, so spreading a guessing run over many addresses does not help. Unknown and real addresses
/// are counted alike (no hint whether an account exists). The count is per instance, in memory; the lockout stored
/// with a real account (5 wrong passwords, 15 minutes) is the limit that holds across instances.
/// </summary>
public sealed class LoginAttemptsPerAccount : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public LoginAttemptsPerAccount(IOptions<SecurityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limit = options.Value.LoginAttemptsPerAccountPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetFixedWindowLimiter(
            account,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>Counts one attempt on <paramref name="normalisedEmail"/>; false when it is over the limit.</summary>
    public bool TryAttempt(string normalisedEmail)
    {
        using var lease = _limiter.AttemptAcquire(normalisedEmail);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

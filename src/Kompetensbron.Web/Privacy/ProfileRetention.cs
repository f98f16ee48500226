using System.Globalization;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Privacy;
using Kompetensbron.Web.Email;
using Kompetensbron.Web.Localisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Kompetensbron.Web.Privacy;

/// <summary>What one retention pass did.</summary>
public sealed record RetentionPass(int Warned, int Removed);

/// <summary>
/// Storage limitation (GDPR): a person's account and profile are removed after <see cref="RetentionOptions.InactiveMonths"/>
/// without activity, never without an e-mail warning at least <see cref="RetentionOptions.WarningDays"/> days before.
/// Activity (a login or a change) clears the warning and starts the clock again.
/// </summary>
public sealed partial class ProfileRetention(
    KompetensbronDbContext db,
    AccountErasure erasure,
    AuditLog audit,
    IEmailSender email,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    IStringLocalizer<SharedResource> text,
    ILogger<ProfileRetention> logger)
{
    public async Task<RetentionPass> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var removeIfInactiveSince = now.AddMonths(-settings.InactiveMonths);
        var warnIfInactiveSince = removeIfInactiveSince.AddDays(settings.WarningDays);

        // People with their own profile (demo profiles have no account) who have been quiet long enough to be warned.
        var candidates = await (
                from user in db.Users
                join profile in db.Profiles on user.Id equals profile.UserId
                where !profile.IsDemo
                      && (user.LastActiveAt ?? user.CreatedAt) < warnIfInactiveSince
                      && profile.UpdatedAt < warnIfInactiveSince
                select new { user, profile.UpdatedAt })
            .ToListAsync(cancellationToken);

        int warned = 0, removed = 0;
        foreach (var candidate in candidates)
        {
            var user = candidate.user;
            var lastActive = Max(user.LastActiveAt ?? user.CreatedAt, candidate.UpdatedAt);
            var warning = user.RetentionWarningSentAt is { } sent && sent >= lastActive ? sent : (DateTimeOffset?)null;

            if (warning is null)
            {
                var removalDate = Max(lastActive.AddMonths(settings.InactiveMonths), now.AddDays(settings.WarningDays));
                if (user.Email is { Length: > 0 } address)
                {
                    await email.SendAsync(WarningMessage(address, removalDate), cancellationToken);
                }

                user.RetentionWarningSentAt = now;
                await audit.RecordAsync(AuditAction.RetentionWarningSent, actor: null, user.Id, subjectProfileId: null, cancellationToken);
                warned++;
            }
            else if (lastActive < removeIfInactiveSince && warning.Value.AddDays(settings.WarningDays) <= now)
            {
                if (await erasure.DeleteAsync(user.Id, AuditAction.AccountPurged, cancellationToken))
                {
                    removed++;
                }
            }
        }

        if (warned + removed > 0)
        {
            LogPass(logger, warned, removed);
        }

        return new RetentionPass(warned, removed);
    }

    /// <summary>The warning in Swedish, then English (we do not store a person's language).</summary>
    private EmailMessage WarningMessage(string to, DateTimeOffset removalDate) =>
        Bilingual.Message(to, () => (text["Retention_Subject"], text["Retention_Body", removalDate.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)]));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    // Counts only: no e-mail addresses or ids in the application log.
    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: warned {Warned} inactive accounts, removed {Removed}")]
    private static partial void LogPass(ILogger logger, int warned, int removed);
}

/// <summary>Runs <see cref="ProfileRetention"/> at start and then every <see cref="RetentionOptions.CheckEvery"/>.</summary>
public sealed partial class RetentionService(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.CheckEvery, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ProfileRetention>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next pass tries again; the exception type only, as its message may name a person.
                LogFailed(logger, e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention pass failed ({ExceptionType}); it runs again at the next check")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}

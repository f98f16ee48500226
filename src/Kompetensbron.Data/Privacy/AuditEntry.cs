namespace Kompetensbron.Data.Privacy;

/// <summary>What happened to a person's data (stored by name).</summary>
public enum AuditAction
{
    /// <summary>Someone opened the profile.</summary>
    ProfileViewed,

    /// <summary>The profile's data was exported (by the person: "download my data").</summary>
    ProfileExported,

    /// <summary>The person changed who may see the profile.</summary>
    VisibilityChanged,

    /// <summary>The person was warned by e-mail that an inactive profile will be removed.</summary>
    RetentionWarningSent,

    /// <summary>The person deleted their account.</summary>
    AccountDeleted,

    /// <summary>The account was removed after the retention period without activity.</summary>
    AccountPurged,
}

/// <summary>
/// One line of the audit log: who (<see cref="ActorUserId"/>, null for the system) did what to whose profile, when.
/// When an account is deleted its ids here are replaced by a random token (<see cref="ErasedToken"/>), so the line
/// stays countable but no longer points at a person.
/// </summary>
public sealed class AuditEntry
{
    public const string ErasedPrefix = "erased:";

    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public AuditAction Action { get; set; }

    /// <summary>The account that acted; null when the system did (retention).</summary>
    public string? ActorUserId { get; set; }

    /// <summary>The actor's organisation at the time (an employer looking at a profile), kept for the person's view.</summary>
    public int? ActorOrganisationId { get; set; }

    /// <summary>The account whose data it concerns.</summary>
    public string? SubjectUserId { get; set; }

    public int? SubjectProfileId { get; set; }

    /// <summary>A non-identifying replacement for a deleted account's id.</summary>
    public static string ErasedToken() => ErasedPrefix + Guid.NewGuid().ToString("N");
}

using Microsoft.AspNetCore.Identity;

namespace Kompetensbron.Data.Accounts;

/// <summary>A login. Employer and education-provider members belong to one organisation.</summary>
public sealed class KompetensbronUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>The organisation an Employer or EducationProvider member belongs to.</summary>
    public int? OrganisationId { get; set; }

    /// <summary>Self-registered employer and provider members wait for a coordinator's approval.</summary>
    public bool IsApproved { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last login or change by the person; retention counts inactivity from here (or from creation).</summary>
    public DateTimeOffset? LastActiveAt { get; set; }

    /// <summary>When the person was warned that the inactive account will be removed; cleared by activity.</summary>
    public DateTimeOffset? RetentionWarningSentAt { get; set; }

    /// <summary>Records activity: the retention clock starts again and any warning no longer applies.</summary>
    public void MarkActive(DateTimeOffset now)
    {
        LastActiveAt = now;
        RetentionWarningSentAt = null;
    }
}

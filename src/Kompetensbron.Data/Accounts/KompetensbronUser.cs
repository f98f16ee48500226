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
}

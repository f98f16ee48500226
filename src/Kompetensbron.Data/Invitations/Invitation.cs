namespace Kompetensbron.Data.Invitations;

/// <summary>Where an invitation stands: the person answers it, then the employer records what came of it.</summary>
public enum InvitationStatus
{
    Invited,
    Accepted,
    Declined,
    Interviewed,
    Hired,
}

/// <summary>
/// An employer's invitation to a person for one need. The person stays pseudonymous to the employer until they
/// accept; the recorded outcomes (interviewed, hired) feed insights.
/// </summary>
public sealed class Invitation
{
    public int Id { get; set; }
    public int NeedId { get; set; }
    public int ProfileId { get; set; }

    /// <summary>The inviting employer (the need's organisation), kept so access checks need no join.</summary>
    public int OrganisationId { get; set; }

    public InvitationStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The outcomes an employer may record next: interviewed after acceptance, hired after either.</summary>
    public IReadOnlyList<InvitationStatus> NextSteps => Status switch
    {
        InvitationStatus.Accepted => [InvitationStatus.Interviewed, InvitationStatus.Hired],
        InvitationStatus.Interviewed => [InvitationStatus.Hired],
        _ => [],
    };

    /// <summary>True once the person has accepted: contact details are shown to this employer.</summary>
    public bool RevealsContact => Status is InvitationStatus.Accepted or InvitationStatus.Interviewed or InvitationStatus.Hired;
}

namespace Kompetensbron.Data.ApiTokens;

/// <summary>
/// A key an integration (a municipality's or a school's system) uses to call the REST API for one organisation.
/// Only a hash is stored: the token itself is shown once, when it is created.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }

    /// <summary>The organisation the token acts for; it never acts as a person.</summary>
    public int OrganisationId { get; set; }

    /// <summary>What the token is for, in the creator's words ("Skolans elevsystem").</summary>
    public required string Name { get; set; }

    /// <summary>The first characters of the token, so people can tell their tokens apart.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the token, hex; tokens are long and random, so a fast hash is enough.</summary>
    public required string Hash { get; set; }

    public string? CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

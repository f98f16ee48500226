namespace Kompetensbron.Core.Organisations;

/// <summary>Whether an organisation employs people or educates them.</summary>
public enum OrganisationKind
{
    Employer,
    EducationProvider,
}

/// <summary>An employer or education provider with its sites.</summary>
public sealed class Organisation
{
    public int Id { get; set; }
    public OrganisationKind Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>Swedish organisation number, stored as "NNNNNN-NNNN"; see <see cref="OrganisationNumber"/>.</summary>
    public required string OrganisationNumber { get; set; }

    /// <summary>SNI 2007 code (five digits for employers), null when unknown.</summary>
    public string? SniCode { get; set; }

    /// <summary>An unapproved organisation's needs are not visible (a coordinator approves).</summary>
    public bool IsApproved { get; set; }

    /// <summary>True for the fictional demo region's organisations.</summary>
    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public List<Site> Sites { get; set; } = [];
}

/// <summary>A workplace or school address of an organisation, at a place.</summary>
public sealed class Site
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string Name { get; set; }
    public required string MunicipalityCode { get; set; }
    public string? PlaceName { get; set; }
    public string? PostalCode { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
}

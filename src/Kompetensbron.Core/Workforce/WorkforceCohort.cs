using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Workforce;

/// <summary>
/// How many of an employer's staff in an occupation fall in an age band (inclusive years), optionally by gender;
/// the basis of retirement forecasts.
/// </summary>
public sealed class WorkforceCohort
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }

    /// <summary>JobTech occupation-name concept id.</summary>
    public required string OccupationId { get; set; }

    public int AgeFrom { get; set; }
    public int AgeTo { get; set; }
    public Gender? Gender { get; set; }
    public int Count { get; set; }
}

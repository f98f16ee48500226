using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kompetensbron.Core.Import.JobTech;

/// <summary>
/// The fields Kompetensbron reads from a JobTech job ad, in the layout JobSearch, JobStream and the historical-ads
/// service serve (snake_case; unknown fields are ignored).
/// </summary>
public class JobTechAd
{
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Id { get; init; }

    public string? Headline { get; init; }
    public JobTechDescription? Description { get; init; }
    public JobTechEmployer? Employer { get; init; }
    public JobTechConcept? Occupation { get; init; }
    public JobTechConcept? OccupationGroup { get; init; }
    public JobTechConcept? OccupationField { get; init; }
    public JobTechAddress? WorkplaceAddress { get; init; }
    public JobTechRequirements? MustHave { get; init; }
    public JobTechRequirements? NiceToHave { get; init; }
    public bool? DrivingLicenseRequired { get; init; }
    public IReadOnlyList<JobTechConcept>? DrivingLicense { get; init; }
    public JobTechConcept? EmploymentType { get; init; }
    public int? NumberOfVacancies { get; init; }
    public string? ApplicationDeadline { get; init; }
    public bool? Removed { get; init; }
}

/// <summary>The ad text: <c>description.text</c>.</summary>
public sealed class JobTechDescription
{
    public string? Text { get; init; }
}

/// <summary>The employer of an ad: organisation number, name and workplace name.</summary>
public sealed class JobTechEmployer
{
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? OrganizationNumber { get; init; }

    public string? Name { get; init; }
    public string? Workplace { get; init; }
}

/// <summary>A taxonomy value in an ad: concept id, label and the legacy AMS id of older ads.</summary>
public sealed class JobTechConcept
{
    public string? ConceptId { get; init; }
    public string? Label { get; init; }

    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? LegacyAmsTaxonomyId { get; init; }
}

/// <summary>Where the work is. <c>coordinates</c> is GeoJSON order: [longitude, latitude].</summary>
public sealed class JobTechAddress
{
    public string? MunicipalityCode { get; init; }
    public string? MunicipalityConceptId { get; init; }
    public string? Municipality { get; init; }
    public string? City { get; init; }
    public string? Postcode { get; init; }
    public string? Country { get; init; }
    public IReadOnlyList<double?>? Coordinates { get; init; }
}

/// <summary><c>must_have</c> or <c>nice_to_have</c>: skills, languages and work experiences (occupations).</summary>
public sealed class JobTechRequirements
{
    public IReadOnlyList<JobTechConcept>? Skills { get; init; }
    public IReadOnlyList<JobTechConcept>? Languages { get; init; }
    public IReadOnlyList<JobTechConcept>? WorkExperiences { get; init; }
}

/// <summary>A top-level JSON object: an ad, or a JobSearch response whose ads are in <see cref="Hits"/>.</summary>
internal sealed class JobTechTopLevel : JobTechAd
{
    public IReadOnlyList<JobTechAd>? Hits { get; init; }
}

/// <summary>Ids are strings in JobSearch and numbers in some historical files.</summary>
internal sealed class StringOrNumberConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        _ => throw new JsonException($"Expected a string or a number, found {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(JobTechAd))]
[JsonSerializable(typeof(JobTechTopLevel))]
internal sealed partial class JobTechJsonContext : JsonSerializerContext;

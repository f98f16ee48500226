using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kompetensbron.Core.Import.JobTech;

/// <summary>The taxonomy types whose legacy AMS ids historical ads carry instead of concept ids.</summary>
public enum JobTechLegacyType
{
    OccupationName,
    Ssyk4,
    OccupationField,
    Skill,
    Language,
    DrivingLicence,
    EmploymentType,
}

/// <summary>
/// Decodes the legacy AMS taxonomy ids of older JobTech ads into concept ids, and municipality concept ids into SCB
/// codes, from <c>data/jobtech-legacy.json.gz</c> (derived by tools/derive-data.py). Load once; thread-safe reads.
/// </summary>
public sealed class JobTechLegacyMap
{
    private readonly FrozenDictionary<JobTechLegacyType, FrozenDictionary<string, string>> _concepts;
    private readonly FrozenDictionary<string, string> _municipalityCodes;

    private JobTechLegacyMap(Dictionary<string, Dictionary<string, string>> document)
    {
        FrozenDictionary<string, string> Section(string key) =>
            (document.TryGetValue(key, out var map) ? map : throw new InvalidDataException($"jobtech-legacy.json.gz has no '{key}'."))
            .ToFrozenDictionary(StringComparer.Ordinal);

        _concepts = new Dictionary<JobTechLegacyType, FrozenDictionary<string, string>>
        {
            [JobTechLegacyType.OccupationName] = Section("occupationNames"),
            [JobTechLegacyType.Ssyk4] = Section("ssyk4"),
            [JobTechLegacyType.OccupationField] = Section("occupationFields"),
            [JobTechLegacyType.Skill] = Section("skills"),
            [JobTechLegacyType.Language] = Section("languages"),
            [JobTechLegacyType.DrivingLicence] = Section("drivingLicences"),
            [JobTechLegacyType.EmploymentType] = Section("employmentTypes"),
        }.ToFrozenDictionary();
        _municipalityCodes = Section("municipalityConcepts");
    }

    public static JobTechLegacyMap LoadEmbedded()
    {
        using var stream = EmbeddedData.Open("jobtech-legacy.json.gz");
        var document = JsonSerializer.Deserialize(stream, LegacyJsonContext.Default.DictionaryStringDictionaryStringString)
            ?? throw new InvalidDataException("jobtech-legacy.json.gz is empty.");
        return new JobTechLegacyMap(document);
    }

    /// <summary>The concept id of a legacy id of the given type; null when unknown.</summary>
    public string? ConceptId(JobTechLegacyType type, string? legacyId) =>
        legacyId is not null && _concepts[type].TryGetValue(legacyId.Trim(), out var id) ? id : null;

    /// <summary>The SCB municipality code ("0617") of a municipality concept id; null when unknown.</summary>
    public string? MunicipalityCode(string? municipalityConceptId) =>
        municipalityConceptId is not null && _municipalityCodes.TryGetValue(municipalityConceptId, out var code) ? code : null;
}

[JsonSerializable(typeof(Dictionary<string, Dictionary<string, string>>))]
internal sealed partial class LegacyJsonContext : JsonSerializerContext;

using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Core.Text;

namespace Kompetensbron.Core.Import.JobTech;

/// <summary>
/// An ad turned into a need: the <see cref="Need"/> (without organisation and site ids), its employer and the
/// place of work. <see cref="Site"/> is null when the ad names no Swedish municipality.
/// </summary>
public sealed record JobTechNeed(Need Need, string OrganisationNumber, string OrganisationName, Site? Site)
{
    /// <summary>The ad's number in its file (the first is 1) and its JobTech id, to name it in messages.</summary>
    public (int Number, string Id) Ad { get; init; }
}

/// <summary>What became of one ad: a need, or the reason it was rejected; and warnings about dropped details.</summary>
public sealed record JobTechMapping(JobTechNeed? Need, ImportError? Rejection, IReadOnlyList<ImportError> Warnings);

/// <summary>
/// Maps a JobTech ad to a <see cref="JobTechNeed"/>: taxonomy concepts (or their legacy ids), skills stated in
/// <c>must_have</c>/<c>nice_to_have</c> plus skills recognised in the text, licences, Swedish level, kind and place.
/// Thread-safe: an importer may map ads in parallel. Rules: docs/decisions/0013-imports.md.
/// </summary>
public sealed partial class JobTechAdMapper
{
    /// <summary>JobTech's Swedish language concept.</summary>
    public const string SwedishLanguageId = "zSLA_vw2_FXN";

    /// <summary>The prefix of <see cref="Need.ExternalId"/> for JobTech ads.</summary>
    public const string ExternalIdPrefix = "jobtech:";

    public const int RequiredImportance = 3;
    public const int MeritingImportance = 2;
    public const int RecognisedImportance = 1;

    // JobTech driving-licence concepts that match our Licences codes; the others (A, C1, D …) have no code here.
    private static readonly FrozenDictionary<string, string> LicenceCodes = new Dictionary<string, string>
    {
        ["VTK8_WRx_GcM"] = "B",
        ["bcFd_Vkt_KXL"] = "BE",
        ["BKCx_hST_Pcm"] = "C",
        ["zZu8_iZ9_wMH"] = "CE",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly TaxonomyModel _taxonomy;
    private readonly GeographyModel _geography;
    private readonly SkillRecogniser _recogniser;
    private readonly JobTechLegacyMap _legacy;
    private readonly FrozenDictionary<string, Municipality> _municipalitiesByName;

    public JobTechAdMapper(TaxonomyModel taxonomy, GeographyModel geography, SkillRecogniser recogniser, JobTechLegacyMap legacy)
    {
        _taxonomy = taxonomy ?? throw new ArgumentNullException(nameof(taxonomy));
        _geography = geography ?? throw new ArgumentNullException(nameof(geography));
        _recogniser = recogniser ?? throw new ArgumentNullException(nameof(recogniser));
        _legacy = legacy ?? throw new ArgumentNullException(nameof(legacy));
        _municipalitiesByName = geography.Municipalities.ToFrozenDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);
    }

    public static string ExternalId(string adId) => ExternalIdPrefix + adId.Trim();

    public JobTechMapping Map(JobTechAdEntry entry, DateTimeOffset now)
    {
        var (number, ad) = entry;
        var warnings = new List<ImportError>();
        ImportError Problem(string? field, string sv, string en) => new(number, field, sv, en) { RecordId = ad.Id };

        if (!OrganisationNumber.TryNormalise(ad.Employer?.OrganizationNumber, out var organisationNumber))
        {
            var given = ad.Employer?.OrganizationNumber;
            return new JobTechMapping(null, string.IsNullOrWhiteSpace(given)
                ? Problem("employer.organization_number", "Annonsen saknar organisationsnummer.", "The ad has no organisation number.")
                : Problem("employer.organization_number", $"Ogiltigt organisationsnummer '{given}' (tio siffror med rätt kontrollsiffra).",
                    $"Invalid organisation number '{given}' (ten digits with a valid check digit)."), warnings);
        }

        var headline = Clean(ad.Headline);
        var description = Clean(ad.Description?.Text);
        var text = headline is null ? description ?? "" : description is null ? headline : headline + "\n" + description;

        var occupationId = Occupation(ad.Occupation)
            ?? ad.MustHave?.WorkExperiences?.Select(Occupation).FirstOrDefault(id => id is not null)
            ?? ad.NiceToHave?.WorkExperiences?.Select(Occupation).FirstOrDefault(id => id is not null);
        var recognition = _recogniser.Recognise(text, occupationId is null ? SkillRecogniser.DefaultOccupationCount : 0);
        if (occupationId is null)
        {
            var group = _taxonomy.FindSsykGroup(ad.OccupationGroup?.ConceptId ?? "")?.Id
                ?? _legacy.ConceptId(JobTechLegacyType.Ssyk4, ad.OccupationGroup?.LegacyAmsTaxonomyId);
            occupationId = recognition.Occupations
                    .FirstOrDefault(o => group is null || _taxonomy.FindOccupation(o.Id)?.Ssyk4Id == group)?.Id
                ?? (group is null ? null : _taxonomy.OccupationsInSsyk4(group) is [var first, ..] ? first.Id : null);
            if (occupationId is null)
            {
                return new JobTechMapping(null, Problem("occupation",
                    "Annonsen har inget känt yrke och inget yrke kändes igen i texten.",
                    "The ad has no known occupation and none was recognised in its text."), warnings);
            }
        }

        var skills = new Dictionary<string, NeedSkill>(StringComparer.Ordinal);
        AddStated(ad.MustHave?.Skills, required: true, "must_have.skills");
        AddStated(ad.NiceToHave?.Skills, required: false, "nice_to_have.skills");
        foreach (var recognised in recognition.Skills)
        {
            skills.TryAdd(recognised.Id, new NeedSkill
            {
                SkillId = recognised.Id, IsRequired = false, Importance = RecognisedImportance, Source = NeedSkillSource.Recognised,
            });
        }

        var need = new Need
        {
            Kind = Kind(ad, headline, description),
            Title = Truncate(headline ?? _taxonomy.FindOccupation(occupationId)!.Label, FieldLengths.Title, "headline"),
            Description = description is null ? null : Truncate(description, FieldLengths.Description, "description.text"),
            OccupationId = occupationId,
            Headcount = ad.NumberOfVacancies is > 0 and var n ? n : 1,
            Skills = [.. skills.Values],
            Licences = Licences(ad),
            MinimumSwedishLevel = SwedishRequired(ad.MustHave?.Languages) ? CefrLevel.B1 : null,
            ShiftWork = description is not null && ShiftWorkWords().IsMatch(description),
            ApplicationDeadline = Date(ad.ApplicationDeadline),
            ExternalId = ExternalId(ad.Id!),
            Status = ad.Removed == true ? NeedStatus.Closed : NeedStatus.Open,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var name = Clean(ad.Employer?.Name) ?? Clean(ad.Employer?.Workplace) ?? organisationNumber;
        return new JobTechMapping(
            new JobTechNeed(need, organisationNumber, Truncate(name, FieldLengths.Name, "employer.name"), Site(ad)) { Ad = (number, ad.Id!) }, null, warnings);

        void AddStated(IReadOnlyList<JobTechConcept>? concepts, bool required, string field)
        {
            foreach (var concept in concepts ?? [])
            {
                var id = Concept(concept, JobTechLegacyType.Skill, _taxonomy.FindSkill);
                if (id is null)
                {
                    warnings.Add(Problem(field, $"Okänd kompetens '{concept.Label ?? concept.ConceptId}' hoppades över.",
                        $"Unknown skill '{concept.Label ?? concept.ConceptId}' was skipped."));
                    continue;
                }

                skills.TryAdd(id, new NeedSkill
                {
                    SkillId = id, IsRequired = required, Importance = required ? RequiredImportance : MeritingImportance,
                    Source = NeedSkillSource.Stated,
                });
            }
        }

        List<string> Licences(JobTechAd ad)
        {
            var codes = new List<string>();
            foreach (var concept in ad.DrivingLicense ?? [])
            {
                var id = concept.ConceptId ?? _legacy.ConceptId(JobTechLegacyType.DrivingLicence, concept.LegacyAmsTaxonomyId);
                if (id is not null && LicenceCodes.TryGetValue(id, out var code))
                {
                    if (!codes.Contains(code))
                    {
                        codes.Add(code);
                    }
                }
                else
                {
                    warnings.Add(Problem("driving_license", $"Körkortet '{concept.Label ?? id}' har ingen motsvarighet här och hoppades över.",
                        $"Driving licence '{concept.Label ?? id}' has no equivalent here and was skipped."));
                }
            }

            // "Driving licence required" without naming one means the ordinary car licence.
            if (codes.Count == 0 && ad.DrivingLicenseRequired == true && (ad.DrivingLicense?.Count ?? 0) == 0)
            {
                codes.Add("B");
            }

            return codes;
        }

        string Truncate(string value, int max, string field)
        {
            if (value.Length <= max)
            {
                return value;
            }

            warnings.Add(Problem(field, $"Texten kortades till {max} tecken.", $"The text was shortened to {max} characters."));
            return value[..(max - 1)] + "…";
        }
    }

    private string? Occupation(JobTechConcept? concept) => Concept(concept, JobTechLegacyType.OccupationName, _taxonomy.FindOccupation);

    /// <summary>The concept id when the taxonomy knows it, else the decoded legacy id when the taxonomy knows that.</summary>
    private string? Concept<T>(JobTechConcept? concept, JobTechLegacyType type, Func<string, T?> find)
        where T : class
    {
        if (concept is null)
        {
            return null;
        }

        if (concept.ConceptId is { } id && find(id) is not null)
        {
            return id;
        }

        return _legacy.ConceptId(type, concept.LegacyAmsTaxonomyId) is { } decoded && find(decoded) is not null ? decoded : null;
    }

    private bool SwedishRequired(IReadOnlyList<JobTechConcept>? languages) =>
        languages?.Any(l => (l.ConceptId ?? _legacy.ConceptId(JobTechLegacyType.Language, l.LegacyAmsTaxonomyId)) == SwedishLanguageId
            || string.Equals(l.Label, "Svenska", StringComparison.OrdinalIgnoreCase)) == true;

    private static NeedKind Kind(JobTechAd ad, string? headline, string? description)
    {
        var stated = $"{headline} {ad.EmploymentType?.Label}";
        if (Contains(stated, "lärling") || (description is not null && ApprenticeshipWords().IsMatch(description)))
        {
            return NeedKind.Apprenticeship;
        }

        if (Contains(stated, "sommarjobb") || Contains(stated, "feriejobb") || Contains(stated, "sommarvikariat")
            || (description is not null && (Contains(description, "sommarjobb") || Contains(description, "feriejobb"))))
        {
            return NeedKind.SummerJob;
        }

        if (Contains(stated, "trainee"))
        {
            return NeedKind.Trainee;
        }

        return Contains(stated, "praktik") ? NeedKind.Internship : NeedKind.Job;
    }

    private static bool Contains(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);

    private Site? Site(JobTechAd ad)
    {
        var address = ad.WorkplaceAddress;
        if (address is null)
        {
            return null;
        }

        var code = address.MunicipalityCode?.Trim() is { } given && _geography.FindMunicipality(given) is not null ? given
            : _legacy.MunicipalityCode(address.MunicipalityConceptId)
            ?? (address.Municipality is { } name && _municipalitiesByName.TryGetValue(name.Trim(), out var byName) ? byName.Code : null);
        if (code is null)
        {
            return null;
        }

        var municipality = _geography.FindMunicipality(code)!;
        var city = Clean(address.City);
        var place = city is null ? null : _geography.FindPlace(city, code);
        var location = Coordinates(address.Coordinates) ?? place?.Location ?? municipality.Centre;
        var placeName = place?.Name ?? municipality.Name;
        return new Site
        {
            Name = Clean(ad.Employer?.Workplace) is { } workplace && workplace.Length <= FieldLengths.Name ? workplace : placeName,
            MunicipalityCode = code,
            PlaceName = placeName,
            PostalCode = address.Postcode is { Length: <= 8 } postcode ? postcode.Trim() : null,
            Latitude = location.Latitude,
            Longitude = location.Longitude,
        };
    }

    /// <summary>
    /// JobTech gives GeoJSON order, [longitude, latitude]. Swedish latitudes (55–69.1) and longitudes (10.9–24.2)
    /// do not overlap, so a swapped pair is recognised and put right; anything outside Sweden is ignored.
    /// </summary>
    internal static GeoPoint? Coordinates(IReadOnlyList<double?>? pair)
    {
        if (pair is not { Count: 2 } || pair[0] is not { } first || pair[1] is not { } second)
        {
            return null;
        }

        static bool Latitude(double v) => v is >= 55 and <= 69.1;
        static bool Longitude(double v) => v is >= 10.9 and <= 24.2;
        return Longitude(first) && Latitude(second) ? new GeoPoint(second, first)
            : Latitude(first) && Longitude(second) ? new GeoPoint(first, second)
            : null;
    }

    private static DateOnly? Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? DateOnly.FromDateTime(value.UtcDateTime)
            : null;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"\b(lärlingsplats|lärlingsanställning|lärlingsjobb|lärlingstjänst)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ApprenticeshipWords();

    [GeneratedRegex(@"\b(två|tre|fem|natt|kvälls|dag|helg|[235]-)?skift(arbete|gång|lag|form|schema|tjänst|et|en)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShiftWorkWords();
}

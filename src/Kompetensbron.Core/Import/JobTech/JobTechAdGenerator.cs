using System.Globalization;
using System.Text.Json;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Taxonomy;

namespace Kompetensbron.Core.Import.JobTech;

/// <summary>
/// Writes realistic JobTech ads (JSON Lines, the real field layout) for load tests: real occupation, skill,
/// language, driving-licence and municipality ids, Luhn-valid organisation numbers, Swedish ad text that names the
/// skills. Deterministic for a seed.
/// </summary>
public static class JobTechAdGenerator
{
    private static readonly string[] EmploymentTypes = ["PFZr_Syz_cUq|Vanlig anställning", "vWxw_BCd_VG6|Tidsbegränsad anställning/Vikariat", "Jh8f_q9J_pbJ|Säsongsanställning"];
    private static readonly string[] Openings =
    [
        "Vi är ett familjeägt tillverkande företag med ett femtiotal medarbetare och kunder inom fordons- och möbelindustrin i hela Norden.",
        "Företaget tillverkar komponenter i metall och plast och har vuxit stadigt de senaste åren. Nu bygger vi ut produktionen med nya maskiner.",
        "Vi är en underleverantör med lång erfarenhet, korta beslutsvägar och en stark gemenskap på golvet.",
    ];

    private static readonly string[] Closings =
    [
        "Vi erbjuder en trygg anställning, introduktion tillsammans med erfarna kollegor och möjlighet att utvecklas inom företaget.",
        "Hos oss får du friskvårdsbidrag, kollektivavtal och en arbetsplats där din insats syns. Urval sker löpande.",
        "Tillträde enligt överenskommelse. Välkommen med din ansökan, vi tillämpar löpande urval och intervjuer.",
    ];

    /// <summary>Writes <paramref name="count"/> ads, one JSON object per line, to <paramref name="stream"/>.</summary>
    public static void WriteJsonLines(Stream stream, TaxonomyModel taxonomy, GeographyModel geography, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(geography);
        var random = new Random(seed);

        // Manufacturing and related work (SSYK major groups 7 and 8) with typical skills to state.
        var groups = taxonomy.SsykGroups.Where(g => g.Level == 4 && g.Code[0] is '7' or '8'
            && taxonomy.SkillsForSsyk4(g.Id).Count >= 6 && taxonomy.OccupationsInSsyk4(g.Id).Count > 0).ToArray();
        var places = geography.Places.ToArray();
        // Each employer advertises for one or two workplaces.
        var employers = Enumerable.Range(0, Math.Max(1, count / 20))
            .Select(i => (Number: OrganisationNumberFor(random), Name: $"Verkstad {i + 1} AB",
                Places: Enumerable.Range(0, random.Next(1, 3)).Select(_ => places[random.Next(places.Length)]).ToArray()))
            .ToArray();

        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, SkipValidation = false });
        for (var i = 0; i < count; i++)
        {
            var group = groups[random.Next(groups.Length)];
            var occupations = taxonomy.OccupationsInSsyk4(group.Id);
            var occupation = occupations[random.Next(occupations.Count)];
            var skills = taxonomy.SkillsForSsyk4(group.Id).OrderBy(_ => random.Next()).Take(7).ToArray();
            var must = skills[..random.Next(2, 5)];
            var nice = skills[must.Length..(must.Length + random.Next(1, 3))];
            var employer = employers[random.Next(employers.Length)];
            var place = employer.Places[random.Next(employer.Places.Length)];
            var municipality = geography.FindMunicipality(place.MunicipalityCode)!;
            var kind = random.Next(20);
            var headline = kind switch
            {
                0 => $"Lärling som {occupation.Label.ToLowerInvariant()} till {employer.Name}",
                1 => $"Sommarjobb: {occupation.Label} i {place.Name}",
                _ => $"{occupation.Label} till {employer.Name} i {place.Name}",
            };
            var text = string.Join("\n\n",
                Openings[random.Next(Openings.Length)],
                $"Vi söker nu en {occupation.Label.ToLowerInvariant()} till vår verksamhet i {place.Name}. Du kommer att arbeta med {Join(must)} i ett team på åtta personer.",
                $"Vi ser gärna att du har erfarenhet av {Join(skills[must.Length..])}. " + (random.Next(3) == 0 ? "Arbetet sker på tvåskift." : "Arbetstiden är dagtid."),
                Closings[random.Next(Closings.Length)]);
            var employment = EmploymentTypes[random.Next(EmploymentTypes.Length)].Split('|');

            writer.WriteStartObject();
            writer.WriteString("id", (30_000_000 + i).ToString(CultureInfo.InvariantCulture));
            writer.WriteString("headline", headline);
            writer.WriteString("application_deadline", new DateTime(2026, 4, 1).AddDays(random.Next(90)).ToString("yyyy-MM-dd'T'23:59:59", CultureInfo.InvariantCulture));
            writer.WriteNumber("number_of_vacancies", random.Next(1, 4));
            writer.WriteStartObject("description");
            writer.WriteString("text", text);
            writer.WriteEndObject();
            Concept(writer, "employment_type", employment[0], employment[1], null);
            writer.WriteStartObject("employer");
            writer.WriteString("organization_number", employer.Number);
            writer.WriteString("name", employer.Name);
            writer.WriteString("workplace", employer.Name);
            writer.WriteEndObject();
            var licence = random.Next(4) == 0;
            writer.WriteBoolean("driving_license_required", licence);
            writer.WritePropertyName("driving_license");
            if (licence)
            {
                writer.WriteStartArray();
                Concept(writer, null, "VTK8_WRx_GcM", "B", "3");
                writer.WriteEndArray();
            }
            else
            {
                writer.WriteNullValue();
            }

            Concept(writer, "occupation", occupation.Id, occupation.Label, null);
            Concept(writer, "occupation_group", group.Id, group.Label, group.Code);
            writer.WriteStartObject("workplace_address");
            writer.WriteString("municipality_code", municipality.Code);
            writer.WriteString("municipality", municipality.Name);
            writer.WriteString("region_code", municipality.CountyCode);
            writer.WriteString("country", "Sverige");
            writer.WriteString("city", place.Name);
            writer.WriteStartArray("coordinates");
            writer.WriteNumberValue(place.Location.Longitude);
            writer.WriteNumberValue(place.Location.Latitude);
            writer.WriteEndArray();
            writer.WriteEndObject();
            Requirements(writer, "must_have", must, swedish: random.Next(10) < 7);
            Requirements(writer, "nice_to_have", nice, swedish: false);
            writer.WriteBoolean("removed", false);
            writer.WriteEndObject();
            writer.Flush();
            writer.Reset();
            stream.WriteByte((byte)'\n');
        }
    }

    private static string Join(Skill[] skills) => skills.Length switch
    {
        0 => "",
        1 => skills[0].Label.ToLowerInvariant(),
        _ => string.Join(", ", skills.Take(skills.Length - 1).Select(s => s.Label.ToLowerInvariant())) + " och " + skills[^1].Label.ToLowerInvariant(),
    };

    private static void Requirements(Utf8JsonWriter writer, string name, Skill[] skills, bool swedish)
    {
        writer.WriteStartObject(name);
        writer.WriteStartArray("skills");
        foreach (var skill in skills)
        {
            Concept(writer, null, skill.Id, skill.Label, null);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("languages");
        if (swedish)
        {
            Concept(writer, null, JobTechAdMapper.SwedishLanguageId, "Svenska", "502");
        }

        writer.WriteEndArray();
        writer.WriteStartArray("work_experiences");
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void Concept(Utf8JsonWriter writer, string? property, string id, string label, string? legacyId)
    {
        if (property is null)
        {
            writer.WriteStartObject();
        }
        else
        {
            writer.WriteStartObject(property);
        }

        writer.WriteString("concept_id", id);
        writer.WriteString("label", label);
        if (legacyId is null)
        {
            writer.WriteNull("legacy_ams_taxonomy_id");
        }
        else
        {
            writer.WriteString("legacy_ams_taxonomy_id", legacyId);
        }

        writer.WriteEndObject();
    }

    private static string OrganisationNumberFor(Random random)
    {
        var nine = "556" + random.Next(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture);
        return nine + OrganisationNumber.CheckDigit(nine).ToString(CultureInfo.InvariantCulture);
    }
}

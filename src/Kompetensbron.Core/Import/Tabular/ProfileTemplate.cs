using System.Globalization;
using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Import.Tabular;

/// <summary>A person's profile as a row. The file never holds contact details or account links.</summary>
public sealed record ProfileRecord(int? Id, Profile Profile);

/// <summary>The profiles file ("profiler"). Gender and target group are exported only when asked for.</summary>
public sealed class ProfileTemplate : TabularTemplate<ProfileRecord>
{
    public static ProfileTemplate Instance { get; } = new();

    private ProfileTemplate()
        : base(TabularEntity.Profiles,
        [
            new("id", "Id", "id", false, "Kompetensbrons id. Tomt: en ny profil skapas. Ett id: den profilen uppdateras."),
            new("name", "Namn", "display_name", true, "Namnet som visas, högst 200 tecken."),
            new("municipality", "Kommun", "municipality", true, "Hemkommun (kod eller namn)."),
            new("place", "Ort", "place", false, "Ort i kommunen; ger koordinaterna (annars kommunens centrum)."),
            new("postal", "Postnummer", "postal_code", false, "T.ex. 335 30."),
            new("commute", "Maxpendling (minuter)", "max_commute_minutes", false, "5–240; tomt: 45."),
            new("mode", "Färdsätt", "commute_mode", false, "bil eller kollektivtrafik; tomt: bil."),
            new("available", "Tillgänglig från", "available_from", false, "ÅÅÅÅ-MM-DD."),
            new("skills", "Kompetenser", "skills", false, "Kompetenser åtskilda med semikolon; nivå 1–4 efter kolon (standard 2): \"TIG-svetsning: 3\"."),
            new("occupations", "Yrken", "occupations", false, "Yrken med år av erfarenhet efter kolon, decimalkomma går bra: \"Svetsare: 2,5\"."),
            new("languages", "Språk", "languages", false, "Språk med nivå A1–C2 efter kolon: \"Svenska: B1; Engelska: B2\"."),
            new("licences", "Körkort och certifikat", "licences", false, "Koder åtskilda med semikolon, t.ex. B; TRUCK_B."),
            new("visibility", "Synlighet", "visibility", false, "dold, pseudonym eller synlig; tomt: pseudonym."),
            new("gender", "Kön", "gender", false, "Frivilligt: kvinna, man eller icke-binär. Används bara i summor, aldrig i matchning.") { Sensitive = true },
            new("target", "Målgrupp", "target_group", false, "Frivilligt: unga, nyanlända, arbetssökande eller yrkesväxlare. Bara i summor.") { Sensitive = true },
        ])
    {
    }

    public override ProfileRecord? Parse(RowReader row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var id = row.WholeNumber("id", 1, int.MaxValue);
        var name = row.Text("name");
        var municipality = row.Municipality("municipality");
        var place = row.Text("place");
        var profile = new Profile
        {
            DisplayName = name ?? "",
            MunicipalityCode = municipality ?? "",
            PlaceName = place,
            PostalCode = row.Text("postal", 8),
            MaxCommuteMinutes = row.WholeNumber("commute", 5, 240) ?? 45,
            CommuteMode = row.Enum("mode", TabularWords.CommuteModes) ?? default,
            AvailableFrom = row.Date("available"),
            Skills = [.. row.ConceptList("skills", ConceptKind.Skill).Select(s => new ProfileSkill
            {
                SkillId = s.Id, Level = (int)row.ItemNumber("skills", s.Value, 2, 1, 4), Evidence = SkillEvidence.Work,
            })],
            Occupations = [.. row.ConceptList("occupations", ConceptKind.Occupation).Select(o => new ProfileOccupation
            {
                OccupationId = o.Id, Years = row.ItemNumber("occupations", o.Value, 0, 0, 60),
            })],
            Licences = row.Licences("licences"),
            Visibility = row.Enum("visibility", TabularWords.Visibilities) ?? ProfileVisibility.PseudonymousToApprovedEmployers,
            Gender = row.Enum("gender", TabularWords.Genders),
            TargetGroup = row.Enum("target", TabularWords.TargetGroups),
        };
        foreach (var (languageId, value) in row.ConceptList("languages", ConceptKind.Language))
        {
            if (value is null)
            {
                row.Error("languages", "Ange nivån efter kolon, t.ex. \"Svenska: B1\".", "Give the level after a colon, e.g. \"Svenska: B1\".");
            }
            else if (row.ItemLevel("languages", value) is { } level)
            {
                profile.Languages.Add(new ProfileLanguage { LanguageId = languageId, Level = level });
            }
        }

        if (row.Failed)
        {
            return null;
        }

        var location = TabularWords.Location(row.Vocabulary.Geography, profile.MunicipalityCode, place);
        profile.Latitude = location.Latitude;
        profile.Longitude = location.Longitude;
        return new ProfileRecord(id, profile);
    }

    public override IReadOnlyDictionary<string, string?> Format(ProfileRecord record, TabularVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var p = record.Profile;
        return new Dictionary<string, string?>
        {
            ["id"] = record.Id?.ToString(CultureInfo.InvariantCulture),
            ["name"] = p.DisplayName,
            ["municipality"] = vocabulary.MunicipalityName(p.MunicipalityCode),
            ["place"] = p.PlaceName,
            ["postal"] = p.PostalCode,
            ["commute"] = TabularWords.Number(p.MaxCommuteMinutes),
            ["mode"] = TabularWords.CommuteModes.Format(p.CommuteMode),
            ["available"] = TabularWords.Date(p.AvailableFrom),
            ["skills"] = TabularWords.List(p.Skills.OrderBy(s => s.SkillId, StringComparer.Ordinal)
                .Select(s => $"{vocabulary.FormatConcept(ConceptKind.Skill, s.SkillId)}: {s.Level}")),
            ["occupations"] = TabularWords.List(p.Occupations.OrderBy(o => o.OccupationId, StringComparer.Ordinal)
                .Select(o => $"{vocabulary.FormatConcept(ConceptKind.Occupation, o.OccupationId)}: {TabularWords.Number(o.Years)}")),
            ["languages"] = TabularWords.List(p.Languages.OrderBy(l => l.LanguageId, StringComparer.Ordinal)
                .Select(l => $"{vocabulary.FormatConcept(ConceptKind.Language, l.LanguageId)}: {TabularWords.CefrLevels.Format(l.Level)}")),
            ["licences"] = TabularWords.List(p.Licences),
            ["visibility"] = TabularWords.Visibilities.Format(p.Visibility),
            ["gender"] = p.Gender is { } gender ? TabularWords.Genders.Format(gender) : null,
            ["target"] = p.TargetGroup is { } target ? TabularWords.TargetGroups.Format(target) : null,
        };
    }
}

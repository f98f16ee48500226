using Kompetensbron.Core.Needs;

namespace Kompetensbron.Core.Import.Tabular;

/// <summary>A need as a row: its employer by organisation number and its workplace by municipality.</summary>
public sealed record NeedRecord(int? Id, string OrganisationNumber, string? MunicipalityCode, Need Need);

/// <summary>The needs file ("behov").</summary>
public sealed class NeedTemplate : TabularTemplate<NeedRecord>
{
    public static NeedTemplate Instance { get; } = new();

    private NeedTemplate()
        : base(TabularEntity.Needs,
        [
            new("id", "Id", "id", false, "Kompetensbrons id. Tomt: ett nytt behov skapas. Ett id: det behovet uppdateras."),
            new("organisation", "Organisationsnummer", "organisation_number", true, "Arbetsgivarens organisationsnummer, t.ex. 556000-0001. Organisationen måste finnas."),
            new("kind", "Typ", "kind", true, "jobb, lärlingsplats, APL-plats, praktikplats, sommarjobb eller traineeplats."),
            new("title", "Titel", "title", true, "Rubriken, högst 200 tecken."),
            new("description", "Beskrivning", "description", false, "Fri text, högst 4000 tecken."),
            new("occupation", "Yrke", "occupation", true, "Yrkesbenämning: begrepps-id, exakt benämning eller båda: \"CNC-operatör (9haD_NB6_ULH)\"."),
            new("headcount", "Antal", "headcount", false, "Antal platser, 1–1000. Tomt: 1."),
            new("required", "Krav", "required_skills", false, "Kompetenser som krävs, åtskilda med semikolon; vikt 1–3 efter kolon (standard 3): \"TIG-svetsning: 3; Ritningsläsning\"."),
            new("meriting", "Meriterande", "meriting_skills", false, "Meriterande kompetenser som ovan (standard vikt 2)."),
            new("licences", "Körkort och certifikat", "licences", false, "Koder åtskilda med semikolon: B, BE, C, CE, TRUCK_A, TRUCK_B, TRAVERS, LIFT, HETA_ARBETEN, SVETS_EN_ISO_9606, ELSAKERHET."),
            new("swedish", "Svenska (lägsta nivå)", "swedish_level", false, "A1, A2, B1, B2, C1 eller C2; tomt: inget krav."),
            new("shift", "Skiftarbete", "shift_work", false, "ja eller nej."),
            new("start", "Startdatum", "start_date", false, "ÅÅÅÅ-MM-DD."),
            new("deadline", "Sista ansökningsdag", "application_deadline", false, "ÅÅÅÅ-MM-DD."),
            new("municipality", "Kommun", "municipality", false, "Arbetsplatsens kommun (kod eller namn); organisationens plats i kommunen används, eller skapas."),
            new("status", "Status", "status", false, "utkast, öppen, tillsatt eller stängd; tomt: öppen."),
            new("external", "Externt id", "external_id", false, "Id i källsystemet (unikt), t.ex. jobtech:24681012; ett känt externt id uppdaterar behovet."),
        ])
    {
    }

    public override NeedRecord? Parse(RowReader row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var id = row.WholeNumber("id", 1, int.MaxValue);
        var organisation = row.OrganisationNumber("organisation");
        var kind = row.Enum("kind", TabularWords.NeedKinds);
        var title = row.Text("title", FieldLengths.Title);
        var description = row.Text("description", FieldLengths.Description);
        var occupation = row.Concept("occupation", ConceptKind.Occupation);
        var headcount = row.WholeNumber("headcount", 1, 1000) ?? 1;
        var skills = Skills(row, "required", required: true).Concat(Skills(row, "meriting", required: false)).DistinctBy(s => s.SkillId).ToList();
        var need = new Need
        {
            Kind = kind ?? NeedKind.Job,
            Title = title ?? "",
            Description = description,
            OccupationId = occupation ?? "",
            Headcount = headcount,
            Skills = skills,
            Licences = row.Licences("licences"),
            MinimumSwedishLevel = row.Enum("swedish", TabularWords.CefrLevels),
            ShiftWork = row.Bool("shift") ?? false,
            StartDate = row.Date("start"),
            ApplicationDeadline = row.Date("deadline"),
            Status = row.Enum("status", TabularWords.NeedStatuses) ?? NeedStatus.Open,
            ExternalId = row.Text("external", 100),
        };
        var municipality = row.Municipality("municipality");
        return row.Failed ? null : new NeedRecord(id, organisation!, municipality, need);
    }

    private static List<NeedSkill> Skills(RowReader row, string key, bool required) =>
        row.ConceptList(key, ConceptKind.Skill).Select(item => new NeedSkill
        {
            SkillId = item.Id,
            IsRequired = required,
            Importance = (int)row.ItemNumber(key, item.Value, required ? 3 : 2, 1, 3),
            Source = NeedSkillSource.Stated,
        }).ToList();

    public override IReadOnlyDictionary<string, string?> Format(NeedRecord record, TabularVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var need = record.Need;
        string SkillList(bool required) => TabularWords.List(need.Skills.Where(s => s.IsRequired == required).OrderBy(s => s.SkillId, StringComparer.Ordinal)
            .Select(s => $"{vocabulary.FormatConcept(ConceptKind.Skill, s.SkillId)}: {s.Importance}"));
        return new Dictionary<string, string?>
        {
            ["id"] = record.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["organisation"] = record.OrganisationNumber,
            ["kind"] = TabularWords.NeedKinds.Format(need.Kind),
            ["title"] = need.Title,
            ["description"] = need.Description,
            ["occupation"] = vocabulary.FormatConcept(ConceptKind.Occupation, need.OccupationId),
            ["headcount"] = TabularWords.Number(need.Headcount),
            ["required"] = SkillList(required: true),
            ["meriting"] = SkillList(required: false),
            ["licences"] = TabularWords.List(need.Licences),
            ["swedish"] = need.MinimumSwedishLevel is { } level ? TabularWords.CefrLevels.Format(level) : null,
            ["shift"] = TabularWords.Bool(need.ShiftWork),
            ["start"] = TabularWords.Date(need.StartDate),
            ["deadline"] = TabularWords.Date(need.ApplicationDeadline),
            ["municipality"] = record.MunicipalityCode is { } code ? vocabulary.MunicipalityName(code) : null,
            ["status"] = TabularWords.NeedStatuses.Format(need.Status),
            ["external"] = need.ExternalId,
        };
    }
}

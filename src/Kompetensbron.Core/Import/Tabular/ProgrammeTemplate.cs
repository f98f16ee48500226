using System.Globalization;
using Kompetensbron.Core.Programmes;

namespace Kompetensbron.Core.Import.Tabular;

/// <summary>A programme as a row: its provider by organisation number and its place by municipality.</summary>
public sealed record ProgrammeRecord(int? Id, string OrganisationNumber, string? MunicipalityCode, Programme Programme);

/// <summary>The programmes file ("utbildningar").</summary>
public sealed class ProgrammeTemplate : TabularTemplate<ProgrammeRecord>
{
    public static ProgrammeTemplate Instance { get; } = new();

    private ProgrammeTemplate()
        : base(TabularEntity.Programmes,
        [
            new("id", "Id", "id", false, "Kompetensbrons id. Tomt: en ny utbildning skapas. Ett id: den uppdateras."),
            new("provider", "Anordnare (organisationsnummer)", "provider_organisation_number", true, "Utbildningsanordnarens organisationsnummer. Organisationen måste finnas."),
            new("title", "Titel", "title", true, "Utbildningens namn, högst 200 tecken."),
            new("description", "Beskrivning", "description", false, "Fri text, högst 4000 tecken."),
            new("level", "Nivå", "level", true, "gymnasium, komvux, YH, kort kurs eller företagsutbildning."),
            new("sunField", "SUN-inriktning", "sun_field", false, "SUN 2020-inriktningskod, t.ex. 521a."),
            new("sunLevel", "SUN-nivå", "sun_level", false, "SUN 2020-nivåkod, t.ex. 322."),
            new("skills", "Kompetenser", "skills", false, "Kompetenser som utbildningen ger, åtskilda med semikolon."),
            new("length", "Längd (veckor)", "length_weeks", false, "1–520."),
            new("starts", "Startdatum", "start_dates", false, "Datum ÅÅÅÅ-MM-DD åtskilda med semikolon."),
            new("seats", "Platser", "seats", false, "0–10000."),
            new("municipality", "Kommun", "municipality", false, "Där utbildningen ges (kod eller namn)."),
            new("distance", "Distans", "distance", false, "ja eller nej."),
            new("archived", "Arkiverad", "archived", false, "ja eller nej."),
        ])
    {
    }

    public override ProgrammeRecord? Parse(RowReader row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var id = row.WholeNumber("id", 1, int.MaxValue);
        var provider = row.OrganisationNumber("provider");
        var programme = new Programme
        {
            Title = row.Text("title", FieldLengths.Title) ?? "",
            Description = row.Text("description", FieldLengths.Description),
            Level = row.Enum("level", TabularWords.ProgrammeLevels) ?? default,
            SunFieldCode = SunCode(row, "sunField", row.Vocabulary.IsSunField),
            SunLevelCode = SunCode(row, "sunLevel", row.Vocabulary.IsSunLevel),
            SkillIds = [.. row.ConceptList("skills", ConceptKind.Skill).Select(s => s.Id)],
            LengthWeeks = row.WholeNumber("length", 1, 520) ?? 0,
            StartDates = row.Dates("starts"),
            Seats = row.WholeNumber("seats", 0, 10_000) ?? 0,
            IsDistance = row.Bool("distance") ?? false,
            IsArchived = row.Bool("archived") ?? false,
        };
        var municipality = row.Municipality("municipality");
        return row.Failed ? null : new ProgrammeRecord(id, provider!, municipality, programme);
    }

    private static string? SunCode(RowReader row, string key, Func<string, bool> known)
    {
        var code = row.Text(key, 8);
        if (code is not null && !known(code))
        {
            row.Error(key, $"Okänd SUN-kod '{code}'.", $"Unknown SUN code '{code}'.");
        }

        return code;
    }

    public override IReadOnlyDictionary<string, string?> Format(ProgrammeRecord record, TabularVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var p = record.Programme;
        return new Dictionary<string, string?>
        {
            ["id"] = record.Id?.ToString(CultureInfo.InvariantCulture),
            ["provider"] = record.OrganisationNumber,
            ["title"] = p.Title,
            ["description"] = p.Description,
            ["level"] = TabularWords.ProgrammeLevels.Format(p.Level),
            ["sunField"] = p.SunFieldCode,
            ["sunLevel"] = p.SunLevelCode,
            ["skills"] = TabularWords.List(p.SkillIds.Order(StringComparer.Ordinal).Select(s => vocabulary.FormatConcept(ConceptKind.Skill, s))),
            ["length"] = TabularWords.Number(p.LengthWeeks),
            ["starts"] = TabularWords.List(p.StartDates.Order().Select(d => TabularWords.Date(d)!)),
            ["seats"] = TabularWords.Number(p.Seats),
            ["municipality"] = record.MunicipalityCode is { } code ? vocabulary.MunicipalityName(code) : null,
            ["distance"] = TabularWords.Bool(p.IsDistance),
            ["archived"] = TabularWords.Bool(p.IsArchived),
        };
    }
}

using System.Globalization;
using Kompetensbron.Core.Workforce;

namespace Kompetensbron.Core.Import.Tabular;

/// <summary>A workforce cohort as a row: the employer by organisation number.</summary>
public sealed record CohortRecord(int? Id, string OrganisationNumber, WorkforceCohort Cohort);

/// <summary>The workforce file ("personalstruktur"): how many staff per occupation and age band.</summary>
public sealed class CohortTemplate : TabularTemplate<CohortRecord>
{
    public static CohortTemplate Instance { get; } = new();

    private CohortTemplate()
        : base(TabularEntity.Cohorts,
        [
            new("id", "Id", "id", false, "Kompetensbrons id. Tomt: en ny rad skapas. Ett id: den uppdateras."),
            new("organisation", "Organisationsnummer", "organisation_number", true, "Arbetsgivarens organisationsnummer. Organisationen måste finnas."),
            new("occupation", "Yrke", "occupation", true, "Yrkesbenämning: begrepps-id eller exakt benämning."),
            new("ageFrom", "Ålder från", "age_from", true, "15–75."),
            new("ageTo", "Ålder till", "age_to", true, "15–75, minst Ålder från."),
            new("gender", "Kön", "gender", false, "kvinna, man eller icke-binär; tomt: alla."),
            new("count", "Antal", "count", true, "Antal anställda, 0–100000."),
        ])
    {
    }

    public override CohortRecord? Parse(RowReader row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var id = row.WholeNumber("id", 1, int.MaxValue);
        var organisation = row.OrganisationNumber("organisation");
        var occupation = row.Concept("occupation", ConceptKind.Occupation);
        var from = row.WholeNumber("ageFrom", 15, 75);
        var to = row.WholeNumber("ageTo", 15, 75);
        if (from is not null && to is not null && to < from)
        {
            row.Error("ageTo", "Ålder till är lägre än Ålder från.", "Age to is lower than age from.");
        }

        var cohort = new WorkforceCohort
        {
            OccupationId = occupation ?? "",
            AgeFrom = from ?? 0,
            AgeTo = to ?? 0,
            Gender = row.Enum("gender", TabularWords.Genders),
            Count = row.WholeNumber("count", 0, 100_000) ?? 0,
        };
        return row.Failed ? null : new CohortRecord(id, organisation!, cohort);
    }

    public override IReadOnlyDictionary<string, string?> Format(CohortRecord record, TabularVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var c = record.Cohort;
        return new Dictionary<string, string?>
        {
            ["id"] = record.Id?.ToString(CultureInfo.InvariantCulture),
            ["organisation"] = record.OrganisationNumber,
            ["occupation"] = vocabulary.FormatConcept(ConceptKind.Occupation, c.OccupationId),
            ["ageFrom"] = TabularWords.Number(c.AgeFrom),
            ["ageTo"] = TabularWords.Number(c.AgeTo),
            ["gender"] = c.Gender is { } gender ? TabularWords.Genders.Format(gender) : null,
            ["count"] = TabularWords.Number(c.Count),
        };
    }
}

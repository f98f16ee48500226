using System.Globalization;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Taxonomy;

namespace Kompetensbron.Core.Matching;

/// <summary>Languages an explanation is rendered in.</summary>
public enum MatchLanguage
{
    Swedish,
    English,
}

/// <summary>
/// Renders a <see cref="MatchExplanation"/> as short plain sentences ("Du har 4 av 5 krav. Saknas: TIG-svetsning.").
/// Skills and occupations keep their Swedish taxonomy labels in English too (the taxonomy is Swedish).
/// </summary>
public static class MatchExplanationText
{
    private static readonly CultureInfo SwedishCulture = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyList<string> Sentences(MatchExplanation explanation, TaxonomyModel taxonomy, MatchLanguage language, MatchPerspective perspective)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var w = new Words(language, perspective, taxonomy);
        var e = explanation;
        var sentences = new List<string>();

        foreach (var reason in Enum.GetValues<MatchExclusions>().Where(r => r != MatchExclusions.None && e.Exclusions.HasFlag(r)))
        {
            sentences.Add(w.Exclusion(reason, e));
        }

        if (e.RequiredCount == 0)
        {
            sentences.Add(w.Sv ? "Behovet har inga krav." : "The need has no requirements.");
        }
        else
        {
            var held = w.Sv
                ? w.F($"{w.Subject} {e.MatchedRequired.Count} av {e.RequiredCount} krav.")
                : w.F($"{w.Subject} {e.MatchedRequired.Count} of {e.RequiredCount} requirements.");
            var missing = e.MissingRequired.Count == 0 ? "" : (w.Sv ? " Saknas: " : " Missing: ") + w.Skills(e.MissingRequired) + ".";
            sentences.Add(held + missing);
        }

        foreach (var related in e.Related)
        {
            sentences.Add(w.Related(related));
        }

        if (e.MatchedMeriting.Count > 0)
        {
            sentences.Add((w.Sv ? "Meriterande: " : "Desirable: ") + w.Skills(e.MatchedMeriting.Select(m => m.SkillId)) + ".");
        }

        if (e.Experience is { } x)
        {
            var occupation = taxonomy.FindOccupation(x.OccupationId)?.Label ?? x.OccupationId;
            var similar = x.AffinityPercent == 100 ? "" : w.Sv
                ? w.F($" (liknande yrke, räknas till {x.AffinityPercent} %)")
                : w.F($" (a similar occupation, counts {x.AffinityPercent}%)");
            sentences.Add(w.Sv
                ? w.F($"{x.Years:0.#} års erfarenhet som {occupation}{similar}.")
                : w.F($"{x.Years:0.#} years of experience as {occupation}{similar}."));
        }

        var mode = e.CommuteMode == CommuteMode.Car
            ? (w.Sv ? "med bil" : "by car")
            : (w.Sv ? "med kollektivtrafik" : "by public transport");
        sentences.Add(w.Sv
            ? w.F($"Cirka {e.DistanceKm:0} km, ungefär {e.CommuteMinutes} minuter {mode} ({w.Possessive} gräns är {e.MaxCommuteMinutes} minuter).")
            : w.F($"About {e.DistanceKm:0} km, about {e.CommuteMinutes} minutes {mode} ({w.Possessive} limit is {e.MaxCommuteMinutes} minutes)."));

        // The arithmetic last: people read the plain sentences first, and the points show how they add up.
        var c = e.Components;
        sentences.Add(w.Sv
            ? w.F($"Så räknades det: {e.Score} av {MatchPoints.Max} poäng – krav {c.Required}, närliggande kompetenser {c.Related}, meriterande {c.Meriting}, erfarenhet {c.Experience}, pendling {c.Commute}.")
            : w.F($"How it adds up: {e.Score} of {MatchPoints.Max} points – requirements {c.Required}, related skills {c.Related}, desirable {c.Meriting}, experience {c.Experience}, commute {c.Commute}."));
        return sentences;
    }

    private sealed class Words(MatchLanguage language, MatchPerspective perspective, TaxonomyModel taxonomy)
    {
        public bool Sv => language == MatchLanguage.Swedish;

        private bool Person => perspective == MatchPerspective.Person;

        public string Subject => Sv ? (Person ? "Du har" : "Personen har") : (Person ? "You have" : "The person has");

        public string Possessive => Sv ? (Person ? "din" : "personens") : (Person ? "your" : "the person's");

        public string F(FormattableString text) => text.ToString(Sv ? SwedishCulture : EnglishCulture);

        public string Skills(IEnumerable<string> ids) => string.Join(", ", ids.Select(Skill));

        public string Skill(string id) => taxonomy.FindSkill(id)?.Label ?? id;

        private string Group(string id) => taxonomy.FindSsykGroup(id)?.Label ?? id;

        public string Related(RelatedCredit related)
        {
            var head = Sv
                ? F($"{Skill(related.StandInSkillId)} räknas delvis för {Skill(related.RequiredSkillId)}")
                : F($"{Skill(related.StandInSkillId)} counts partly for {Skill(related.RequiredSkillId)}");
            return related.Reason switch
            {
                null => head + ".",
                { IsSameGroup: true } r => head + (Sv
                    ? F($": båda är typiska kompetenser för {Group(r.ToSsyk4Id)}.")
                    : F($": both are typical skills of {Group(r.ToSsyk4Id)}.")),
                var r => head + (Sv
                    ? F($": den är typisk för {Group(r.FromSsyk4Id)}, som ofta kan gå över till {Group(r.ToSsyk4Id)}.")
                    : F($": it is typical of {Group(r.FromSsyk4Id)}, whose people can often move to {Group(r.ToSsyk4Id)}.")),
            };
        }

        public string Exclusion(MatchExclusions reason, MatchExplanation e)
        {
            var text = reason switch
            {
                MatchExclusions.MissingLicence => (Sv ? "Kräver " : "Requires ") + string.Join(", ", e.MissingLicences.Select(Licence)) + ".",
                MatchExclusions.SwedishTooLow => Sv
                    ? F($"Kräver svenska på minst nivå {e.MinimumSwedishLevel}; {(Person ? "du har" : "personen har")} {Level(e.SwedishLevel)}.")
                    : F($"Requires Swedish at level {e.MinimumSwedishLevel} or higher; {(Person ? "you have" : "the person has")} {Level(e.SwedishLevel)}."),
                MatchExclusions.NotAvailableByStart => Sv
                    ? F($"Börjar {e.StartDate:yyyy-MM-dd}, men {(Person ? "du" : "personen")} kan börja först {e.AvailableFrom:yyyy-MM-dd}.")
                    : F($"Starts {e.StartDate:yyyy-MM-dd}, but {(Person ? "you are" : "the person is")} available from {e.AvailableFrom:yyyy-MM-dd}."),
                MatchExclusions.CommuteTooLong => Sv
                    ? F($"Pendlingen, ungefär {e.CommuteMinutes} minuter, är längre än {Possessive} gräns på {e.MaxCommuteMinutes} minuter.")
                    : F($"The commute, about {e.CommuteMinutes} minutes, is longer than {Possessive} limit of {e.MaxCommuteMinutes} minutes."),
                MatchExclusions.ProfileHidden => Sv ? "Personen visar inte sin profil för arbetsgivare." : "The person does not show their profile to employers.",
                MatchExclusions.NothingInCommon => Sv ? "Inga kompetenser eller erfarenheter gemensamma." : "No skills or experience in common.",
                _ => reason.ToString(),
            };
            return (Sv ? "Visas inte: " : "Not shown: ") + text;
        }

        private string Licence(string code) => Licences.Find(code) is { } licence ? (Sv ? licence.LabelSv : licence.LabelEn) : code;

        private string Level(CefrLevel? level) => level?.ToString() ?? (Sv ? "ingen angiven nivå" : "no level stated");
    }
}

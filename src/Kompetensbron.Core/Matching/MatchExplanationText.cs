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
/// Renders a <see cref="MatchExplanation"/> as short plain sentences that follow docs/plain-language.md
/// ("Du har 4 av 5 krav. Du saknar: TIG-svetsning."): what the person has and lacks first, the points last
/// ("Hur vi räknade: …", whose parts add up to the score). Skills and occupations keep their Swedish taxonomy
/// labels in English too (the taxonomy is Swedish).
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
            sentences.Add(w.Sv ? "Platsen har inga krav." : "The position has no requirements.");
        }
        else
        {
            var held = w.Sv
                ? w.F($"{w.Subject} {e.MatchedRequired.Count} av {e.RequiredCount} krav.")
                : w.F($"{w.Subject} {e.MatchedRequired.Count} of {e.RequiredCount} requirements.");
            var missing = e.MissingRequired.Count == 0 ? "" : " " + w.Lacks + ": " + w.Skills(e.MissingRequired) + ".";
            sentences.Add(held + missing);
        }

        // A requirement met only by a similar skill is still one the person lacks: say so, then why it counts.
        foreach (var related in e.Related)
        {
            sentences.Add(w.Related(related));
        }

        if (e.MatchedMeriting.Count > 0)
        {
            var extras = w.Sv
                ? w.Subject + " också det här, som ger extra poäng: "
                : (w.Person ? "You also have" : "The person also has") + " these, which give extra points: ";
            sentences.Add(extras + w.Skills(e.MatchedMeriting.Select(m => m.SkillId)) + ".");
        }

        if (e.Experience is { } x)
        {
            sentences.Add(w.Experience(x));
        }

        sentences.Add(w.Commute(e));

        // The arithmetic last: people read the plain sentences first, and the points show how they add up.
        var c = e.Components;
        sentences.Add(w.Sv
            ? w.F($"Hur vi räknade: {e.Score} av {MatchPoints.Max} poäng. Krav {c.Required}, liknande kompetenser {c.Related}, extra {c.Meriting}, erfarenhet {c.Experience}, resan {c.Commute}.")
            : w.F($"How we counted: {e.Score} of {MatchPoints.Max} points. Requirements {c.Required}, similar skills {c.Related}, extras {c.Meriting}, experience {c.Experience}, travel {c.Commute}."));
        return sentences;
    }

    private sealed class Words(MatchLanguage language, MatchPerspective perspective, TaxonomyModel taxonomy)
    {
        public bool Sv => language == MatchLanguage.Swedish;

        public bool Person => perspective == MatchPerspective.Person;

        public string Subject => Sv ? (Person ? "Du har" : "Personen har") : (Person ? "You have" : "The person has");

        public string Lacks => Sv ? (Person ? "Du saknar" : "Personen saknar") : (Person ? "You are missing" : "The person is missing");

        private string Who => Sv ? (Person ? "du" : "personen") : (Person ? "you" : "the person");

        private string Possessive => Sv ? (Person ? "din" : "personens") : (Person ? "your" : "the person's");

        public string F(FormattableString text) => text.ToString(Sv ? SwedishCulture : EnglishCulture);

        public string Skills(IEnumerable<string> ids) => string.Join(", ", ids.Select(Skill));

        private string Skill(string id) => taxonomy.FindSkill(id)?.Label ?? id;

        private string Group(string id) => taxonomy.FindSsykGroup(id)?.Label ?? id;

        // "Du har inte TIG-svetsning, men MIG-svetsning liknar det och räknas delvis. Båda är vanliga för Svetsare."
        public string Related(RelatedCredit related)
        {
            var required = Skill(related.RequiredSkillId);
            var standIn = Skill(related.StandInSkillId);
            var head = Sv
                ? F($"{(Person ? "Du" : "Personen")} har inte {required}, men {standIn} liknar det och räknas delvis.")
                : F($"{(Person ? "You do" : "The person does")} not have {required}, but {standIn} is similar and counts partly.");
            return related.Reason switch
            {
                null => head,
                { IsSameGroup: true } r => head + (Sv
                    ? F($" Båda är vanliga för {Group(r.ToSsyk4Id)}.")
                    : F($" Both are common for {Group(r.ToSsyk4Id)}.")),
                var r => head + (Sv
                    ? F($" {standIn} är vanligt för {Group(r.FromSsyk4Id)}. Många av dem byter till {Group(r.ToSsyk4Id)}.")
                    : F($" {standIn} is common for {Group(r.FromSsyk4Id)}. Many of them move on to {Group(r.ToSsyk4Id)}.")),
            };
        }

        public string Experience(ExperienceCredit x)
        {
            var occupation = taxonomy.FindOccupation(x.OccupationId)?.Label ?? x.OccupationId;
            var worked = Sv
                ? F($"{(Person ? "Du" : "Personen")} har jobbat {x.Years:0.#} år som {occupation}.")
                : F($"{(Person ? "You have" : "The person has")} worked {x.Years:0.#} {(x.Years == 1 ? "year" : "years")} as {occupation}.");
            return x.AffinityPercent == 100 ? worked : worked + (Sv
                ? F($" Det jobbet liknar det här, så det räknas till {x.AffinityPercent} %.")
                : F($" That job is like this one, so it counts {x.AffinityPercent}%."));
        }

        public string Commute(MatchExplanation e)
        {
            var mode = e.CommuteMode == CommuteMode.Car
                ? (Sv ? "med bil" : "by car")
                : (Sv ? "med buss eller tåg" : "by bus or train");
            return Sv
                ? F($"Det är cirka {e.DistanceKm:0} km dit. Resan tar ungefär {e.CommuteMinutes} minuter {mode}. {Capital(Who)} vill resa högst {e.MaxCommuteMinutes} minuter.")
                : F($"It is about {e.DistanceKm:0} km away. The trip takes about {e.CommuteMinutes} minutes {mode}. {Capital(Who)} {(Person ? "want" : "wants")} to travel {e.MaxCommuteMinutes} minutes at most.");
        }

        public string Exclusion(MatchExclusions reason, MatchExplanation e)
        {
            var text = reason switch
            {
                MatchExclusions.MissingLicence => (Sv ? "Kräver " : "Requires ") + string.Join(", ", e.MissingLicences.Select(Licence)) + ".",
                MatchExclusions.SwedishTooLow => Sv
                    ? F($"Kräver svenska på minst nivå {Level(e.MinimumSwedishLevel)}. {Capital(Who)} har {Level(e.SwedishLevel)}.")
                    : F($"Requires Swedish at level {Level(e.MinimumSwedishLevel)} or higher. {Capital(Who)} {(Person ? "have" : "has")} {Level(e.SwedishLevel)}."),
                MatchExclusions.NotAvailableByStart => Sv
                    ? F($"Börjar {e.StartDate:yyyy-MM-dd}, men {Who} kan börja först {e.AvailableFrom:yyyy-MM-dd}.")
                    : F($"Starts {e.StartDate:yyyy-MM-dd}, but {Who} can start on {e.AvailableFrom:yyyy-MM-dd} at the earliest."),
                MatchExclusions.CommuteTooLong => Sv
                    ? F($"Resan tar ungefär {e.CommuteMinutes} minuter. Det är mer än {Possessive} gräns på {e.MaxCommuteMinutes} minuter.")
                    : F($"The trip takes about {e.CommuteMinutes} minutes. That is more than {Possessive} limit of {e.MaxCommuteMinutes} minutes."),
                MatchExclusions.ProfileHidden => Sv ? "Personen visar inte sin profil för arbetsgivare." : "The person does not show their profile to employers.",
                MatchExclusions.NothingInCommon => Sv ? "Inga kompetenser eller yrken gemensamma." : "No skills or jobs in common.",
                _ => reason.ToString(),
            };
            return (Sv ? "Visas inte: " : "Not shown: ") + text;
        }

        private string Licence(string code) => Licences.Find(code) is { } licence ? (Sv ? licence.LabelSv : licence.LabelEn) : code;

        // A language level with its words, as on the profile: "B1 – klarar vardag och jobb".
        private string Level(CefrLevel? level) => level switch
        {
            null => Sv ? "ingen nivå" : "no level",
            CefrLevel.A1 => Sv ? "A1 – några ord och fraser" : "A1 – a few words and phrases",
            CefrLevel.A2 => Sv ? "A2 – enkla samtal" : "A2 – simple conversations",
            CefrLevel.B1 => Sv ? "B1 – klarar vardag och jobb" : "B1 – manage everyday life and work",
            CefrLevel.B2 => Sv ? "B2 – pratar och skriver bra" : "B2 – speak and write well",
            CefrLevel.C1 => Sv ? "C1 – mycket bra" : "C1 – very well",
            _ => Sv ? "C2 – som ett modersmål" : "C2 – like a first language",
        };

        private static string Capital(string text) => string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
    }
}

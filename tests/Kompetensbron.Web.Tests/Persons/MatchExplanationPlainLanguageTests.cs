using Kompetensbron.Core.Demo;
using Kompetensbron.Core.Matching;
using Kompetensbron.Core.Taxonomy;
using static Kompetensbron.Web.Tests.Persons.PlainLanguage;

namespace Kompetensbron.Web.Tests.Persons;

/// <summary>
/// The rules of docs/plain-language.md (<see cref="PlainLanguage"/>) over the explanation sentences of a sample of
/// real demo matches, as the person and the employer see them, in both languages. Skill, occupation and group
/// names come from the taxonomy and cannot be reworded, so each counts as one word ("X"), like a resx placeholder.
/// </summary>
public sealed class MatchExplanationPlainLanguageTests
{
    private static readonly Lazy<List<Explained>> Sample = new(BuildSample);

    public static TheoryData<MatchLanguage> Languages() => new() { MatchLanguage.Swedish, MatchLanguage.English };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Explanations_of_demo_matches_follow_the_plain_language_rules(MatchLanguage language)
    {
        var problems = Sample.Value
            .SelectMany(x => (language == MatchLanguage.Swedish ? x.Sv : x.En).SelectMany(s => Problems(s).Select(p => $"{x.Pair}: {p}")))
            .Distinct()
            .ToList();

        Assert.Empty(problems);
    }

    [Fact]
    public void Swedish_explanations_are_very_easy_by_lix_and_not_gender_coded()
    {
        var swedish = Sample.Value.SelectMany(x => x.Sv).ToList();

        Assert.InRange(Lix(swedish), 1, MaxLix);
        Assert.Empty(swedish.SelectMany(GenderCoded));
    }

    [Fact]
    public void The_sample_has_every_kind_of_sentence()
    {
        var swedish = Sample.Value.SelectMany(x => x.Sv).ToList();

        Assert.True(Sample.Value.Count >= 100, $"only {Sample.Value.Count} explanations");
        foreach (var kind in new[] { "Personen har ", "Du saknar: ", "Personen saknar: ", "Du har inte X, men X liknar det", "Personen har inte X", "som ger extra poäng", "har jobbat ", "Resan tar ungefär", "Visas inte: ", "Hur vi räknade: " })
        {
            Assert.Contains(swedish, s => s.Contains(kind, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Masking_names_keeps_the_words_around_them()
    {
        var names = new[] { "TIG-svetsning", "Svetsning" };

        Assert.Equal("Du har inte X, men X liknar det.", Mask("Du har inte TIG-svetsning, men Svetsning liknar det.", names));
    }

    private static List<Explained> BuildSample()
    {
        var taxonomy = TaxonomyModel.LoadEmbedded();
        var model = MatchModel.Create(taxonomy);
        var region = DemoRegionGenerator.Generate(DemoRegionGenerator.DefaultSeed, new DateOnly(2026, 11, 26));
        var needs = region.Employers.SelectMany(e => e.Needs).Select((n, i) => MatchRecordMapper.ToMatchNeed(n.Need, n.Site) with { Id = i + 1 }).ToList();
        var profiles = region.Profiles.Select((p, i) => MatchRecordMapper.ToMatchProfile(p, model.SwedishLanguageId) with { Id = i + 1 }).ToList();
        using var index = MatchIndex.Build(model, needs, profiles);

        var pairs = new List<(int Need, int Profile, MatchPerspective Perspective)>();
        foreach (var profile in profiles.Where(p => p.Id % 20 == 1))
        {
            pairs.AddRange(index.NeedsForProfile(profile.Id, 5).Select(m => (m.NeedId, m.ProfileId, MatchPerspective.Person)));
            pairs.Add((needs[profile.Id % needs.Count].Id, profile.Id, MatchPerspective.Person));
        }

        foreach (var need in needs.Where(n => n.Id % 10 == 1))
        {
            pairs.AddRange(index.ProfilesForNeed(need.Id, 5).Select(m => (m.NeedId, m.ProfileId, MatchPerspective.Employer)));
            pairs.Add((need.Id, profiles[need.Id * 7 % profiles.Count].Id, MatchPerspective.Employer));
        }

        return pairs.Distinct().Select(p =>
        {
            var e = index.Explain(p.Need, p.Profile, p.Perspective)!;
            var names = Names(e, taxonomy);
            return new Explained(
                $"need {p.Need}, profile {p.Profile}, {p.Perspective}",
                [.. MatchExplanationText.Sentences(e, taxonomy, MatchLanguage.Swedish, p.Perspective).Select(s => Mask(s, names))],
                [.. MatchExplanationText.Sentences(e, taxonomy, MatchLanguage.English, p.Perspective).Select(s => Mask(s, names))]);
        }).ToList();
    }

    // The taxonomy names an explanation can show: skills, the occupation of experience, the groups of a reason.
    private static List<string> Names(MatchExplanation e, TaxonomyModel taxonomy)
    {
        var skills = e.MatchedRequired.Select(s => s.SkillId)
            .Concat(e.MatchedMeriting.Select(s => s.SkillId))
            .Concat(e.MissingRequired)
            .Concat(e.Related.SelectMany(r => new[] { r.RequiredSkillId, r.StandInSkillId }))
            .Select(id => taxonomy.FindSkill(id)!.Label);
        var occupations = e.Experience is { } x ? [taxonomy.FindOccupation(x.OccupationId)!.Label] : Array.Empty<string>();
        var groups = e.Related.Where(r => r.Reason is not null)
            .SelectMany(r => new[] { r.Reason!.FromSsyk4Id, r.Reason.ToSsyk4Id })
            .Select(id => taxonomy.FindSsykGroup(id)!.Label);
        return [.. skills.Concat(occupations).Concat(groups).Distinct(StringComparer.Ordinal)];
    }

    private static string Mask(string sentence, IEnumerable<string> names) =>
        names.OrderByDescending(n => n.Length).Aggregate(sentence, (s, name) => s.Replace(name, "X", StringComparison.Ordinal));

    private sealed record Explained(string Pair, IReadOnlyList<string> Sv, IReadOnlyList<string> En);
}

using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Matching;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Tests.Matching;

public class MatchExplanationTests
{
    private static readonly GeoPoint Gnosjo = new(57.3603, 13.7416);
    private static readonly GeoPoint Stockholm = new(59.3293, 18.0686);

    private static MatchModel Model => MatchWorld.Model.Value;

    /// <summary>Four skills with no closeness to TIG welding, so lacking TIG welding earns nothing.</summary>
    private static string[] UnrelatedSkills()
    {
        var related = Model.RelatedSkills(MatchWorld.TigWelding).Select(r => r.SkillId).ToHashSet();
        return ReferenceData.Taxonomy.Skills.Select(s => s.Id).Where(id => id != MatchWorld.TigWelding && !related.Contains(id)).Take(4).ToArray();
    }

    private static MatchNeed Need(params MatchNeedSkill[] skills) =>
        new(1, NeedKind.Job, "oP7x_4yN_jBp", "0617", Gnosjo, skills, [], null, null);

    private static MatchProfile Person(params MatchProfileSkill[] skills) =>
        new(1, skills, [], CefrLevel.C2, ["B"], "0617", Gnosjo, 45, CommuteMode.Car, null, true);

    private static MatchExplanation Explain(MatchNeed need, MatchProfile person, MatchPerspective perspective = MatchPerspective.Person)
    {
        using var index = MatchIndex.Build(Model, [need], [person]);
        return index.Explain(need.Id, person.Id, perspective)!;
    }

    private static IReadOnlyList<string> Sv(MatchExplanation e, MatchPerspective perspective = MatchPerspective.Person) =>
        MatchExplanationText.Sentences(e, ReferenceData.Taxonomy, MatchLanguage.Swedish, perspective);

    private static IReadOnlyList<string> En(MatchExplanation e, MatchPerspective perspective = MatchPerspective.Person) =>
        MatchExplanationText.Sentences(e, ReferenceData.Taxonomy, MatchLanguage.English, perspective);

    [Fact]
    public void Four_of_five_requirements_names_the_missing_one_in_swedish_and_english()
    {
        var held = UnrelatedSkills();
        var need = Need([.. held.Select(s => new MatchNeedSkill(s, true, 2)), new MatchNeedSkill(MatchWorld.TigWelding, true, 2)]);
        var person = Person([.. held.Select(s => new MatchProfileSkill(s, 4))]);

        var e = Explain(need, person);

        Assert.False(e.IsExcluded);
        Assert.Equal([MatchWorld.TigWelding], e.MissingRequired);
        Assert.Contains("Du har 4 av 5 krav. Du saknar: TIG-svetsning.", Sv(e));
        Assert.Contains("You have 4 of 5 requirements. You are missing: TIG-svetsning.", En(e));
        Assert.Contains("Personen har 4 av 5 krav. Personen saknar: TIG-svetsning.", Sv(e, MatchPerspective.Employer));
        Assert.Equal(e.Components.Required + e.Components.Related + e.Components.Meriting + e.Components.Experience + e.Components.Commute, e.Score);
        Assert.Equal(4 * MatchPoints.HeldSkill(MatchPoints.SkillWeight(MatchPoints.Required, 2, 10), 4), e.Components.Required);
        Assert.Equal(MatchPoints.Commute * (45 - 5) / 45, e.Components.Commute);
    }

    [Fact]
    public void A_close_skill_earns_part_of_a_missing_requirement_and_says_why()
    {
        var standIn = Model.RelatedSkills(MatchWorld.TigWelding)[0];
        var need = Need(new MatchNeedSkill(MatchWorld.TigWelding, true, 3));
        var person = Person(new MatchProfileSkill(standIn.SkillId, 4));

        var e = Explain(need, person);

        var related = Assert.Single(e.Related);
        Assert.Equal(MatchWorld.TigWelding, related.RequiredSkillId);
        Assert.Equal(standIn.SkillId, related.StandInSkillId);
        Assert.Equal(MatchPoints.RelatedSkill(MatchPoints.Required, standIn.ClosenessPermille, 4), related.Points);
        Assert.Equal(related.Points, e.Components.Related);
        Assert.NotNull(related.Reason);
        Assert.Empty(e.MissingRequired);
        var standInLabel = ReferenceData.Taxonomy.FindSkill(standIn.SkillId)!.Label;
        Assert.Contains("Du har 0 av 1 krav.", Sv(e));
        Assert.Contains(Sv(e), s => s.StartsWith($"Du har inte TIG-svetsning, men {standInLabel} liknar det och räknas delvis.", StringComparison.Ordinal));
        Assert.Contains(Sv(e, MatchPerspective.Employer), s => s.StartsWith($"Personen har inte TIG-svetsning, men {standInLabel} liknar det", StringComparison.Ordinal));
        Assert.Contains(En(e), s => s.StartsWith($"You do not have TIG-svetsning, but {standInLabel} is similar and counts partly.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(MatchLanguage.Swedish, "Hur vi räknade: ")]
    [InlineData(MatchLanguage.English, "How we counted: ")]
    public void The_points_sentence_shows_parts_that_add_up_to_the_score(MatchLanguage language, string start)
    {
        var (needs, profiles) = MatchWorld.Generate(11);
        using var index = MatchIndex.Build(Model, needs, profiles);
        var checkedPairs = 0;
        foreach (var need in needs)
        {
            foreach (var profile in profiles.Take(10))
            {
                var e = index.Explain(need.Id, profile.Id)!;
                var points = Assert.Single(MatchExplanationText.Sentences(e, ReferenceData.Taxonomy, language, MatchPerspective.Person), s => s.StartsWith(start, StringComparison.Ordinal));
                var numbers = System.Text.RegularExpressions.Regex.Matches(points, @"\d+").Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                var c = e.Components;

                Assert.Equal([e.Score, MatchPoints.Max, c.Required, c.Related, c.Meriting, c.Experience, c.Commute], numbers);
                Assert.Equal(numbers[0], numbers[2..].Sum());
                checkedPairs += e.Score > 0 ? 1 : 0;
            }
        }

        Assert.True(checkedPairs > 10, $"only {checkedPairs} pairs with points");
    }

    [Fact]
    public void Related_skills_are_close_bounded_and_never_the_skill_itself()
    {
        var related = Model.RelatedSkills(MatchWorld.TigWelding);

        Assert.InRange(related.Count, 1, MatchModel.MaxStandIns);
        Assert.All(related, r => Assert.InRange(r.ClosenessPermille, MatchModel.MinClosenessPermille, MatchModel.MaxClosenessPermille));
        Assert.DoesNotContain(related, r => r.SkillId == MatchWorld.TigWelding);
        Assert.Equal(related.OrderByDescending(r => r.ClosenessPermille).Select(r => r.ClosenessPermille), related.Select(r => r.ClosenessPermille));
    }

    [Fact]
    public void Each_hard_constraint_excludes_with_its_reason()
    {
        var skill = new MatchNeedSkill(MatchWorld.TigWelding, true, 2);
        var held = new MatchProfileSkill(MatchWorld.TigWelding, 3);
        var need = Need(skill) with { Licences = ["C"], MinimumSwedishLevel = CefrLevel.B2, StartDate = new DateOnly(2026, 3, 1) };
        var person = Person(held) with { SwedishLevel = CefrLevel.A2, AvailableFrom = new DateOnly(2026, 4, 1), Location = Stockholm, IsVisibleToEmployers = false };

        var e = Explain(need, person, MatchPerspective.Employer);

        Assert.Equal(
            MatchExclusions.MissingLicence | MatchExclusions.SwedishTooLow | MatchExclusions.NotAvailableByStart | MatchExclusions.CommuteTooLong | MatchExclusions.ProfileHidden,
            e.Exclusions);
        var sentences = Sv(e, MatchPerspective.Employer);
        Assert.Contains("Visas inte: Kräver C-körkort.", sentences);
        Assert.Contains("Visas inte: Kräver svenska på minst nivå B2 – pratar och skriver bra. Personen har A2 – enkla samtal.", sentences);
        Assert.Contains(sentences, s => s.StartsWith("Visas inte: Börjar 2026-03-01", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.StartsWith("Visas inte: Resan tar ungefär ", StringComparison.Ordinal) && s.EndsWith("Det är mer än personens gräns på 45 minuter.", StringComparison.Ordinal));
        Assert.Contains("Visas inte: Personen visar inte sin profil för arbetsgivare.", sentences);
        Assert.Contains("Not shown: Requires Driving licence C.", En(e, MatchPerspective.Employer));

        using var index = MatchIndex.Build(Model, [need], [person]);
        Assert.Empty(index.ProfilesForNeed(1, 5));
        Assert.Empty(index.NeedsForProfile(1, 5));
    }

    [Fact]
    public void Commute_alone_is_no_match_and_says_so()
    {
        var e = Explain(Need(new MatchNeedSkill(MatchWorld.TigWelding, true, 2)), Person(new MatchProfileSkill(UnrelatedSkills()[0], 4)));

        Assert.Equal(MatchExclusions.NothingInCommon, e.Exclusions);
        Assert.Contains("Visas inte: Inga kompetenser eller yrken gemensamma.", Sv(e));
    }

    [Fact]
    public void Experience_in_a_substitutable_occupation_counts_partly()
    {
        var taxonomy = ReferenceData.Taxonomy;
        var link = taxonomy.Substitutions.First(s =>
            taxonomy.FindOccupation(s.FromOccupationId)!.Ssyk4Id != taxonomy.FindOccupation(s.ToOccupationId)!.Ssyk4Id);
        var need = Need() with { OccupationId = link.ToOccupationId };
        var person = Person() with { Occupations = [new MatchExperience(link.FromOccupationId, 10m)] };

        var e = Explain(need, person);

        Assert.False(e.IsExcluded);
        Assert.Equal(new ExperienceCredit(link.FromOccupationId, 10m, link.Percentage, MatchPoints.Experience * link.Percentage / 100), e.Experience);
        var occupation = taxonomy.FindOccupation(link.FromOccupationId)!.Label;
        Assert.Contains($"Du har jobbat 10 år som {occupation}. Det jobbet liknar det här, så det räknas till {link.Percentage} %.", Sv(e));
        Assert.Contains($"You have worked 10 years as {occupation}. That job is like this one, so it counts {link.Percentage}%.", En(e));
    }

    [Fact]
    public void Gender_and_target_group_never_change_a_score()
    {
        var random = new Random(3);
        var needs = Enumerable.Range(1, 25).Select(id => MatchWorld.Need(random, id)).ToList();
        var swedish = Model.SwedishLanguageId;
        Profile Domain(Gender? gender, TargetGroup? group) => new()
        {
            Id = 1,
            DisplayName = "Test",
            MunicipalityCode = "0617",
            Latitude = Gnosjo.Latitude,
            Longitude = Gnosjo.Longitude,
            Gender = gender,
            TargetGroup = group,
            Skills = [.. needs.SelectMany(n => n.Skills).Take(6).Select(s => new ProfileSkill { SkillId = s.SkillId, Level = 3 })],
            Languages = [new ProfileLanguage { LanguageId = swedish, Level = CefrLevel.C1 }],
            Licences = ["B"],
        };

        var variants = new[] { Domain(null, null), Domain(Gender.Woman, TargetGroup.NewlyArrived), Domain(Gender.Man, TargetGroup.Youth), Domain(Gender.NonBinary, TargetGroup.CareerChanger) };
        var answers = variants.Select(v =>
        {
            using var index = MatchIndex.Build(Model, needs, [MatchRecordMapper.ToMatchProfile(v, swedish)]);
            return string.Join(";", index.NeedsForProfile(1, 25)) + "|" + string.Join(";", needs.Select(n => index.Explain(n.Id, 1)!.Score));
        }).ToList();

        Assert.NotEqual("|", answers[0][..1]);
        Assert.Single(answers.Distinct());
        Assert.DoesNotContain(typeof(MatchProfile).GetProperties(), p => p.Name is "Gender" or "TargetGroup" or "Age" or "BirthYear");
    }
}

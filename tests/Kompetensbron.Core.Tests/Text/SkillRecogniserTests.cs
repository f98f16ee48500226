using Kompetensbron.Core.Text;

namespace Kompetensbron.Core.Tests.Text;

public class SkillRecogniserTests
{
    private const string TigWelding = "WBnc_JXj_MvY";
    private const string MigMagWelding = "Q1D1_Pdc_rnT";
    private const string CncTurning = "d2yX_cZM_fSy";
    private const string ATrucks = "Zk4h_jP4_e85";
    private const string BTrucks = "HeXq_amc_ABd";
    private const string PlateWelding = "fRF9_96h_p1y";
    private const string DrawingReading = "aHCV_VsV_LiD";
    private const string QualityControl = "4y7C_Lsh_EPM";
    private const string QualityControlManufacturing = "dWbY_gXC_Frx";
    private const string CncOperator = "9haD_NB6_ULH";

    private static readonly Lazy<SkillRecogniser> LazyRecogniser = new(() => SkillRecogniser.Create(ReferenceData.Taxonomy));

    private static SkillRecogniser Recogniser => LazyRecogniser.Value;

    private static RecognisedSkill Single(string text, string id) =>
        Assert.Single(Recogniser.RecogniseSkills(text), s => s.Id == id);

    [Theory]
    [InlineData("Erfarenhet av tigsvetsning krävs.", "tigsvetsning")]
    [InlineData("Erfarenhet av TIG-svetsning krävs.", "TIG-svetsning")]
    [InlineData("Du har jobbat med TIG-svetsningen.", "TIG-svetsningen")]
    public void Tig_welding_is_found_as_one_word_hyphenated_and_inflected(string text, string matched)
    {
        var skill = Single(text, TigWelding);

        Assert.Equal(matched, skill.Span.Text);
        Assert.Equal(matched, text.Substring(skill.Span.Start, skill.Span.Length));
    }

    [Theory]
    [InlineData("Du svetsar plåt varje dag.")]
    [InlineData("Du har svetsat plåt tidigare.")]
    [InlineData("Vi svetsade plåt i serie.")]
    [InlineData("Plåtsvetsningen sker i vår hall.")]
    public void Inflected_verb_and_object_find_the_activity_compound(string text) =>
        Single(text, PlateWelding);

    [Theory]
    [InlineData("Du kan läsa ritningar.")]
    [InlineData("Du läser en ritning obehindrat.")]
    [InlineData("God förmåga i ritningsläsning.")]
    public void Reading_drawings_is_drawing_reading(string text) => Single(text, DrawingReading);

    [Theory]
    [InlineData("Jag har kört truck i fem år.", "kört truck")]
    [InlineData("Jag kör truck varje dag.", "kör truck")]
    [InlineData("Jag körde truck på ett lager.", "körde truck")]
    public void Driving_a_truck_in_any_tense_is_truck_experience(string text, string matched)
    {
        // "truckkörning" (a curated word for Truckvana) read as verb + object, with the -de/-t forms of "köra".
        var skill = Single(text, "pGts_PKK_c8W");

        Assert.Equal(matched, skill.Span.Text);
    }

    [Theory]
    [InlineData("Jag har läst ritningar i mitt jobb.")]
    [InlineData("Jag läste ritningar varje dag.")]
    public void Past_tense_of_a_de_verb_finds_the_activity_and_nothing_else(string text)
    {
        var skill = Assert.Single(Recogniser.RecogniseSkills(text));

        Assert.Equal(DrawingReading, skill.Id);
    }

    [Fact]
    public void Comma_label_is_found_written_as_a_compound()
    {
        var skill = Single("Erfarenhet av CNC-svarvning är ett krav.", CncTurning);

        Assert.Equal("CNC-svarvning", skill.Span.Text);
    }

    [Fact]
    public void Shared_head_of_coordinated_modifiers_gives_both_skills()
    {
        var skills = Recogniser.RecogniseSkills("Truckkort för A- och B-truck krävs.");

        Assert.Equal("A- och B-truck", Assert.Single(skills, s => s.Id == ATrucks).Span.Text);
        Assert.Equal("B-truck", Assert.Single(skills, s => s.Id == BTrucks).Span.Text);
    }

    [Fact]
    public void Slash_abbreviations_name_one_skill_once()
    {
        var skill = Single("Vi söker dig som kan MIG/MAG-svetsning.", MigMagWelding);

        Assert.Contains(skill.Spans, s => s.Text == "MIG/MAG-svetsning");
    }

    [Fact]
    public void Longer_label_wins_over_the_shorter_one_inside_it()
    {
        var skills = Recogniser.RecogniseSkills("Du ansvarar för kvalitetskontroll inom industriell tillverkning.");

        Assert.Contains(skills, s => s.Id == QualityControlManufacturing);
        Assert.DoesNotContain(skills, s => s.Id == QualityControl);
    }

    [Theory]
    [InlineData("Vi ses i Jönköpings län på fredag, ta med matsäck och gott humör.")]
    [InlineData("Solen skiner och vi tar en promenad längs sjön.")]
    [InlineData("")]
    public void Unrelated_text_has_no_skills(string text) => Assert.Empty(Recogniser.RecogniseSkills(text));

    [Fact]
    public void Acronyms_match_only_in_capitals()
    {
        Assert.Contains(Recogniser.RecogniseSkills("Erfarenhet av PLC krävs."), s => s.Id == "Uytu_hWi_5nh");
        Assert.DoesNotContain(Recogniser.RecogniseSkills("Jag bor i Jönköpings län."), s => s.Label == "LAN");
    }

    [Fact]
    public void A_named_occupation_comes_first()
    {
        var recognition = Recogniser.Recognise("Vi söker en CNC-operatör till vår fräsavdelning. Du kör fleroperationsmaskiner och kan CNC-fräsning.");

        Assert.Equal(CncOperator, recognition.Occupations[0].Id);
        Assert.Equal("7223", recognition.Occupations[0].Ssyk4Code);
        Assert.True(recognition.Occupations.Count <= SkillRecogniser.DefaultOccupationCount);
    }

    [Theory]
    [InlineData("Du svetsar MIG/MAG och TIG i rostfritt, har svetscertifikat och läser ritningar. Meriterande: robotsvetsning och gasskärning.", "rxrQ_Nyy_k6y")]
    [InlineData("Till vårt äldreboende söker vi dig som är utbildad undersköterska. Du arbetar med omvårdnad, demensvård och dokumentation.", "bSEB_VKd_Ub3")]
    [InlineData("Vi söker en truckförare som kör motviktstruck, lossar och lastar bilar och har truckkort för A- och B-truck.", "GQSf_fnq_kjF")]
    public void Top_five_occupations_contain_the_right_one(string text, string occupationId) =>
        Assert.Contains(Recogniser.Recognise(text).Occupations, o => o.Id == occupationId);

    [Fact]
    public void Skills_alone_point_to_an_occupation_group()
    {
        var recognition = Recogniser.Recognise("Arbetet består av formsprutning, verktygsbyten och extrudering av termoplaster.");

        Assert.Contains(recognition.Occupations.Take(3), o => o.Ssyk4Code == "8142");
    }

    [Fact]
    public void Recognition_is_the_same_from_many_threads()
    {
        const string text = "Vi söker en svetsare med erfarenhet av TIG-svetsning, MIG/MAG-svetsning och ritningsläsning.";
        var expected = Recogniser.Recognise(text);
        var results = new TextRecognition[64];

        Parallel.For(0, results.Length, i => results[i] = Recogniser.Recognise(text));

        Assert.All(results, r => Assert.Equal(expected.Skills.Select(s => s.Id), r.Skills.Select(s => s.Id)));
    }

    [Fact]
    public void Held_out_ads_keep_their_measured_quality()
    {
        // Measured when the recogniser was tuned (docs/decisions/0008-text-recognition.md): precision 0.79,
        // recall 0.62, top-3 0.73 on the 15 held-out ads. A regression below these floors fails.
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "Text", "ads-heldout.jsonl"));
        var result = TextEvaluation.Evaluate(Recogniser, TextEvaluation.ReadJsonLines(reader));

        Assert.Equal(15, result.Texts);
        Assert.True(result.Precision >= 0.75, $"precision {result.Precision:0.000}");
        Assert.True(result.Recall >= 0.58, $"recall {result.Recall:0.000}");
        Assert.True(result.Top3 >= 0.66, $"top-3 {result.Top3:0.000}");
    }

    [Fact]
    public void Evaluation_annotations_use_only_real_taxonomy_ids()
    {
        foreach (var file in new[] { "ads-eval.jsonl", "ads-heldout.jsonl" })
        {
            using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "Text", file));
            var ads = TextEvaluation.ReadJsonLines(reader);
            Assert.All(ads, ad =>
            {
                Assert.NotNull(ReferenceData.Taxonomy.FindOccupation(ad.OccupationId));
                Assert.All(ad.SkillIds, id => Assert.NotNull(ReferenceData.Taxonomy.FindSkill(id)));
            });
        }
    }

    [Fact]
    public void Evaluation_counts_misses_and_extras()
    {
        var ads = new[] { new AnnotatedText("Du kan TIG-svetsning och läsa ritningar.", [TigWelding, "aENT_QTu_v8Y"], "rxrQ_Nyy_k6y") };

        var result = TextEvaluation.Evaluate(Recogniser, ads);

        Assert.Equal(1, result.TruePositives);
        Assert.Equal(1, result.FalseNegatives);
        Assert.Equal(1, result.FalsePositives);
        Assert.Equal(0.5, result.Precision);
    }

    [Fact]
    public void A_malformed_line_names_its_number()
    {
        using var reader = new StringReader("{\"text\": \"a\", \"skills\": [], \"occupation\": \"x\"}\n\n{\"text\": 1}");

        var error = Assert.Throws<InvalidDataException>(() => TextEvaluation.ReadJsonLines(reader));

        Assert.StartsWith("Line 3", error.Message, StringComparison.Ordinal);
    }
}

using System.CommandLine;
using System.Globalization;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Core.Text;
using Spectre.Console;

namespace Kompetensbron.Cli.Text;

/// <summary><c>recognise</c>: skills and likely occupations in Swedish text read from standard input.</summary>
internal static class RecogniseCommand
{
    public static Command Build(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables." };
        var command = new Command("recognise", "Recognise JobTech skills and the five most likely occupations in Swedish text on standard input.")
        {
            json,
        };
        command.SetAction(async (parseResult, ct) =>
        {
            var text = await console.Input.ReadToEndAsync(ct);
            if (string.IsNullOrWhiteSpace(text))
            {
                return console.Fail("no text on standard input, e.g. echo \"Vi söker en svetsare med TIG-svetsning\" | kompetensbron recognise");
            }

            var recognition = CreateRecogniser().Recognise(text);
            if (parseResult.GetValue(json))
            {
                console.WriteJson(new
                {
                    skills = recognition.Skills.Select(s => new
                    {
                        id = s.Id,
                        label = s.Label,
                        confidence = s.Confidence,
                        spans = s.Spans.Select(p => new { start = p.Start, length = p.Length, text = p.Text }),
                    }),
                    occupations = recognition.Occupations.Select(o => new { id = o.Id, label = o.Label, ssyk4 = o.Ssyk4Code, score = o.Score }),
                });
                return 0;
            }

            var skills = new Table().AddColumn("Id").AddColumn("Skill").AddColumn("Matched text").AddColumn("Span")
                .AddColumn(new TableColumn("Confidence").RightAligned());
            foreach (var skill in recognition.Skills)
            {
                skills.AddRow(
                    Markup.Escape(skill.Id), Markup.Escape(skill.Label), Markup.Escape(skill.Span.Text),
                    string.Join(", ", skill.Spans.Select(s => $"{s.Start}–{s.Start + s.Length}")),
                    skill.Confidence.ToString("0.00", CultureInfo.InvariantCulture));
            }

            var occupations = new Table().AddColumn("Id").AddColumn("Occupation").AddColumn("SSYK-4")
                .AddColumn(new TableColumn("Score").RightAligned());
            foreach (var occupation in recognition.Occupations)
            {
                occupations.AddRow(
                    Markup.Escape(occupation.Id), Markup.Escape(occupation.Label), occupation.Ssyk4Code,
                    occupation.Score.ToString("0.00", CultureInfo.InvariantCulture));
            }

            console.Output.WriteLine(recognition.Skills.Count == 0 ? "No skills recognised." : $"{recognition.Skills.Count} skills recognised:");
            if (recognition.Skills.Count > 0)
            {
                console.Ansi.Write(skills);
            }

            console.Output.WriteLine("Most likely occupations:");
            console.Ansi.Write(occupations);
            return 0;
        });
        return command;
    }

    /// <summary>The recogniser over the embedded taxonomy; each command invocation builds it once.</summary>
    public static SkillRecogniser CreateRecogniser() => SkillRecogniser.Create(TaxonomyModel.LoadEmbedded());
}

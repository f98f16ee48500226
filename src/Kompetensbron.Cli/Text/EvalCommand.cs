using System.CommandLine;
using System.Globalization;
using Kompetensbron.Core.Text;

namespace Kompetensbron.Cli.Text;

/// <summary><c>eval text FILE.jsonl</c>: precision/recall of skill recognition and occupation accuracy on annotated ads.</summary>
internal static class EvalCommand
{
    public static Command Build(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "JSON Lines: {\"text\": \"…\", \"skills\": [\"id\", …], \"occupation\": \"id\"} per line." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var details = new Option<bool>("--details") { Description = "Also list, per text, the skills missed and the ones found but not annotated." };
        var text = new Command("text", "Measure text recognition against annotated ads.") { file, json, details };
        text.SetAction(parseResult =>
        {
            var path = parseResult.GetRequiredValue(file);
            if (!path.Exists)
            {
                return console.Fail($"file not found: {path.FullName}");
            }

            IReadOnlyList<AnnotatedText> annotated;
            try
            {
                using var reader = path.OpenText();
                annotated = TextEvaluation.ReadJsonLines(reader);
            }
            catch (InvalidDataException e)
            {
                return console.Fail($"{path.Name}: {e.Message}");
            }

            var result = TextEvaluation.Evaluate(RecogniseCommand.CreateRecogniser(), annotated);
            var withDetails = parseResult.GetValue(details);
            if (parseResult.GetValue(json))
            {
                console.WriteJson(new
                {
                    texts = result.Texts,
                    precision = Math.Round(result.Precision, 4),
                    recall = Math.Round(result.Recall, 4),
                    f1 = Math.Round(result.F1, 4),
                    truePositives = result.TruePositives,
                    falsePositives = result.FalsePositives,
                    falseNegatives = result.FalseNegatives,
                    occupationTop1 = Math.Round(result.Top1, 4),
                    occupationTop3 = Math.Round(result.Top3, 4),
                    details = withDetails
                        ? result.Details.Select((d, i) => new { line = i + 1, missed = d.Missed, extra = d.Extra, occupationRank = d.OccupationRank })
                        : null,
                });
                return 0;
            }

            var output = console.Output;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Texts: {result.Texts}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Skills: precision {result.Precision:P1}, recall {result.Recall:P1}, F1 {result.F1:P1} (true positives {result.TruePositives}, false positives {result.FalsePositives}, false negatives {result.FalseNegatives})"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Occupation: top-1 {result.Top1:P1}, top-3 {result.Top3:P1}"));
            if (withDetails)
            {
                for (var i = 0; i < result.Details.Count; i++)
                {
                    var d = result.Details[i];
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{i + 1}: occupation rank {d.OccupationRank}; missed [{string.Join(", ", d.Missed)}]; extra [{string.Join(", ", d.Extra)}]"));
                }
            }

            return 0;
        });

        var eval = new Command("eval", "Measure Kompetensbron's algorithms against annotated data.");
        eval.Subcommands.Add(text);
        return eval;
    }
}

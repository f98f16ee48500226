using System.Text.Json;

namespace Kompetensbron.Core.Text;

/// <summary>A text annotated by a person: the skill ids they would tag and the occupation name it is about.</summary>
public sealed record AnnotatedText(string Text, IReadOnlyList<string> SkillIds, string OccupationId);

/// <summary>One annotated text as recognised: what was missed and what was found that the annotator did not tag.</summary>
public sealed record AnnotatedTextResult(AnnotatedText Annotated, IReadOnlyList<string> Missed, IReadOnlyList<string> Extra, int OccupationRank);

/// <summary>Precision and recall of skill recognition (micro-averaged) and top-1/top-3 occupation accuracy.</summary>
public sealed record TextEvaluationResult(
    int Texts, int TruePositives, int FalsePositives, int FalseNegatives, double Top1, double Top3,
    IReadOnlyList<AnnotatedTextResult> Details)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Measures a <see cref="SkillRecogniser"/> against annotated texts (JSON Lines, one ad per line).</summary>
public static class TextEvaluation
{
    /// <summary>
    /// Reads JSON Lines of <c>{"text": "…", "skills": ["id", …], "occupation": "id"}</c>; blank lines are skipped.
    /// A malformed line throws <see cref="InvalidDataException"/> naming its line number.
    /// </summary>
    public static IReadOnlyList<AnnotatedText> ReadJsonLines(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var texts = new List<AnnotatedText>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var text = root.GetProperty("text").GetString() ?? throw new InvalidDataException("\"text\" is null.");
                var skills = root.GetProperty("skills").EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray();
                var occupation = root.GetProperty("occupation").GetString() ?? string.Empty;
                texts.Add(new AnnotatedText(text, skills, occupation));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or InvalidDataException)
            {
                throw new InvalidDataException($"Line {number}: expected {{\"text\", \"skills\", \"occupation\"}} ({e.Message})", e);
            }
        }

        return texts;
    }

    /// <summary>Recognises every text and compares with its annotation.</summary>
    public static TextEvaluationResult Evaluate(SkillRecogniser recogniser, IEnumerable<AnnotatedText> texts)
    {
        ArgumentNullException.ThrowIfNull(recogniser);
        ArgumentNullException.ThrowIfNull(texts);
        int tp = 0, fp = 0, fn = 0, top1 = 0, top3 = 0, count = 0;
        var details = new List<AnnotatedTextResult>();
        foreach (var annotated in texts)
        {
            count++;
            var recognition = recogniser.Recognise(annotated.Text);
            var found = recognition.Skills.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var expected = annotated.SkillIds.ToHashSet(StringComparer.Ordinal);
            var missed = expected.Where(id => !found.Contains(id)).ToArray();
            var extra = found.Where(id => !expected.Contains(id)).ToArray();
            tp += expected.Count - missed.Length;
            fn += missed.Length;
            fp += extra.Length;
            var rank = 1 + recognition.Occupations.Select(o => o.Id).ToList().IndexOf(annotated.OccupationId);
            top1 += rank == 1 ? 1 : 0;
            top3 += rank is >= 1 and <= 3 ? 1 : 0;
            details.Add(new AnnotatedTextResult(annotated, missed, extra, rank));
        }

        return new TextEvaluationResult(
            count, tp, fp, fn, count == 0 ? 0 : (double)top1 / count, count == 0 ? 0 : (double)top3 / count, details);
    }
}

using Kompetensbron.Core.Text;

namespace Kompetensbron.Web.Persons;

/// <summary>A piece of the person's own text, marked when a skill was recognised in it.</summary>
public sealed record MarkedText(string Text, bool IsMatch)
{
    /// <summary>The text cut into plain and matched pieces (overlapping matches merged), for &lt;mark&gt;.</summary>
    public static IReadOnlyList<MarkedText> Split(string text, IEnumerable<TextSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = new List<MarkedText>();
        var at = 0;
        foreach (var span in spans.Where(s => s.Start >= 0 && s.Start + s.Length <= text.Length).OrderBy(s => s.Start))
        {
            var end = span.Start + span.Length;
            if (end <= at)
            {
                continue;
            }

            var start = Math.Max(at, span.Start);
            if (start > at)
            {
                pieces.Add(new MarkedText(text[at..start], false));
            }

            pieces.Add(new MarkedText(text[start..end], true));
            at = end;
        }

        if (at < text.Length)
        {
            pieces.Add(new MarkedText(text[at..], false));
        }

        return pieces;
    }
}

using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Kompetensbron.Web.Pages.AboutData;

/// <summary>
/// Renders the small Markdown subset that <c>data/SOURCES.md</c> uses — headings, paragraphs, lists, links,
/// emphasis, inline code, code blocks, quotes and tables — to safe HTML. Everything is HTML-encoded; links keep
/// only http(s), mailto and in-page addresses (repository-relative file links become plain text).
/// </summary>
public static partial class Markdown
{
    /// <param name="markdown">The Markdown text.</param>
    /// <param name="headingOffset">Added to each heading level so the document sits under the page's own h1.</param>
    public static string ToHtml(string markdown, int headingOffset = 1)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var html = new StringBuilder();
        var paragraph = new List<string>();
        string? listTag = null;
        var i = 0;

        void FlushParagraph()
        {
            if (paragraph.Count > 0)
            {
                html.Append("<p>").Append(Inline(string.Join(' ', paragraph))).Append("</p>\n");
                paragraph.Clear();
            }
        }

        void CloseList()
        {
            if (listTag is not null)
            {
                html.Append("</li></").Append(listTag).Append(">\n");
                listTag = null;
            }
        }

        while (i < lines.Length)
        {
            var line = lines[i];
            var trimmed = line.Trim();

            if (trimmed.Length == 0)
            {
                FlushParagraph();
                CloseList();
                i++;
                continue;
            }

            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                FlushParagraph();
                CloseList();
                var code = new List<string>();
                i++;
                while (i < lines.Length && !lines[i].Trim().StartsWith("```", StringComparison.Ordinal))
                {
                    code.Add(lines[i]);
                    i++;
                }

                html.Append("<pre><code>").Append(WebUtility.HtmlEncode(string.Join('\n', code))).Append("</code></pre>\n");
                i++;
                continue;
            }

            if (HeadingPattern().Match(trimmed) is { Success: true } heading)
            {
                FlushParagraph();
                CloseList();
                var level = Math.Min(6, heading.Groups[1].Length + headingOffset);
                html.Append("<h").Append(level).Append('>').Append(Inline(heading.Groups[2].Value.TrimEnd('#', ' ')))
                    .Append("</h").Append(level).Append(">\n");
                i++;
                continue;
            }

            if (trimmed.StartsWith('|') && i + 1 < lines.Length && TableSeparatorPattern().IsMatch(lines[i + 1].Trim()))
            {
                FlushParagraph();
                CloseList();
                html.Append("<div class=\"table-wrap\"><table>\n<thead><tr>");
                foreach (var cell in Cells(trimmed))
                {
                    html.Append("<th scope=\"col\">").Append(Inline(cell)).Append("</th>");
                }

                html.Append("</tr></thead>\n<tbody>\n");
                i += 2;
                while (i < lines.Length && lines[i].Trim().StartsWith('|'))
                {
                    html.Append("<tr>");
                    foreach (var cell in Cells(lines[i].Trim()))
                    {
                        html.Append("<td>").Append(Inline(cell)).Append("</td>");
                    }

                    html.Append("</tr>\n");
                    i++;
                }

                html.Append("</tbody>\n</table></div>\n");
                continue;
            }

            if (ListItemPattern().Match(line) is { Success: true } item)
            {
                FlushParagraph();
                var tag = char.IsDigit(item.Groups[1].Value[0]) ? "ol" : "ul";
                if (listTag != tag)
                {
                    CloseList();
                    html.Append('<').Append(tag).Append("><li>");
                    listTag = tag;
                }
                else
                {
                    html.Append("</li><li>");
                }

                html.Append(Inline(item.Groups[2].Value));
                i++;
                continue;
            }

            if (listTag is not null && char.IsWhiteSpace(line[0]))
            {
                // A continuation line of the current list item.
                html.Append(' ').Append(Inline(trimmed));
                i++;
                continue;
            }

            if (trimmed.StartsWith('>'))
            {
                FlushParagraph();
                CloseList();
                var quote = new List<string>();
                while (i < lines.Length && lines[i].Trim().StartsWith('>'))
                {
                    quote.Add(lines[i].Trim().TrimStart('>').Trim());
                    i++;
                }

                html.Append("<blockquote><p>").Append(Inline(string.Join(' ', quote))).Append("</p></blockquote>\n");
                continue;
            }

            CloseList();
            paragraph.Add(trimmed);
            i++;
        }

        FlushParagraph();
        CloseList();
        return html.ToString();
    }

    private static IEnumerable<string> Cells(string row)
    {
        var inner = row.Trim();
        if (inner.StartsWith('|'))
        {
            inner = inner[1..];
        }

        if (inner.EndsWith('|') && !inner.EndsWith("\\|", StringComparison.Ordinal))
        {
            inner = inner[..^1];
        }

        return CellSeparatorPattern().Split(inner).Select(c => c.Trim().Replace("\\|", "|", StringComparison.Ordinal));
    }

    /// <summary>Inline markup: code, links, autolinks, bare URLs, bold and emphasis; all text HTML-encoded.</summary>
    public static string Inline(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var html = new StringBuilder();
        var at = 0;
        foreach (Match m in InlinePattern().Matches(text))
        {
            html.Append(WebUtility.HtmlEncode(text[at..m.Index]));
            if (m.Groups["code"].Success)
            {
                html.Append("<code>").Append(WebUtility.HtmlEncode(m.Groups["code"].Value)).Append("</code>");
            }
            else if (m.Groups["ltext"].Success)
            {
                AppendLink(html, Inline(m.Groups["ltext"].Value), m.Groups["lurl"].Value);
            }
            else if (m.Groups["aurl"].Success)
            {
                AppendLink(html, WebUtility.HtmlEncode(m.Groups["aurl"].Value), m.Groups["aurl"].Value);
            }
            else if (m.Groups["bare"].Success)
            {
                AppendLink(html, WebUtility.HtmlEncode(m.Groups["bare"].Value), m.Groups["bare"].Value);
            }
            else if (m.Groups["bold"].Success)
            {
                html.Append("<strong>").Append(Inline(m.Groups["bold"].Value)).Append("</strong>");
            }
            else if (m.Groups["em"].Success)
            {
                html.Append("<em>").Append(Inline(m.Groups["em"].Value)).Append("</em>");
            }

            at = m.Index + m.Length;
        }

        html.Append(WebUtility.HtmlEncode(text[at..]));
        return html.ToString();
    }

    private static void AppendLink(StringBuilder html, string textHtml, string url)
    {
        var safe = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith('#');
        if (safe)
        {
            html.Append("<a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(textHtml).Append("</a>");
        }
        else
        {
            html.Append(textHtml);
        }
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex TableSeparatorPattern();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSeparatorPattern();

    [GeneratedRegex(@"^\s*([-*+]|\d+[.)])\s+(.*)$")]
    private static partial Regex ListItemPattern();

    [GeneratedRegex(
        @"`(?<code>[^`]+)`"
        + @"|\[(?<ltext>[^\]]+)\]\((?<lurl>[^)\s]+)(?:\s+""[^""]*"")?\)"
        + @"|<(?<aurl>(?:https?://|mailto:)[^>\s]+)>"
        + @"|(?<bare>https?://[^\s<>()|]*[^\s<>()|.,;:!?'""])"
        + @"|\*\*(?<bold>.+?)\*\*"
        + @"|(?<![\w*])[*_](?<em>[^*_\s](?:[^*_]*[^*_\s])?)[*_](?![\w*])")]
    private static partial Regex InlinePattern();
}

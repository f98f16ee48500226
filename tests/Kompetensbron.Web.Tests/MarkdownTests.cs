using Kompetensbron.Web.Pages.AboutData;

namespace Kompetensbron.Web.Tests;

public sealed class MarkdownTests
{
    [Fact]
    public void Renders_headings_paragraphs_lists_links_and_tables()
    {
        var html = Markdown.ToHtml("""
            # Title

            Some **bold** text
            on two lines with `code`.

            - one [JobTech](https://jobtechdev.se)
            - two
              continued

            1. first

            | a | b |
            |---|---|
            | 1 | 2 |
            """);

        Assert.Contains("<h2>Title</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Some <strong>bold</strong> text on two lines with <code>code</code>.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<ul><li>one <a href=\"https://jobtechdev.se\">JobTech</a></li><li>two continued</li></ul>", html, StringComparison.Ordinal);
        Assert.Contains("<ol><li>first</li></ol>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">a</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>2</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Encodes_html_and_drops_unsafe_or_relative_links()
    {
        var html = Markdown.ToHtml("<script>x</script> [a](javascript:alert(1)) [file](LICENSE-x)");

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"LICENSE-x\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Bare_urls_become_links_without_trailing_punctuation()
    {
        Assert.Contains("<a href=\"https://example.org/x\">https://example.org/x</a>.", Markdown.Inline("See https://example.org/x."), StringComparison.Ordinal);
    }
}

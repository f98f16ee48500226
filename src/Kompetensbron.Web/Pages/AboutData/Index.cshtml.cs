using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kompetensbron.Web.Pages.AboutData;

public sealed class IndexModel : PageModel
{
    /// <summary>data/SOURCES.md, embedded at build time and rendered once.</summary>
    private static readonly Lazy<string?> SourcesHtml = new(() =>
    {
        using var stream = typeof(IndexModel).Assembly.GetManifestResourceStream("Kompetensbron.Web.SOURCES.md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return Markdown.ToHtml(reader.ReadToEnd());
    });

    public string? Sources => SourcesHtml.Value;

    public void OnGet()
    {
    }
}

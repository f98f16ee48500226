using System.Net.Http.Headers;
using Kompetensbron.Web.Tests.Infrastructure;

namespace Kompetensbron.Web.Tests.Import;

/// <summary>Uploads a file through <c>/importera</c> as a browser would (multipart form with the antiforgery token).</summary>
internal static class ImportUpload
{
    public const string Page = "/importera";

    public static async Task<(HttpResponseMessage Response, string Html)> UploadAsync(
        HttpClient client, string kind, string fileName, byte[] content, bool dryRun)
    {
        var token = Html.AntiforgeryToken(await client.GetStringAsync(new Uri(Page, UriKind.Relative)));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "Kind" },
            { new StringContent(dryRun ? "true" : "false"), "DryRun" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Upload", fileName);
        var response = await client.PostAsync(new Uri(Page, UriKind.Relative), form);
        return (response, Html.Decode(await response.Content.ReadAsStringAsync()));
    }

    public static async Task<(HttpResponseMessage Response, string Html)> ConfirmAsync(HttpClient client, string dryRunHtml)
    {
        var ticket = System.Text.RegularExpressions.Regex.Match(dryRunHtml, "name=\"ticket\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(ticket);
        var response = await client.SubmitFormAsync(Page, [new("ticket", ticket)], Page + "?handler=Confirm");
        return (response, Html.Decode(await response.Content.ReadAsStringAsync()));
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kompetensbron.Web.Tests.Infrastructure;
using static Kompetensbron.Web.Tests.Api.ApiTesting;

namespace Kompetensbron.Web.Tests.Security;

/// <summary>
/// Malformed form and multipart bodies, sent anonymously to a page and to the API, as the production app gets them:
/// 400 (the error page, or problem details), never a 500.
/// </summary>
public sealed class MalformedRequestTests(ProductionWebFactory factory) : IClassFixture<ProductionWebFactory>
{
    private const string Boundary = "kompetensbron-test";

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var body in new[] { "multipart-without-boundary", "too-many-fields", "long-key", "unterminated", "quote-in-file-name" })
        {
            data.Add(body, "GET", "/");
            data.Add(body, "POST", "/konto/logga-in");
            data.Add(body, "GET", $"/api/v1/taxonomy/skills/{TigWelding}");
            data.Add(body, "POST", "/api/v1/needs");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_malformed_body_is_answered_400_not_500(string body, string method, string path)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = Content(body) };

        using var response = await client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        else
        {
            Assert.Contains("Det gick inte att läsa det du skickade", Html.Decode(text), StringComparison.Ordinal);
        }
    }

    private static ByteArrayContent Content(string body)
    {
        var (contentType, text) = body switch
        {
            "multipart-without-boundary" => ("multipart/form-data", "a=1"),
            "too-many-fields" => ("application/x-www-form-urlencoded", string.Join('&', Enumerable.Range(0, 1_100).Select(i => $"f{i}=1"))),
            "long-key" => ("application/x-www-form-urlencoded", new string('k', 2_100) + "=1"),
            "unterminated" => ($"multipart/form-data; boundary={Boundary}", $"--{Boundary}\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end"),
            "quote-in-file-name" => ($"multipart/form-data; boundary={Boundary}",
                $"--{Boundary}\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"b.txt\"\r\nContent-Type: text/plain\r\n\r\nx\r\n--{Boundary}--\r\n"),
            _ => throw new ArgumentOutOfRangeException(nameof(body)),
        };
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}

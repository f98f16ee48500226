using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Tests.Infrastructure;
using static Kompetensbron.Web.Tests.Api.ApiTesting;

namespace Kompetensbron.Web.Tests.Security;

/// <summary>
/// The README's run (Development): no answer repeats the request's credentials or shows a stack trace, and an API
/// parameter that does not bind is problem details naming it (as in every environment).
/// </summary>
public sealed class DevelopmentErrorTests(DevelopmentWebFactory factory) : IClassFixture<DevelopmentWebFactory>
{
    private const string Cookie = "kompetensbron.auth=secret-cookie-value";

    [Theory]
    [InlineData("/api/v1/needs?limit=many", "limit")]
    [InlineData("/api/v1/needs?organisation=first", "organisation")]
    [InlineData("/api/v1/needs?updatedSince=yesterday", "updatedSince")]
    [InlineData("/api/v1/programmes?limit=1.5", "limit")]
    public async Task A_query_parameter_that_does_not_bind_is_problem_details_naming_it(string path, string parameter)
    {
        var (token, client) = await TokenClientAsync();
        using (client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.Add("Cookie", Cookie);
            using var response = await client.SendAsync(request);

            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
            AssertRevealsNothing(problem.ToString(), token);
        }
    }

    [Theory]
    [InlineData("{\"title\":\"Svetsare\",\"headcount\":\"many\"}", "headcount")]
    [InlineData("{\"title\":\"Svetsare\",\"skills\":[{\"skillId\":\"x\",\"importance\":\"high\"}]}", "skills[0].importance")]
    [InlineData("{\"title\":", "title")]
    [InlineData("not json", "input")]
    public async Task A_json_body_that_does_not_bind_is_problem_details_naming_the_field(string json, string field)
    {
        var (token, client) = await TokenClientAsync();
        using (client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/needs", UriKind.Relative))
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Cookie", Cookie);
            using var response = await client.SendAsync(request);

            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
            AssertRevealsNothing(problem.ToString(), token);
        }
    }

    [Theory]
    [InlineData("/api/v1" + DevelopmentWebFactory.ThrowingPath, "application/json")]
    [InlineData(DevelopmentWebFactory.ThrowingPath, "application/json")]
    [InlineData(DevelopmentWebFactory.ThrowingPath, "text/html")]
    public async Task An_exception_is_a_plain_500_without_the_exception_or_the_request(string path, string accept)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "kbt_secret-bearer-value");
        request.Headers.Add("Cookie", Cookie);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));

        using var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"{(int)response.StatusCode} {response.Content.Headers.ContentType}: {body}");
        AssertRevealsNothing(body, "kbt_secret-bearer-value");
        Assert.DoesNotContain("A bug in the app", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }

    private async Task<(string Token, HttpClient Client)> TokenClientAsync()
    {
        var (_, organisationId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var token = await CreateTokenAsync(factory, organisationId!.Value);
        return (token, WithToken(factory, token));
    }

    private static void AssertRevealsNothing(string body, string token)
    {
        Assert.DoesNotContain(token, body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-cookie-value", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }
}

using System.Net;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Tests.Infrastructure;

namespace Kompetensbron.Web.Tests;

[Collection(WebApp.Name)]
public sealed class RolePageTests(KompetensbronWebFactory factory)
{
    public static TheoryData<string, string, string> Pages => new()
    {
        { "/min-sida", Roles.Person, Roles.Employer },
        { "/arbetsgivare", Roles.Employer, Roles.Person },
        { "/utbildningsanordnare", Roles.EducationProvider, Roles.Coordinator },
        { "/samordnare", Roles.Coordinator, Roles.EducationProvider },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_role_page_is_for_its_role_only(string page, string role, string otherRole)
    {
        using (var anonymous = factory.Browser())
        {
            using var response = await anonymous.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/konto/logga-in?ReturnUrl=", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        using (var other = factory.Browser())
        {
            var (email, _) = await TestAccounts.CreateAsync(factory, otherRole);
            using var login = await other.LoginAsync(email, TestAccounts.Password);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            using var response = await other.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("Du har inte tillgång till sidan", Html.Decode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var own = factory.Browser())
        {
            var (email, _) = await TestAccounts.CreateAsync(factory, role);
            using var login = await own.LoginAsync(email, TestAccounts.Password);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.Equal(page, login.Headers.Location?.OriginalString);
            using var response = await own.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_summary()
    {
        var (email, _) = await TestAccounts.CreateAsync(factory, Roles.Person);
        using var client = factory.Browser();

        using var response = await client.LoginAsync(email, "fel lösenord här");
        var html = Html.Decode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_Email\">E-postadressen eller lösenordet är fel, eller så är kontot låst.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_honours_a_local_return_url_and_logout_signs_out()
    {
        var (email, _) = await TestAccounts.CreateAsync(factory, Roles.Person);
        using var client = factory.Browser();

        using var login = await client.SubmitFormAsync(
            "/konto/logga-in?ReturnUrl=%2Fom-data",
            [new("Input.Email", email), new("Input.Password", TestAccounts.Password), new("ReturnUrl", "/om-data")]);
        Assert.Equal("/om-data", login.Headers.Location?.OriginalString);

        using var logout = await client.SubmitFormAsync("/konto/logga-ut", []);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        using var after = await client.GetAsync(new Uri("/min-sida", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Logout_without_an_antiforgery_token_is_refused()
    {
        var (email, _) = await TestAccounts.CreateAsync(factory, Roles.Person);
        using var client = factory.Browser();
        using var login = await client.LoginAsync(email, TestAccounts.Password);

        using var content = new FormUrlEncodedContent([]);
        using var response = await client.PostAsync(new Uri("/konto/logga-ut", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

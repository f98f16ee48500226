using System.Net;
using Kompetensbron.Data.Demo;
using Kompetensbron.Web.Accounts;
using Kompetensbron.Web.Tests.Infrastructure;

namespace Kompetensbron.Web.Tests;

/// <summary>The demo accounts the start page shows really log in, each to its role's page.</summary>
[Collection(WebApp.Name)]
public sealed class DemoAccountTests(KompetensbronWebFactory factory)
{
    public static TheoryData<string> Emails => new(DemoSeeder.DemoAccounts.Select(a => a.Email));

    [Fact]
    public async Task Start_page_lists_the_demo_accounts_while_demo_data_is_loaded()
    {
        using var client = factory.Browser();
        var html = Html.Decode(await client.GetStringAsync(new Uri("/", UriKind.Relative)));

        Assert.Contains("data-testid=\"demo-notice\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"demo-banner\"", html, StringComparison.Ordinal);
        foreach (var account in DemoSeeder.DemoAccounts)
        {
            Assert.Contains(account.Email, html, StringComparison.Ordinal);
            Assert.Contains(account.Password, html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Emails))]
    public async Task A_demo_account_logs_in_to_its_role_page(string email)
    {
        var account = DemoSeeder.DemoAccounts.Single(a => a.Email == email);
        var page = RolePages.For([account.Role]);
        using var client = factory.Browser();

        using var login = await client.LoginAsync(account.Email, account.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(page, login.Headers.Location?.OriginalString);

        using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

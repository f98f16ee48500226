using System.Net;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kompetensbron.Web.Tests.Security;

[Collection(WebApp.Name)]
public sealed class LoginHardeningTests(KompetensbronWebFactory factory)
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var (email, _) = await TestAccounts.CreateAsync(factory, Roles.Person);
        using var client = factory.Browser();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.LoginAsync(email, "inte rätt lösenord");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        // The same message as any failed login (an unknown address gets it too: AccountEnumerationTests).
        using var right = await client.LoginAsync(email, TestAccounts.Password);
        var html = Html.Decode(await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("eller så är kontot låst. Efter fem försök med fel lösenord låses kontot i 15 minuter.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_password_policy_and_lockout_are_configured()
    {
        var identity = factory.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;

        Assert.Equal(10, identity.Password.RequiredLength);
        Assert.Equal(4, identity.Password.RequiredUniqueChars);
        Assert.True(identity.Lockout.AllowedForNewUsers);
        Assert.Equal(5, identity.Lockout.MaxFailedAccessAttempts);
        Assert.Equal(TimeSpan.FromMinutes(15), identity.Lockout.DefaultLockoutTimeSpan);
    }

    [Fact]
    public async Task A_short_or_repetitive_password_is_refused_at_registration()
    {
        using var client = factory.Browser();
        foreach (var password in new[] { "kort", "aaaaaaaaaaaa" })
        {
            using var response = await client.SubmitFormAsync("/konto/registrera",
            [
                new("Input.DisplayName", "Test Person"), new("Input.MunicipalityCode", "0662"),
                new("Input.Email", $"pw-{Guid.NewGuid():N}@test.example"), new("Input.Password", password), new("Input.ConfirmPassword", password),
            ]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("href=\"#Input_Password\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}

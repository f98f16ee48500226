using System.Net;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Security;

/// <summary>New passwords are checked against the shipped list of common passwords and the person's own details.</summary>
[Collection(WebApp.Name)]
public sealed class CommonPasswordTests(KompetensbronWebFactory factory)
{
    [Theory]
    [InlineData("1234567890")]
    [InlineData("Password123")]
    [InlineData("QWERTYUIOP")]
    [InlineData("Sommar2024!")]
    [InlineData("lösenord12345")]
    public async Task Registration_refuses_a_common_password_with_a_clear_message(string password)
    {
        var email = $"vanligt-{Guid.NewGuid():N}@test.example";
        using var client = factory.Browser();

        using var response = await client.SubmitFormAsync("/konto/registrera", PersonForm("Vera Test", email, password));
        var html = Html.Decode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#Input_Password\"", html, StringComparison.Ordinal);
        Assert.Contains("Lösenordet är för vanligt", html, StringComparison.Ordinal);
        Assert.Empty(Outbox.To(factory, email));
    }

    [Fact]
    public async Task Registration_refuses_a_password_made_of_the_persons_name_or_email()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        using var client = factory.Browser();

        foreach (var (email, password) in new[] { ($"bertil{unique}@test.example", $"Bertil{unique}!!"), ($"x{unique}@test.example", "Gunnel Ekström 1987") })
        {
            using var response = await client.SubmitFormAsync("/konto/registrera", PersonForm("Gunnel Ekström", email, password));
            var html = Html.Decode(await response.Content.ReadAsStringAsync());

            Assert.Contains("Lösenordet får inte innehålla din e-postadress eller ditt namn", html, StringComparison.Ordinal);
            Assert.Empty(Outbox.To(factory, email));
        }
    }

    [Fact]
    public async Task The_same_rule_holds_for_the_cli_and_any_password_change()
    {
        using var cli = new CliSandbox("common-password");
        var refused = await cli.Run("users", "add", "--email", "admin@example.se", "--password", "Password123", "--role", "coordinator");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("too common", refused.Error, StringComparison.Ordinal);

        var (email, _) = await TestAccounts.CreateAsync(factory, Roles.Person);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KompetensbronUser>>();
        var user = await users.FindByEmailAsync(email);
        var changed = await users.ChangePasswordAsync(user!, TestAccounts.Password, "iloveyou2025");
        Assert.False(changed.Succeeded);
        Assert.Contains(changed.Errors, e => e.Code == "PasswordTooCommon");
    }

    [Fact]
    public async Task An_uncommon_password_is_accepted()
    {
        var email = $"ovanligt-{Guid.NewGuid():N}@test.example";
        using var client = factory.Browser();

        using var response = await client.SubmitFormAsync("/konto/registrera", PersonForm("Vera Test", email, "korp i snöstorm vid Vättern"));
        Assert.Equal("/konto/kolla-e-posten", response.Headers.Location?.OriginalString);
        using var confirmed = await client.ConfirmSignUpAsync(factory, email);

        Assert.Equal("/min-sida", confirmed.Headers.Location?.OriginalString);
        Assert.NotNull(await FindAsync(email));
    }

    private async Task<KompetensbronUser?> FindAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<KompetensbronUser>>().FindByEmailAsync(email);
    }

    private static KeyValuePair<string, string>[] PersonForm(string name, string email, string password) =>
    [
        new("Input.DisplayName", name), new("Input.MunicipalityCode", "0662"),
        new("Input.Email", email), new("Input.Password", password), new("Input.ConfirmPassword", password),
    ];
}

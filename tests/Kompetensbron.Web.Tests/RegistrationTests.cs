using System.Net;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests;

[Collection(WebApp.Name)]
public sealed class RegistrationTests(KompetensbronWebFactory factory)
{
    private static readonly string[] PersonFieldsInFormOrder =
        ["#Input_DisplayName", "#Input_MunicipalityCode", "#Input_Email", "#Input_ConfirmPassword"];

    [Fact]
    public async Task A_person_registers_and_gets_an_account_in_role_Person_with_an_empty_profile()
    {
        var email = $"person-{Guid.NewGuid():N}@test.example";
        using var client = factory.Browser();

        using var response = await client.SubmitFormAsync("/konto/registrera",
        [
            new("Input.DisplayName", "Amina Test"),
            new("Input.MunicipalityCode", "0662"),
            new("Input.Email", email),
            new("Input.Password", TestAccounts.Password),
            new("Input.ConfirmPassword", TestAccounts.Password),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/konto/kolla-e-posten", response.Headers.Location?.OriginalString);

        // The account is made from the link in the e-mail, which also logs the person in.
        using var confirmed = await client.ConfirmSignUpAsync(factory, email);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/min-sida", confirmed.Headers.Location?.OriginalString);

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KompetensbronUser>>();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        Assert.True(user.IsApproved);
        Assert.True(user.EmailConfirmed);
        Assert.Equal([Roles.Person], await users.GetRolesAsync(user));
        var profile = await db.Profiles.Include(p => p.Skills).SingleAsync(p => p.UserId == user.Id);
        Assert.Equal("Amina Test", profile.DisplayName);
        Assert.Equal("0662", profile.MunicipalityCode);
        Assert.Empty(profile.Skills);
        Assert.NotEqual(0, profile.Latitude);

        var myPage = Html.Decode(await client.GetStringAsync(new Uri("/min-sida", UriKind.Relative)));
        Assert.Contains("Amina Test", myPage, StringComparison.Ordinal);
        Assert.Contains("Gislaved", myPage, StringComparison.Ordinal);
        Assert.Equal(0, Html.Count(myPage, "skills"));
    }

    [Fact]
    public async Task Person_registration_lists_Jonkoping_county_first_and_explains_each_missing_field()
    {
        using var client = factory.Browser();
        var form = Html.Decode(await client.GetStringAsync(new Uri("/konto/registrera", UriKind.Relative)));
        var jonkoping = form.IndexOf(">Jönköping<", StringComparison.Ordinal);
        var stockholm = form.IndexOf(">Stockholm<", StringComparison.Ordinal);
        Assert.True(jonkoping > 0 && stockholm > jonkoping, "Jönköping county's municipalities come first");

        using var response = await client.SubmitFormAsync("/konto/registrera",
        [
            new("Input.DisplayName", ""),
            new("Input.MunicipalityCode", ""),
            new("Input.Email", "inte-en-adress"),
            new("Input.Password", "kort"),
            new("Input.ConfirmPassword", "annat"),
        ]);
        var html = Html.Decode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Fel:", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_DisplayName\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_MunicipalityCode\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Email\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_ConfirmPassword\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        var order = PersonFieldsInFormOrder.Select(id => html.IndexOf($"href=\"{id}\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(order.Order().ToList(), order);
    }

    [Fact]
    public async Task A_bad_organisation_number_shows_the_error_summary_naming_the_field()
    {
        using var client = factory.Browser();

        using var response = await client.SubmitFormAsync("/konto/registrera-organisation",
            OrganisationForm("Felnummer AB", "556000-0002", $"fel-{Guid.NewGuid():N}@test.example"));
        var html = Html.Decode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_OrganisationNumber\">Organisationsnumret är inte rätt", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_OrganisationNumber-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_organisation_waits_until_a_coordinator_approves_it()
    {
        var memberEmail = $"arbetsgivare-{Guid.NewGuid():N}@test.example";
        var number = TestAccounts.UniqueOrganisationNumber();
        using var member = factory.Browser();

        using var registered = await member.SubmitFormAsync("/konto/registrera-organisation",
            OrganisationForm("Gnosjö Svarv AB", number.Replace("-", "", StringComparison.Ordinal), memberEmail));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/konto/kolla-e-posten", registered.Headers.Location?.OriginalString);
        using var confirmed = await member.ConfirmSignUpAsync(factory, memberEmail);
        Assert.Equal("/konto/vantar-pa-godkannande", confirmed.Headers.Location?.OriginalString);

        int organisationId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var organisation = await db.Organisations.Include(o => o.Sites).SingleAsync(o => o.OrganisationNumber == number);
            Assert.False(organisation.IsApproved);
            Assert.Equal(OrganisationKind.Employer, organisation.Kind);
            Assert.Equal("0662", Assert.Single(organisation.Sites).MunicipalityCode);
            organisationId = organisation.Id;
            var user = await db.Users.SingleAsync(u => u.Email == memberEmail);
            Assert.False(user.IsApproved);
            Assert.Equal(organisationId, user.OrganisationId);
        }

        // Waiting: the employer page sends the member to the waiting page, also after a new login.
        using (var waiting = await member.GetAsync(new Uri("/arbetsgivare", UriKind.Relative)))
        {
            Assert.Equal("/konto/vantar-pa-godkannande", waiting.Headers.Location?.OriginalString);
        }

        using var coordinator = factory.Browser();
        var (coordinatorEmail, _) = await TestAccounts.CreateAsync(factory, Roles.Coordinator);
        using var login = await coordinator.LoginAsync(coordinatorEmail, TestAccounts.Password);
        var pending = Html.Decode(await coordinator.GetStringAsync(new Uri("/samordnare", UriKind.Relative)));
        Assert.Contains("Gnosjö Svarv AB", pending, StringComparison.Ordinal);

        using var approve = await coordinator.SubmitFormAsync(
            "/samordnare", [new("organisationId", organisationId.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            action: "/samordnare?handler=ApproveOrganisation");
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        var after = Html.Decode(await coordinator.GetStringAsync(new Uri("/samordnare", UriKind.Relative)));
        Assert.Contains("Gnosjö Svarv AB är godkänd", after, StringComparison.Ordinal);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            Assert.True((await db.Organisations.SingleAsync(o => o.Id == organisationId)).IsApproved);
            Assert.True((await db.Users.SingleAsync(u => u.Email == memberEmail)).IsApproved);
        }

        using var employerPage = await member.GetAsync(new Uri("/arbetsgivare", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, employerPage.StatusCode);
        Assert.Contains("Gnosjö Svarv AB", Html.Decode(await employerPage.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_needs_the_coordinator_role()
    {
        var (email, organisationId) = await TestAccounts.CreateAsync(factory, Roles.Employer, approved: false);
        using var client = factory.Browser();
        using var login = await client.LoginAsync(email, TestAccounts.Password);
        Assert.Equal("/konto/vantar-pa-godkannande", login.Headers.Location?.OriginalString);

        var token = Html.AntiforgeryToken(await client.GetStringAsync(new Uri("/konto/logga-in", UriKind.Relative)));
        using var content = new FormUrlEncodedContent(
        [
            new("organisationId", organisationId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("__RequestVerificationToken", token),
        ]);
        using var response = await client.PostAsync(new Uri("/samordnare?handler=ApproveOrganisation", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        Assert.False((await db.Organisations.SingleAsync(o => o.Id == organisationId)).IsApproved);
    }

    private static KeyValuePair<string, string>[] OrganisationForm(string name, string number, string email) =>
    [
        new("Input.OrganisationName", name),
        new("Input.OrganisationNumber", number),
        new("Input.Kind", nameof(OrganisationKind.Employer)),
        new("Input.MunicipalityCode", "0662"),
        new("Input.DisplayName", "Erik Test"),
        new("Input.Email", email),
        new("Input.Password", TestAccounts.Password),
        new("Input.ConfirmPassword", TestAccounts.Password),
    ];
}

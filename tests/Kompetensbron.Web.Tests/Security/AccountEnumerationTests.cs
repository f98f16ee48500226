using System.Net;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kompetensbron.Web.Tests.Security;

/// <summary>
/// Registration and login answer alike whether or not an account exists: same status, same text, and (for login)
/// the same password-hash work. The difference is only in the e-mail, which goes to the address's owner.
/// </summary>
[Collection(WebApp.Name)]
public sealed class AccountEnumerationTests(KompetensbronWebFactory factory)
{
    [Fact]
    public async Task Registering_an_address_with_an_account_answers_exactly_like_a_new_address()
    {
        var (existing, _) = await TestAccounts.CreateAsync(factory, Roles.Person);
        var fresh = $"ny-{Guid.NewGuid():N}@test.example";

        var forExisting = await RegisterAsync(existing);
        var forFresh = await RegisterAsync(fresh);

        Assert.Equal(HttpStatusCode.Redirect, forFresh.Status);
        Assert.Equal(forFresh, forExisting);

        // The owner of the existing account hears about the attempt; the new address gets the link.
        var notice = Assert.Single(Outbox.To(factory, existing));
        Assert.DoesNotContain("/konto/bekrafta", notice, StringComparison.Ordinal);
        Assert.Contains("/konto/logga-in", notice, StringComparison.Ordinal);
        Assert.Contains("/konto/bekrafta?token=", Assert.Single(Outbox.To(factory, fresh)), StringComparison.Ordinal);

        // Nothing is created before the link is opened.
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<KompetensbronUser>>().FindByEmailAsync(fresh));
    }

    [Fact]
    public async Task Registering_an_organisation_with_a_taken_address_answers_like_a_new_one_and_creates_nothing()
    {
        var (existing, _) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var number = TestAccounts.UniqueOrganisationNumber();
        using var client = factory.Browser();

        using var response = await client.SubmitFormAsync("/konto/registrera-organisation",
        [
            new("Input.OrganisationName", "Dubblett AB"), new("Input.OrganisationNumber", number), new("Input.Kind", "Employer"),
            new("Input.MunicipalityCode", "0662"), new("Input.DisplayName", "Erik Test"), new("Input.Email", existing),
            new("Input.Password", TestAccounts.Password), new("Input.ConfirmPassword", TestAccounts.Password),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/konto/kolla-e-posten", response.Headers.Location?.OriginalString);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Kompetensbron.Data.KompetensbronDbContext>();
        Assert.False(db.Organisations.Any(o => o.OrganisationNumber == number));
    }

    [Fact]
    public async Task Login_answers_alike_for_a_wrong_password_an_unknown_address_and_a_locked_account()
    {
        var (real, _) = await TestAccounts.CreateAsync(factory, Roles.Person);
        var unknown = $"finns-inte-{Guid.NewGuid():N}@test.example";

        var wrongPassword = await LoginAsync(real, "inte rätt lösenord");
        var noAccount = await LoginAsync(unknown, "inte rätt lösenord");
        Assert.Equal(HttpStatusCode.OK, wrongPassword.Status);
        Assert.Equal(wrongPassword.Status, noAccount.Status);
        Assert.Equal(Mask(wrongPassword.Body, real), Mask(noAccount.Body, unknown));

        // After enough failures to lock the real account, both still answer the same, even to the right password.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await LoginAsync(real, "inte rätt lösenord");
            await LoginAsync(unknown, "inte rätt lösenord");
        }

        var locked = await LoginAsync(real, TestAccounts.Password);
        var stillNoAccount = await LoginAsync(unknown, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, locked.Status);
        Assert.Equal(locked.Status, stillNoAccount.Status);
        Assert.Equal(Mask(locked.Body, real), Mask(stillNoAccount.Body, unknown));
        Assert.Equal(Mask(wrongPassword.Body, real), Mask(locked.Body, real));
    }

    [Fact]
    public async Task A_login_for_an_unknown_address_verifies_a_password_hash_like_a_real_one()
    {
        await using var counting = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.Replace(ServiceDescriptor.Singleton<IPasswordHasher<KompetensbronUser>, CountingPasswordHasher>())));
        var hasher = (CountingPasswordHasher)counting.Services.GetRequiredService<IPasswordHasher<KompetensbronUser>>();
        var (real, _) = await TestAccounts.CreateAsync(counting, Roles.Person);
        using var client = counting.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var before = hasher.Verifications;
        using (var wrong = await client.LoginAsync(real, "inte rätt lösenord"))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var forReal = hasher.Verifications - before;
        before = hasher.Verifications;
        using (var unknown = await client.LoginAsync($"finns-inte-{Guid.NewGuid():N}@test.example", "inte rätt lösenord"))
        {
            Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        }

        Assert.Equal(1, forReal);
        Assert.Equal(forReal, hasher.Verifications - before);
    }

    private async Task<(HttpStatusCode Status, string? Location, string Body)> RegisterAsync(string email)
    {
        using var client = factory.Browser();
        using var response = await client.SubmitFormAsync("/konto/registrera",
        [
            new("Input.DisplayName", "Test Testsson"), new("Input.MunicipalityCode", "0662"), new("Input.Email", email),
            new("Input.Password", TestAccounts.Password), new("Input.ConfirmPassword", TestAccounts.Password),
        ]);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.Count() : 0;
        Assert.Equal(0, cookies);
        return (response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync());
    }

    private async Task<(HttpStatusCode Status, string Body)> LoginAsync(string email, string password)
    {
        using var client = factory.Browser();
        using var response = await client.LoginAsync(email, password);
        return (response.StatusCode, Html.Decode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The page without what differs by nature: the address typed back into the field and the form token.</summary>
    private static string Mask(string html, string email) =>
        System.Text.RegularExpressions.Regex.Replace(html.Replace(email, "ADDRESS", StringComparison.Ordinal), "value=\"CfDJ8[^\"]*\"", "value=\"TOKEN\"");

    /// <summary>The real hasher, counting how often a password is checked against a hash.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<KompetensbronUser>
    {
        private readonly PasswordHasher<KompetensbronUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(KompetensbronUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(KompetensbronUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

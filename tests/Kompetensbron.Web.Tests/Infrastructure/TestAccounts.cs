using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Infrastructure;

/// <summary>Accounts a test makes for itself, so no test depends on the demo data set.</summary>
public static class TestAccounts
{
    public const string Password = "ett långt lösenord 42";

    /// <summary>Creates an approved user in <paramref name="role"/>; employer and provider users get an approved organisation.</summary>
    public static async Task<(string Email, int? OrganisationId)> CreateAsync<T>(
        WebApplicationFactory<T> factory, string role, bool approved = true)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KompetensbronUser>>();
        var unique = Guid.NewGuid().ToString("N")[..10];

        int? organisationId = null;
        if (role is Roles.Employer or Roles.EducationProvider)
        {
            var organisation = new Organisation
            {
                Kind = role == Roles.Employer ? OrganisationKind.Employer : OrganisationKind.EducationProvider,
                Name = $"Testorganisation {unique}",
                OrganisationNumber = UniqueOrganisationNumber(),
                IsApproved = approved,
                CreatedAt = DateTimeOffset.UtcNow,
                Sites = [new Site { Name = "Huvudkontoret", MunicipalityCode = "0662" }],
            };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            organisationId = organisation.Id;
        }

        var email = $"{role.ToLowerInvariant()}-{unique}@test.example";
        var user = new KompetensbronUser
        {
            UserName = email,
            Email = email,
            DisplayName = $"Test {role}",
            OrganisationId = organisationId,
            IsApproved = approved,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return (email, organisationId);
    }

    /// <summary>A person signed up as on the web (account and profile, through <see cref="Registration"/>).</summary>
    public static async Task<TestPerson> CreatePersonAsync<T>(WebApplicationFactory<T> factory, string displayName = "Testa Testsson")
        where T : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var registration = scope.ServiceProvider.GetRequiredService<Registration>();
        var geography = scope.ServiceProvider.GetRequiredService<GeographyModel>();
        var email = $"person-{Guid.NewGuid():N}@test.example";
        var result = await registration.RegisterPersonAsync(
            new PersonRegistration(displayName, geography.FindMunicipality("0662")!, email, Password), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var profileId = db.Profiles.Where(p => p.UserId == result.User!.Id).Select(p => p.Id).Single();
        return new TestPerson(email, result.User!.Id, profileId);
    }

    /// <summary>A valid (Luhn) organisation number nobody else in the test run uses.</summary>
    public static string UniqueOrganisationNumber()
    {
        var nine = "55" + Random.Shared.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        var check = OrganisationNumber.CheckDigit(nine);
        return $"{nine[..6]}-{nine[6..]}{check}";
    }
}

/// <summary>A person made by <see cref="TestAccounts.CreatePersonAsync{T}"/>.</summary>
public sealed record TestPerson(string Email, string UserId, int ProfileId);

using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Profiles;
using Microsoft.AspNetCore.Identity;

namespace Kompetensbron.Data.Accounts;

/// <summary>A person signing up: their account and an empty profile in their municipality.</summary>
public sealed record PersonRegistration(string DisplayName, Municipality Municipality, string Email, string Password)
{
    /// <summary>The e-mail link route (<see cref="Registration.HashNewPasswordAsync"/>): checked and hashed earlier; replaces Password.</summary>
    public string? PasswordHash { get; init; }
}

/// <summary>An employer or education provider signing up: the organisation, one site and its first member.</summary>
public sealed record OrganisationRegistration(
    string OrganisationName,
    string OrganisationNumber,
    OrganisationKind Kind,
    Municipality Municipality,
    string DisplayName,
    string Email,
    string Password)
{
    /// <summary>The e-mail link route (<see cref="Registration.HashNewPasswordAsync"/>): checked and hashed earlier; replaces Password.</summary>
    public string? PasswordHash { get; init; }
}

/// <summary>The created account, or Identity's reasons why not.</summary>
public sealed record RegistrationResult(KompetensbronUser? User, IReadOnlyList<IdentityError> Errors)
{
    public bool Succeeded => User is not null;
}

/// <summary>
/// Creating accounts: self-registration (persons are approved at once; organisations and their members wait for a
/// coordinator) and approved accounts created by an administrator (<c>kompetensbron users add</c>).
/// </summary>
public sealed class Registration(KompetensbronDbContext db, UserManager<KompetensbronUser> users, TimeProvider time)
{
    public async Task<RegistrationResult> RegisterPersonAsync(PersonRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var user = new KompetensbronUser
        {
            UserName = registration.Email,
            Email = registration.Email,
            DisplayName = registration.DisplayName,
            IsApproved = true,
            CreatedAt = now,
        };
        var errors = await CreateAsync(user, registration.Password, registration.PasswordHash, Roles.Person);
        if (errors.Count > 0)
        {
            return new RegistrationResult(null, errors);
        }

        db.Profiles.Add(new Profile
        {
            UserId = user.Id,
            DisplayName = registration.DisplayName,
            MunicipalityCode = registration.Municipality.Code,
            Latitude = registration.Municipality.Centre.Latitude,
            Longitude = registration.Municipality.Centre.Longitude,
            // Nobody sees a new profile until the person chooses to show it.
            Visibility = ProfileVisibility.Hidden,
            CreatedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RegistrationResult(user, []);
    }

    public async Task<RegistrationResult> RegisterOrganisationAsync(OrganisationRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var organisation = new Organisation
        {
            Kind = registration.Kind,
            Name = registration.OrganisationName,
            OrganisationNumber = registration.OrganisationNumber,
            IsApproved = false,
            CreatedAt = now,
            Sites =
            [
                new Site
                {
                    Name = registration.OrganisationName,
                    MunicipalityCode = registration.Municipality.Code,
                    Latitude = registration.Municipality.Centre.Latitude,
                    Longitude = registration.Municipality.Centre.Longitude,
                },
            ],
        };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);

        var user = new KompetensbronUser
        {
            UserName = registration.Email,
            Email = registration.Email,
            DisplayName = registration.DisplayName,
            OrganisationId = organisation.Id,
            IsApproved = false,
            CreatedAt = now,
        };
        var role = registration.Kind == OrganisationKind.Employer ? Roles.Employer : Roles.EducationProvider;
        var errors = await CreateAsync(user, registration.Password, registration.PasswordHash, role);
        if (errors.Count > 0)
        {
            return new RegistrationResult(null, errors);
        }

        await transaction.CommitAsync(cancellationToken);
        return new RegistrationResult(user, []);
    }

    /// <summary>An approved account in a role, optionally a member of an existing organisation; no profile.</summary>
    public async Task<RegistrationResult> CreateApprovedAccountAsync(
        string email, string displayName, string password, string role, int? organisationId)
    {
        var user = new KompetensbronUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            OrganisationId = organisationId,
            IsApproved = true,
            CreatedAt = time.GetUtcNow(),
        };
        var errors = await CreateAsync(user, password, passwordHash: null, role);
        if (errors.Count > 0 && user.Id is { Length: > 0 } && await users.FindByIdAsync(user.Id) is { } halfMade)
        {
            // The role could not be added: remove the account again rather than leave it without a role.
            await users.DeleteAsync(halfMade);
        }

        return errors.Count > 0 ? new RegistrationResult(null, errors) : new RegistrationResult(user, []);
    }

    /// <summary>
    /// Checks a new password against every password rule and hashes it, without creating anything: sign-up by e-mail
    /// link carries the hash until the link is opened (<see cref="PersonRegistration.PasswordHash"/>).
    /// </summary>
    public async Task<(string? Hash, IReadOnlyList<IdentityError> Errors)> HashNewPasswordAsync(string email, string displayName, string password)
    {
        var user = new KompetensbronUser { UserName = email, Email = email, DisplayName = displayName };
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }

        return errors.Count > 0 ? (null, errors) : (users.PasswordHasher.HashPassword(user, password), []);
    }

    private async Task<IReadOnlyList<IdentityError>> CreateAsync(KompetensbronUser user, string password, string? passwordHash, string role)
    {
        IdentityResult created;
        if (passwordHash is null)
        {
            created = await users.CreateAsync(user, password);
        }
        else
        {
            // Opened from the e-mail link: the address is confirmed, and the password was checked when it was hashed.
            user.PasswordHash = passwordHash;
            user.EmailConfirmed = true;
            created = await users.CreateAsync(user);
        }

        if (!created.Succeeded)
        {
            return created.Errors.ToList();
        }

        var inRole = await users.AddToRoleAsync(user, role);
        return inRole.Succeeded ? [] : inRole.Errors.ToList();
    }
}

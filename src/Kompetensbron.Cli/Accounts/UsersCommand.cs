using System.CommandLine;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Database;
using Kompetensbron.Core.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Cli.Accounts;

/// <summary><c>users add</c>: create an account, e.g. the first coordinator.</summary>
internal static class UsersCommand
{
    public static Command Build(CliConsole console)
    {
        var email = new Option<string>("--email") { Description = "E-mail address; also the login name.", Required = true };
        var role = new Option<string>("--role") { Description = "person, employer, educationprovider or coordinator.", Required = true };
        var password = new Option<string?>("--password")
        {
            Description = "Password (at least 10 characters). If omitted it is read from the environment variable KOMPETENSBRON_PASSWORD.",
        };
        var name = new Option<string?>("--name") { Description = "Name shown in the app." };
        var municipality = new Option<string?>("--municipality") { Description = "Home municipality of a person (code such as 0617, or a name)." };
        var organisation = new Option<int?>("--organisation") { Description = "Organisation id (required for employer and educationprovider; see `list organisations`)." };

        var add = new Command("add", "Create an approved account in a role. The first coordinator is created this way.")
        {
            email, role, password, name, organisation, municipality,
        };
        add.SetAction((parseResult, ct) => CliServices.RunAsync(parseResult, console, async (services, token) =>
        {
            var roleName = Roles.Parse(parseResult.GetRequiredValue(role))
                ?? throw new CliInputException($"--role: unknown role '{parseResult.GetValue(role)}'; use {string.Join(", ", Roles.All.Select(r => r.ToLowerInvariant()))}.");
            var secret = parseResult.GetValue(password) ?? Environment.GetEnvironmentVariable("KOMPETENSBRON_PASSWORD");
            if (string.IsNullOrEmpty(secret))
            {
                throw new CliInputException("--password: give a password or set KOMPETENSBRON_PASSWORD.");
            }

            var organisationId = parseResult.GetValue(organisation);
            if (roleName is Roles.Employer or Roles.EducationProvider)
            {
                var expectedKind = roleName == Roles.Employer ? OrganisationKind.Employer : OrganisationKind.EducationProvider;
                var db = services.GetRequiredService<KompetensbronDbContext>();
                var org = organisationId is null ? null : await db.Organisations.FindAsync([organisationId.Value], token);
                if (org is null)
                {
                    throw new CliInputException($"--organisation: a {roleName} account needs the id of an existing organisation (see `kompetensbron list organisations`).");
                }

                if (org.Kind != expectedKind)
                {
                    throw new CliInputException($"--organisation: organisation {org.Id} ({org.Name}) is a {org.Kind}, not a {expectedKind}.");
                }
            }
            else if (organisationId is not null)
            {
                throw new CliInputException($"--organisation: a {roleName} account does not belong to an organisation.");
            }

            var address = parseResult.GetRequiredValue(email).Trim();
            var displayName = parseResult.GetValue(name) ?? address;
            var registration = services.GetRequiredService<Registration>();
            RegistrationResult result;
            if (roleName == Roles.Person)
            {
                var geography = services.GetRequiredService<GeographyModel>();
                var given = parseResult.GetValue(municipality)
                    ?? throw new CliInputException("--municipality: a person account gets a profile and needs a home municipality (code such as 0617 or a name such as Gnosjö).");
                var home = geography.FindMunicipality(given.Trim())
                    ?? geography.Municipalities.FirstOrDefault(m => string.Equals(m.Name, given.Trim(), StringComparison.OrdinalIgnoreCase))
                    ?? throw new CliInputException($"--municipality: no Swedish municipality '{given}'.");
                result = await registration.RegisterPersonAsync(new PersonRegistration(displayName, home, address, secret), token);
            }
            else
            {
                result = await registration.CreateApprovedAccountAsync(address, displayName, secret, roleName, organisationId);
            }

            if (!result.Succeeded)
            {
                return console.Fail(string.Join(" ", result.Errors.Select(e => e.Description)));
            }

            console.Output.WriteLine($"Created {roleName} account {address}.");
            return 0;
        }, ct));

        var usersCommand = new Command("users", "Accounts and roles.");
        usersCommand.Subcommands.Add(add);
        return usersCommand;
    }
}

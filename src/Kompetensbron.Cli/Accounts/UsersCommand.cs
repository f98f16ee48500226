using System.CommandLine;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Database;
using Microsoft.AspNetCore.Identity;
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
        var organisation = new Option<int?>("--organisation") { Description = "Organisation id (required for employer and educationprovider; see `list organisations`)." };

        var add = new Command("add", "Create an approved account in a role. The first coordinator is created this way.")
        {
            email, role, password, name, organisation,
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

            var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
            await DatabaseInitializer.EnsureRolesAsync(roles);

            var users = services.GetRequiredService<UserManager<KompetensbronUser>>();
            var address = parseResult.GetRequiredValue(email).Trim();
            var user = new KompetensbronUser
            {
                UserName = address,
                Email = address,
                EmailConfirmed = true,
                DisplayName = parseResult.GetValue(name) ?? address,
                OrganisationId = organisationId,
                IsApproved = true,
                CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            };
            var created = await users.CreateAsync(user, secret);
            if (!created.Succeeded)
            {
                return console.Fail(string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            var inRole = await users.AddToRoleAsync(user, roleName);
            if (!inRole.Succeeded)
            {
                await users.DeleteAsync(user);
                return console.Fail(string.Join(" ", inRole.Errors.Select(e => e.Description)));
            }

            console.Output.WriteLine($"Created {roleName} account {address}.");
            return 0;
        }, ct));

        var usersCommand = new Command("users", "Accounts and roles.");
        usersCommand.Subcommands.Add(add);
        return usersCommand;
    }
}

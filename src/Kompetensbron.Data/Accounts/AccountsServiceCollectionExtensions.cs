using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Data.Accounts;

/// <summary>Identity settings shared by the web app (cookie login) and the CLI (<c>users add</c>).</summary>
public static class AccountsServiceCollectionExtensions
{
    /// <summary>Password policy and lockout; one place so web and CLI agree.</summary>
    public static void ConfigureKompetensbronIdentity(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.User.RequireUniqueEmail = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>The project's own password rules on top of Identity's (web and CLI alike).</summary>
    public static IdentityBuilder AddKompetensbronPasswordRules(this IdentityBuilder identity) =>
        identity.AddPasswordValidator<CommonPasswordValidator>();

    /// <summary>Identity without cookies (for the CLI and background work).</summary>
    public static IdentityBuilder AddKompetensbronIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<KompetensbronUser>(ConfigureKompetensbronIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<KompetensbronDbContext>()
            .AddKompetensbronPasswordRules();
}

using Microsoft.AspNetCore.Identity;

namespace Kompetensbron.Web.Coordinators;

/// <summary>The coordinator's administration services.</summary>
public static class CoordinatorSetup
{
    public static IServiceCollection AddCoordinatorTools(this IServiceCollection services)
    {
        services.AddScoped<UserAdministration>();

        // A locked account or a changed role takes effect in open sessions within a minute (Identity's default: 30).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        return services;
    }
}

using Kompetensbron.Data.Accounts;

namespace Kompetensbron.Web.Accounts;

/// <summary>Cookie login, one authorization policy per role (the policy has the role's name) and <see cref="ApprovedMemberPolicy"/>.</summary>
public static class AccountsSetup
{
    public static IServiceCollection ConfigureKompetensbronCookies(this IServiceCollection services)
    {
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "kompetensbron.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = RolePages.Login;
            o.LogoutPath = RolePages.Logout;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // A signed-in user on another role's page gets 403 at that address (rendered by the status page),
            // not a redirect; API callers get the bare status codes.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToLogin = ctx =>
            {
                if (Security.ApiRoutes.IsApi(ctx.HttpContext))
                {
                    ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    ctx.Response.Redirect(ctx.RedirectUri);
                }

                return Task.CompletedTask;
            };
        });
        return services;
    }

    public static IServiceCollection AddKompetensbronAuthorization(this IServiceCollection services)
    {
        var authorization = services.AddAuthorizationBuilder();
        foreach (var role in Roles.All)
        {
            authorization.AddPolicy(role, p => p.RequireAuthenticatedUser().RequireRole(role));
        }

        authorization.AddApprovedMemberPolicy();

        return services;
    }
}

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

            // A login lives on the server too: logout ends it everywhere (ServerSessions). Identity's own check
            // (the security stamp, every 30 minutes) still runs after ours.
            var securityStampCheck = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async ctx =>
            {
                await ServerSessions.ValidateAsync(ctx);
                if (ctx.Principal is not null)
                {
                    await securityStampCheck(ctx);
                }
            };
            var signingIn = o.Events.OnSigningIn;
            o.Events.OnSigningIn = async ctx =>
            {
                await signingIn(ctx);
                await ServerSessions.StartAsync(ctx);
            };
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

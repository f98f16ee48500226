using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Kompetensbron.Web.Security;

/// <summary>
/// Hardening in one place: cookie policy, login rate limit, request size limits, HSTS and the security headers.
/// Oversized and malformed requests are answered by <see cref="ClientErrors"/>.
/// </summary>
public static class SecuritySetup
{
    /// <summary>The environment the test suites run in (plain http on 127.0.0.1, like Development).</summary>
    public const string TestingEnvironment = "Testing";

    /// <summary>
    /// The rate-limit policy of the login page, attached to its endpoint (<c>[EnableRateLimiting]</c>), so it applies to
    /// whatever spelling of the path routing sends there (<c>/Konto/Logga-In/</c>, a trailing slash or dot).
    /// </summary>
    public const string LoginPolicy = "login";

    /// <summary>
    /// The same limit per client address for the sign-up forms, counted apart from logins: each accepted form sends
    /// an e-mail, so the forms must not become a way to flood someone's inbox.
    /// </summary>
    public const string SignUpPolicy = "sign-up";

    public static IServiceCollection AddKompetensbronSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<SecurityOptions>()
            .Bind(configuration.GetSection(SecurityOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Every cookie (login, antiforgery, temp data, language) is HttpOnly and at least SameSite=Lax, and Secure
        // outside development: production is served over https only.
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = AllowsPlainHttp(environment) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.HttpOnly = HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });

        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<SecurityOptions>>((kestrel, security) => kestrel.Limits.MaxRequestBodySize = security.Value.MaxRequestBodyBytes);
        services.AddOptions<FormOptions>()
            .Configure<IOptions<SecurityOptions>>((form, security) =>
            {
                form.MultipartBodyLengthLimit = security.Value.MaxRequestBodyBytes;
                form.BufferBodyLengthLimit = security.Value.MaxRequestBodyBytes;
                form.ValueLengthLimit = (int)Math.Min(security.Value.MaxRequestBodyBytes, int.MaxValue);
            });

        // A minimal-API parameter that does not bind throws (in every environment, not only Development) so that
        // ClientErrors answers it with problem details naming the parameter instead of an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginPolicy, PostsPerAddress);
            o.AddPolicy(SignUpPolicy, PostsPerAddress);
        });
        services.AddSingleton<LoginAttemptsPerAccount>();

        return services;
    }

    /// <summary>The middleware, in order; call before routing (status pages and static files get the headers too).</summary>
    public static WebApplication UseKompetensbronSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!AllowsPlainHttp(app.Environment))
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseCookiePolicy();
        return app;
    }

    /// <summary>Development and the test suites run plain http on 127.0.0.1; everywhere else is https only.</summary>
    private static bool AllowsPlainHttp(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(TestingEnvironment);

    /// <summary>POSTs to the endpoint are limited per client address; reading the page is not limited.</summary>
    private static RateLimitPartition<string> PostsPerAddress(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var limit = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.LoginAttemptsPerMinute;
        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        return RateLimitPartition.GetFixedWindowLimiter(
            address.ToString(),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }
}

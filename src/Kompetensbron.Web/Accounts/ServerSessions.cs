using System.Security.Cryptography;
using Kompetensbron.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kompetensbron.Web.Accounts;

/// <summary>
/// Every cookie login is a session row in the database (Identity's user tokens, provider <see cref="Provider"/>);
/// the login cookie carries the session id. Each request checks that the row still exists, and logging out deletes
/// it, so a copied cookie is worthless after logout on every instance (docs/decisions/0022-server-side-logout.md).
/// </summary>
public static class ServerSessions
{
    /// <summary>The user-token "login provider" that marks a row as a session.</summary>
    public const string Provider = "[Kompetensbron.Session]";

    /// <summary>A session older than this is removed at the person's next login, however active it was.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(14);

    // In the ticket's properties (not a claim), so a refreshed principal (security stamp check, RefreshSignInAsync)
    // keeps the same session.
    private const string SessionItem = ".kompetensbron.session";

    /// <summary>Cookie event: a new login gets a new session row.</summary>
    public static async Task StartAsync(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Properties.Items.ContainsKey(SessionItem) || UserId(context.HttpContext, context.Principal) is not { } userId)
        {
            return;
        }

        var sessionId = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();

        // Its own scope: the request's DbContext may hold the page's unsaved changes.
        await using var scope = context.HttpContext.RequestServices.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var sessions = await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider).ToListAsync(context.HttpContext.RequestAborted);
        db.UserTokens.RemoveRange(sessions.Where(s => !DateTimeOffset.TryParse(s.Value, System.Globalization.CultureInfo.InvariantCulture, out var started) || now - started > MaxAge));
        db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = Provider, Name = sessionId, Value = now.ToString("o", System.Globalization.CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync(context.HttpContext.RequestAborted);
        context.Properties.Items[SessionItem] = sessionId;
    }

    /// <summary>Cookie event, every request: a cookie whose session has ended (or that has none) no longer logs in.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var userId = UserId(context.HttpContext, context.Principal);
        if (userId is not null
            && context.Properties.Items.TryGetValue(SessionItem, out var sessionId) && sessionId is not null
            && await context.HttpContext.RequestServices.GetRequiredService<KompetensbronDbContext>().UserTokens
                .AnyAsync(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == sessionId, context.HttpContext.RequestAborted))
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>Ends the current request's session on the server; call before signing out.</summary>
    public static async Task EndAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var login = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (login.Properties?.Items.TryGetValue(SessionItem, out var sessionId) != true || sessionId is null
            || UserId(http, login.Principal) is not { } userId)
        {
            return;
        }

        await http.RequestServices.GetRequiredService<KompetensbronDbContext>().UserTokens
            .Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == sessionId)
            .ExecuteDeleteAsync(http.RequestAborted);
    }

    private static string? UserId(HttpContext http, System.Security.Claims.ClaimsPrincipal? principal) =>
        principal?.FindFirst(http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.UserIdClaimType)?.Value;
}

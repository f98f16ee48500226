using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;

namespace Kompetensbron.Web.Localisation;

/// <summary>The language switch: a plain link (works without JavaScript) that sets the culture cookie and goes back.</summary>
public static class CultureEndpoints
{
    public const string Path = "/sprak";

    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, SetCulture).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The link to switch to <paramref name="culture"/> and come back to the current page.</summary>
    public static string SwitchLink(HttpRequest request, string culture)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query
            .Where(p => p.Key is not ("culture" or "ui-culture"))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        var back = request.PathBase + request.Path + QueryString.Create(query);
        return $"{request.PathBase}{Path}{QueryString.Create(new KeyValuePair<string, string?>[] { new("culture", culture), new("returnUrl", back.ToString()) })}";
    }

    internal static IResult SetCulture(HttpContext context, string? culture, string? returnUrl)
    {
        var chosen = Cultures.Supported.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase))
            ?? Cultures.Swedish;
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });
        return TypedResults.LocalRedirect(IsLocal(context, returnUrl) ? returnUrl! : "/");
    }

    /// <summary>
    /// The framework's own rule, the one <c>LocalRedirect</c> enforces (no <c>//</c> or <c>/\</c>, no tab, newline or
    /// other control character, which browsers drop and so would read <c>/%09/evil</c> as <c>//evil</c>): anything
    /// else falls back to the start page instead of failing the redirect.
    /// </summary>
    private static bool IsLocal(HttpContext context, string? url) =>
        new UrlHelper(new ActionContext(context, new RouteData(), new ActionDescriptor())).IsLocalUrl(url);
}

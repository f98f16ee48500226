using Microsoft.AspNetCore.Localization;

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
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });
        var target = IsLocal(returnUrl) ? returnUrl! : "/";
        return TypedResults.LocalRedirect(target);
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}

using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Kompetensbron.Web.Localisation;

/// <summary>Swedish first, English second; chosen by <c>?culture=</c> or the culture cookie, never by the browser.</summary>
public static class Cultures
{
    public const string Swedish = "sv-SE";
    public const string English = "en";

    public static IReadOnlyList<string> Supported { get; } = [Swedish, English];

    public static IServiceCollection AddKompetensbronLocalisation(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(Swedish);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Swedish is the default for everyone; a browser's Accept-Language does not switch it.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>True when the current UI culture is English.</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}

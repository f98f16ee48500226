using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

namespace Kompetensbron.Web.Security;

/// <summary>
/// Response headers that tell browsers to lock the pages down: a content security policy without inline script
/// or style (all of it lives in <c>wwwroot</c>), no framing, no MIME sniffing, and no full URLs in referrers.
/// </summary>
public static partial class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>Where the API reference (Scalar) is served.</summary>
    public const string ApiReferencePrefix = "/scalar";

    /// <summary>
    /// The API reference (Scalar, a developer tool without personal data or forms) starts with one inline module
    /// script and adds its styles at run time: its policy allows exactly that script, by hash, and inline styles.
    /// </summary>
    public static string ApiReferencePolicy(IEnumerable<string> scriptHashes) =>
        $"default-src 'self'; script-src 'self' {string.Join(' ', scriptHashes.Select(h => $"'sha256-{h}'"))}; " +
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });

        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(ApiReferencePrefix, StringComparison.OrdinalIgnoreCase),
            reference => reference.Use(AllowApiReferenceInlineScriptsAsync));
        return app;
    }

    /// <summary>Buffers the (small) API reference page to hash its inline scripts into its policy.</summary>
    private static async Task AllowApiReferenceInlineScriptsAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            context.Response.Headers.ContentSecurityPolicy = ApiReferencePolicy(InlineScriptHashes(Encoding.UTF8.GetString(buffer.ToArray())));
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>Base64 SHA-256 of each inline script's text, as CSP hash sources expect.</summary>
    internal static IEnumerable<string> InlineScriptHashes(string html) =>
        InlineScript().Matches(html).Select(m => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value))));

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}

namespace Kompetensbron.Web.Security;

/// <summary>Where the REST API lives; its callers get status codes and problem details, never HTML or redirects.</summary>
public static class ApiRoutes
{
    public const string Prefix = "/api";

    public static bool IsApi(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
    }
}

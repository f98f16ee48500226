using System.Text.Json;
using System.Text.RegularExpressions;
using Kompetensbron.Web.Api;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Security;

/// <summary>
/// A request the client got wrong is answered 4xx, never 500 and never with the exception: a body over
/// <see cref="SecurityOptions.MaxRequestBodyBytes"/> 413; a malformed form or multipart body, an API parameter that
/// does not bind, a form without its edit version — every <see cref="BadHttpRequestException"/> — its status (400).
/// The API gets problem details that name the parameter; pages get the normal status page. In the pipeline after the
/// status code pages (which render that page) and before routing.
/// </summary>
public static partial class ClientErrors
{
    /// <summary>The upload page (/importera) raises the limits for itself ([RequestSizeLimit], [RequestFormLimits]), so it reads its form itself.</summary>
    private const string UploadPath = "/importera";

    public static IApplicationBuilder UseClientErrors(this IApplicationBuilder app) => app.Use(AnswerClientErrorsAsync);

    /// <summary>What app code throws for a request it refuses as malformed (answered like one the framework refuses).</summary>
    public static BadHttpRequestException BadRequest(string message) => new(message, StatusCodes.Status400BadRequest);

    private static async Task AnswerClientErrorsAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await ReadFormAsync(context);
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await AnswerAsync(context, e);
        }
    }

    /// <summary>
    /// Form bodies are read here, up front, so that antiforgery (which would report a 400) never meets an oversized
    /// one, and a malformed one (too many fields, a key too long, a broken multipart section, a GET that claims a form)
    /// is refused in one place whichever page or endpoint it was sent to.
    /// </summary>
    private static async Task ReadFormAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType || context.Request.Path.StartsWithSegments(UploadPath, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        try
        {
            await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException || (e is IOException && e is not BadHttpRequestException))
        {
            throw new BadHttpRequestException("The form in the request body could not be read.", StatusCodes.Status400BadRequest, e);
        }
    }

    private static async Task AnswerAsync(HttpContext context, BadHttpRequestException e)
    {
        context.Response.Clear();
        context.Response.StatusCode = e.StatusCode;

        // The status page runs again on this request (re-executed); it must not meet the broken form a second time.
        if (context.Request.HasFormContentType)
        {
            context.Request.Form = FormCollection.Empty;
        }

        if (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await AnswerTooLargeAsync(context);
        }
        else if (ApiRoutes.IsApi(context))
        {
            await (Parameter(e) is { } parameter
                ? ApiProblems.Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { [parameter] = [$"{parameter} could not be read: check its type and format."] }).ExecuteAsync(context)
                : TypedResults.Problem(statusCode: e.StatusCode, title: "The request could not be read", detail: "Check the request's body, its content type and its parameters.").ExecuteAsync(context));
        }

        // Pages: no body, so the status code pages show the normal error page.
    }

    /// <summary>A short message (problem details for the API), not the error page, which would read the oversized body again.</summary>
    private static async Task AnswerTooLargeAsync(HttpContext context)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var problem = new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Title = text["Status_TooLarge_Title"], Detail = text["Status_TooLarge_Text"] },
        };
        if (!await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(problem))
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(text["Status_TooLarge_Text"], context.RequestAborted);
        }
    }

    /// <summary>
    /// The field or parameter that did not bind: the JSON path of a body value of the wrong type (<c>headcount</c>,
    /// <c>skills[0].importance</c>), else the parameter the framework names (<c>Failed to bind parameter "int? limit" …</c>).
    /// The framework keeps the parameter only in its message; the value sent is never repeated back.
    /// </summary>
    internal static string? Parameter(BadHttpRequestException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.InnerException is JsonException { Path: { Length: > 2 } path } && path.StartsWith("$.", StringComparison.Ordinal))
        {
            return path[2..];
        }

        var named = NamedParameter().Match(e.Message);
        return named.Success ? named.Groups[1].Value : null;
    }

    [GeneratedRegex("parameter \"[^\"]*?([A-Za-z_][A-Za-z0-9_]*)\"", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex NamedParameter();
}

using Kompetensbron.Data.ApiTokens;
using Kompetensbron.Web.Email;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Kompetensbron.Web.Api;

/// <summary>Marks an endpoint that accepts an integration's API token as well as a login.</summary>
public sealed class AcceptsApiTokens;

/// <summary>
/// The REST API v1 (docs/decisions/0019-api-design.md): resources under <c>/api/v1</c> that take a login cookie or an
/// organisation's API token, keyset paging, ETags with If-Match, and problem details for every error.
/// </summary>
public static class ApiSetup
{
    /// <summary>Signed in (cookie) or an API token.</summary>
    public const string Policy = "Api";

    public const string BearerScheme = "bearer";
    public const string CookieScheme = "cookie";

    public static IServiceCollection AddKompetensbronApi(this IServiceCollection services)
    {
        services.AddScoped<ApiTokenService>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, _ => { });
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ApiTokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        return services;
    }

    public static IEndpointRouteBuilder MapKompetensbronApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1")
            .RequireAuthorization(Policy)
            .WithMetadata(new AcceptsApiTokens())
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapOrganisationsApi();
        api.MapNeedsApi().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        api.MapProgrammesApi().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        api.MapInsightsApi();
        api.MapPlacementRoundsApi();

        // One's own profile: a person's login only, never a token.
        endpoints.MapGroup("/api/v1").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .MapProfilesApi();

        endpoints.MapGroup("/api/v1").MapTaxonomyLookupApi();
        return endpoints;
    }

    /// <summary>The OpenAPI document: both ways to authenticate, and which operations take which.</summary>
    public static void ConfigureOpenApi(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, context, _) =>
        {
            // The site's configured public address, else relative: never the request's Host header, which a caller controls.
            var publicAddress = context.ApplicationServices.GetRequiredService<IOptions<EmailOptions>>().Value.PublicAddress;
            document.Servers = [new OpenApiServer { Url = string.IsNullOrWhiteSpace(publicAddress) ? "/" : publicAddress.TrimEnd('/') }];
            document.Info.Title = "Kompetensbron API";
            document.Info.Description = "Organisations, needs, programmes, one's own profile, matches, insights, placement rounds and the JobTech taxonomy. "
                + "Lists are paged (limit, cursor; the next page is in the Link header and in next). GET answers with an ETag; PUT and DELETE need If-Match "
                + "(428 without it, 412 when someone else changed the resource). Errors are problem details (RFC 9457).";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An organisation's API token (kbt_…), created by its members on /organisation/api-nycklar. Acts for that organisation only.",
            };
            document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "kompetensbron.auth",
                Description = "The login cookie of the web app (people, members, coordinators).",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
            {
                return Task.CompletedTask;
            }

            operation.Security ??= [];
            if (metadata.OfType<AcceptsApiTokens>().Any())
            {
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
            }

            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] });
            return Task.CompletedTask;
        });
    }
}

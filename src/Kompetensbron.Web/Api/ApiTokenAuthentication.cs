using System.Security.Claims;
using System.Text.Encodings.Web;
using Kompetensbron.Data.ApiTokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Kompetensbron.Web.Api;

/// <summary>
/// <c>Authorization: Bearer kbt_…</c>: an integration's token. The principal it yields has only the organisation and
/// the token id, no user id and no role, so nothing that checks for a person or a member ever lets it through.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string OrganisationClaim = "kompetensbron:organisation";
    public const string TokenClaim = "kompetensbron:token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers[HeaderNames.Authorization];
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var identity = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("The token is unknown or revoked.");
        }

        var claims = new ClaimsIdentity(
            [
                new Claim(OrganisationClaim, identity.OrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(TokenClaim, identity.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(claims), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(HeaderNames.WWWAuthenticate, Request.Headers.ContainsKey(HeaderNames.Authorization)
            ? "Bearer error=\"invalid_token\""
            : "Bearer");
        return Task.CompletedTask;
    }
}

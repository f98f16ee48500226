using System.Net;
using System.Text.RegularExpressions;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Placement;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Authorization;

/// <summary>
/// Calls every endpoint of the app as each actor and compares the outcome with docs/security.md. An endpoint without
/// a row fails the test, so a new page or API must say in the table who may use it.
/// </summary>
public sealed partial class AuthorizationMatrixTests(EmptyWebFactory factory) : IClassFixture<EmptyWebFactory>
{
    /// <summary>Sample values for route parameters.</summary>
    private static readonly Dictionary<string, string> RouteSamples = new(StringComparer.Ordinal)
    {
        ["code"] = "410",
        ["documentName"] = "v1",
        ["occupation"] = "9haD_NB6_ULH",
    };

    /// <summary>Query strings that make a call meaningful (an API search needs its text).</summary>
    private static readonly Dictionary<string, string> QuerySamples = new(StringComparer.Ordinal)
    {
        ["/api/v1/taxonomy/skills"] = "q=svets",
        ["/api/v1/taxonomy/occupations"] = "q=cnc",
        ["/sprak"] = "culture=en&returnUrl=/",
    };

    /// <summary>Routes whose POSTs delete the calling account or use up the sample data (approve the waiting organisation).</summary>
    private static readonly HashSet<string> UsesUpData = new(StringComparer.Ordinal) { "/min-sida/radera", "/samordnare", "/samordnare/anvandare/{id}" };

    /// <summary>Endpoints that take POSTs without an antiforgery token, and why.</summary>
    private static readonly Dictionary<string, string> WithoutAntiforgery = new(StringComparer.Ordinal)
    {
        ["/fel/{code:int}"] = "the error page is re-executed for failed POSTs; it changes nothing",
    };

    [Fact]
    public async Task Every_endpoint_has_a_row_and_every_row_an_endpoint()
    {
        var endpoints = await DiscoverAsync();
        var table = AuthorizationMatrix.Load();

        var missing = endpoints.Where(e => !table.ContainsKey(e)).ToList();
        var stale = table.Keys.Where(k => !endpoints.Contains(k)).ToList();

        Assert.True(missing.Count == 0, "Add these endpoints to the table in docs/security.md:\n" +
            string.Join("\n", missing.Select(e => $"| {e.Method} | `{e.Route}` | {e.Handler} |{string.Concat(AuthorizationMatrix.Actors.Select(_ => " ? |"))}")));
        Assert.True(stale.Count == 0, "These rows of docs/security.md have no endpoint: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Each_actor_is_allowed_or_denied_exactly_as_the_table_says()
    {
        var table = AuthorizationMatrix.Load();
        var shared = await CreateActorsAsync();
        var failures = new List<string>();

        foreach (var (endpoint, expected) in table.OrderBy(e => e.Key.Method, StringComparer.Ordinal).ThenBy(e => e.Key.Route, StringComparer.Ordinal))
        {
            // Some POSTs delete the actor or use up the sample data: those get actors of their own.
            var actors = UsesUpData.Contains(endpoint.Route) ? await CreateActorsAsync() : shared;
            foreach (var actor in AuthorizationMatrix.Actors)
            {
                // A POST may log the client out: it gets a new one; GETs share one logged-in client per actor.
                var client = endpoint.Method == "GET" ? await actors.SharedClientAsync(actor) : await actors.NewClientAsync(actor);
                using var response = await CallAsync(client, endpoint, withToken: true, actors, actor);
                var outcome = Outcome(response);
                if (outcome != expected[actor])
                {
                    failures.Add($"{endpoint} as {actor}: table says {expected[actor]}, got {outcome} ({(int)response.StatusCode} {response.Headers.Location})");
                }

                if (endpoint.Method == "GET" && outcome == Access.Allow && response.Content.Headers.ContentType?.MediaType == "text/html"
                    && !endpoint.Route.StartsWith("/scalar", StringComparison.Ordinal))
                {
                    var html = await response.Content.ReadAsStringAsync();
                    Html.AssertNoInlineCode(html);
                    foreach (Match form in PostForm().Matches(html))
                    {
                        Assert.True(form.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal),
                            $"A POST form on {endpoint} as {actor} has no antiforgery token: {form.Value[..Math.Min(200, form.Value.Length)]}");
                    }
                }

                if (endpoint.Method != "GET")
                {
                    client.Dispose();
                }
            }
        }

        shared.Dispose();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_post_without_an_antiforgery_token_is_refused()
    {
        var table = AuthorizationMatrix.Load();
        var actors = await CreateActorsAsync();
        // The JSON API takes no form posts: a cross-site form cannot send application/json, and the login cookie is SameSite.
        foreach (var (endpoint, expected) in table.Where(e => e.Key.Method == "POST" && !WithoutAntiforgery.ContainsKey(e.Key.Route) && !IsApi(e.Key.Route)))
        {
            foreach (var actor in AuthorizationMatrix.Actors.Where(a => expected[a] == Access.Allow))
            {
                var client = await actors.SharedClientAsync(actor);
                using var response = await CallAsync(client, endpoint, withToken: false, actors, actor);
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{endpoint} as {actor} without a token answered {(int)response.StatusCode}");
            }
        }

        actors.Dispose();
    }

    /// <summary>All endpoints from the app's own EndpointDataSource: minimal APIs by method, Razor Pages by handler.</summary>
    private async Task<HashSet<EndpointKey>> DiscoverAsync()
    {
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var keys = new HashSet<EndpointKey>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                if (compiled.HandlerMethods.Count == 0)
                {
                    // A page without a model (plain text from resources) is shown on GET.
                    keys.Add(new EndpointKey("GET", route, string.Empty));
                }

                foreach (var handler in compiled.HandlerMethods)
                {
                    keys.Add(new EndpointKey(handler.HttpMethod.ToUpperInvariant(), route, handler.Name ?? string.Empty));
                }
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                foreach (var method in methods)
                {
                    keys.Add(new EndpointKey(method.ToUpperInvariant(), route, string.Empty));
                }
            }
        }

        return keys;
    }

    private static async Task<HttpResponseMessage> CallAsync(HttpClient client, EndpointKey endpoint, bool withToken, Actors actors, string actor)
    {
        // Routes with an id get the id of the person's or Employer A's own sample data; an unapproved organisation
        // calls with its own data where it has some (its own placement round).
        var samples = (actors.OwnIds.TryGetValue((actor, endpoint.Route), out var id) || actors.Ids.TryGetValue(endpoint.Route, out id))
            ? new Dictionary<string, string>(RouteSamples, StringComparer.Ordinal) { ["id"] = id }
            : RouteSamples;
        var path = AuthorizationMatrix.Fill(endpoint.Route, samples);
        var query = new List<string>();
        if (endpoint.Handler.Length > 0)
        {
            query.Add("handler=" + endpoint.Handler);
        }

        if (QuerySamples.TryGetValue(endpoint.Route, out var sample))
        {
            query.Add(sample);
        }

        var address = new Uri(path + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty), UriKind.Relative);
        if (endpoint.Method == "GET")
        {
            return await client.GetAsync(address);
        }

        // API writes get an empty JSON object and no If-Match: allowed callers answer 400 or 428, so nothing changes.
        if (IsApi(endpoint.Route))
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), address) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            return await client.SendAsync(request);
        }

        var fields = new List<KeyValuePair<string, string>>(actors.FormFields);
        if (withToken)
        {
            fields.Add(new("__RequestVerificationToken", Html.AntiforgeryToken(await client.GetStringAsync(new Uri("/konto/logga-in", UriKind.Relative)))));
        }

        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(address, content);
    }

    private static bool IsApi(string route) => route.StartsWith("/api/", StringComparison.Ordinal);

    private static Access Outcome(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized => Access.Login,
        HttpStatusCode.Redirect when response.Headers.Location is { } to
            && (to.IsAbsoluteUri ? to.AbsolutePath : to.OriginalString).StartsWith("/konto/logga-in", StringComparison.Ordinal) => Access.Login,
        HttpStatusCode.Forbidden or HttpStatusCode.NotFound => Access.Deny,

        // A member of an organisation still waiting for approval is sent to the page that says so: refused.
        HttpStatusCode.Redirect when response.Headers.Location is { } to
            && (to.IsAbsoluteUri ? to.AbsolutePath : to.OriginalString).StartsWith(AwaitingApproval, StringComparison.Ordinal) => Access.Deny,
        _ => Access.Allow,
    };

    /// <summary>The actors of the table, with the data their calls touch (an organisation waiting for approval).</summary>
    private sealed record Actors(
        EmptyWebFactory Factory, IReadOnlyDictionary<string, string?> Emails, int PendingOrganisationId, string PendingUserId, IReadOnlyDictionary<string, string> Ids,
        IReadOnlyDictionary<(string Actor, string Route), string> OwnIds, int SiteId)
        : IDisposable
    {
        private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

        public async Task<HttpClient> SharedClientAsync(string actor)
        {
            if (!_clients.TryGetValue(actor, out var client))
            {
                client = await NewClientAsync(actor);
                _clients[actor] = client;
            }

            return client;
        }

        public void Dispose()
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }
        }

        /// <summary>Sample form fields for the POST handlers that need them; a page ignores fields it does not bind.</summary>
        public IEnumerable<KeyValuePair<string, string>> FormFields =>
        [
            new("Visibility", "Visible"), new("Confirm", "true"),
            new("organisationId", PendingOrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("userId", PendingUserId),
            new("siteId", SiteId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("tokenId", Ids["tokenId"]),
        ];

        public async Task<HttpClient> NewClientAsync(string actor)
        {
            var client = Factory.Browser();
            if (Emails[actor] is { } email)
            {
                using var login = await client.LoginAsync(email, TestAccounts.Password);
                Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            }

            return client;
        }
    }

    private async Task<Actors> CreateActorsAsync()
    {
        var person = await TestAccounts.CreatePersonAsync(factory);
        var otherAccount = await TestAccounts.CreatePersonAsync(factory);
        var (employerA, employerAId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var (employerB, _) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var (provider, providerId) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        var (coordinator, _) = await TestAccounts.CreateAsync(factory, Roles.Coordinator);
        var (waiting, pendingOrganisationId) = await TestAccounts.CreateAsync(factory, Roles.Employer, approved: false);

        // Self-registered organisations that no coordinator has approved yet (each with its own member).
        var (unapprovedEmployer, unapprovedEmployerId) = await TestAccounts.CreateAsync(factory, Roles.Employer, approved: false);
        var (unapprovedProvider, unapprovedProviderId) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider, approved: false);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var pendingUserId = db.Users.Where(u => u.Email == waiting).Select(u => u.Id).Single();
        var need = new Need
        {
            OrganisationId = employerAId!.Value,
            Title = "Svetsare",
            OccupationId = scope.ServiceProvider.GetRequiredService<TaxonomyModel>().Occupations[0].Id,
            Status = NeedStatus.Open,
        };
        db.Needs.Add(need);
        var round = new StoredPlacementRound { Name = "APL vår", OwnerOrganisationId = providerId, CreatedByUserId = pendingUserId };
        db.Add(round);
        var unapprovedRound = new StoredPlacementRound { Name = "APL höst", OwnerOrganisationId = unapprovedProviderId, CreatedByUserId = pendingUserId };
        db.Add(unapprovedRound);
        var unapprovedNeed = new Need { OrganisationId = unapprovedEmployerId!.Value, Title = "Montör", OccupationId = need.OccupationId, Status = NeedStatus.Open };
        db.Needs.Add(unapprovedNeed);
        var programme = new Programme { ProviderId = providerId!.Value, Title = "Svetsutbildning", SkillIds = ["WBnc_JXj_MvY"], LengthWeeks = 10 };
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        var token = await scope.ServiceProvider.GetRequiredService<Kompetensbron.Data.ApiTokens.ApiTokenService>().CreateAsync(employerAId.Value, "Matris", null);
        var roundId = round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var siteId = db.Sites.Where(s => s.OrganisationId == employerAId).Select(s => s.Id).First();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/api/v1/profiles/{id:int}/matches"] = person.ProfileId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["/api/v1/needs/{id:int}/matches"] = need.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["/api/v1/needs/{id:int}/candidates"] = need.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["/arbetsgivare/behov/{id:int}"] = need.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["/arbetsgivare/behov/redigera/{id:int?}"] = need.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),

            // The provider's own round; the coordinator sees every round.
            ["/placering/{id:int}"] = roundId,
            ["/placering/{id:int}/platser"] = roundId,
            ["/placering/{id:int}/sokande"] = roundId,

            // Employer A's own site; the provider's own programme; the coordinator looks at the waiting user.
            ["/organisation/plats/{id:int?}"] = siteId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["/utbildningsanordnare/utbildningar/{id:int}"] = programme.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["/utbildningsanordnare/utbildningar/redigera/{id:int?}"] = programme.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["/samordnare/anvandare/{id}"] = pendingUserId,
            // The REST API v1: Employer A's need and organisation, the provider's programme and round.
            ["/api/v1/needs/{id:int}"] = need.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["/api/v1/organisations/{id:int}"] = employerAId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["/api/v1/programmes/{id:int}"] = programme.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["/api/v1/placement-rounds/{id:int}"] = roundId,
            ["/api/v1/taxonomy/skills/{id}"] = "WBnc_JXj_MvY",
            ["/api/v1/taxonomy/occupations/{id}"] = need.OccupationId,

            // Not a route: Employer A's API token, revoked in the form field tokenId.
            ["tokenId"] = token.Token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        // The unapproved organisations' own round, need and site: refused even though they are their own.
        var ownRound = unapprovedRound.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ownNeed = unapprovedNeed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ownSite = db.Sites.Where(s => s.OrganisationId == unapprovedEmployerId).Select(s => s.Id).First().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ownIds = new Dictionary<(string, string), string>
        {
            [("Unapproved provider", "/placering/{id:int}")] = ownRound,
            [("Unapproved provider", "/placering/{id:int}/platser")] = ownRound,
            [("Unapproved provider", "/placering/{id:int}/sokande")] = ownRound,
            [("Unapproved provider", "/api/v1/placement-rounds/{id:int}")] = ownRound,
            [("Unapproved employer", "/arbetsgivare/behov/{id:int}")] = ownNeed,
            [("Unapproved employer", "/arbetsgivare/behov/redigera/{id:int?}")] = ownNeed,
            [("Unapproved employer", "/api/v1/needs/{id:int}/matches")] = ownNeed,
            [("Unapproved employer", "/api/v1/needs/{id:int}/candidates")] = ownNeed,
            [("Unapproved employer", "/organisation/plats/{id:int?}")] = ownSite,
        };

        return new Actors(factory, new Dictionary<string, string?>
        {
            ["Anonymous"] = null,
            ["Person"] = person.Email,
            ["Other account"] = otherAccount.Email,
            ["Employer A"] = employerA,
            ["Employer B"] = employerB,
            ["Provider"] = provider,
            ["Coordinator"] = coordinator,
            ["Unapproved employer"] = unapprovedEmployer,
            ["Unapproved provider"] = unapprovedProvider,
        }, pendingOrganisationId!.Value, pendingUserId, ids, ownIds, siteId);
    }

    private const string AwaitingApproval = "/konto/vantar-pa-godkannande";

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.ApiTokens;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Api;

/// <summary>Helpers the API tests share: logged-in and token clients, sample needs, problem-details reading.</summary>
internal static class ApiTesting
{
    public const string TigWelding = "WBnc_JXj_MvY";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<HttpClient> LoggedInAsync(KompetensbronWebFactory factory, string email)
    {
        var client = factory.Browser();
        using var login = await client.LoginAsync(email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    public static HttpClient WithToken(KompetensbronWebFactory factory, string token)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<string> CreateTokenAsync(KompetensbronWebFactory factory, int organisationId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(organisationId, "Test", null);
        return created.Secret;
    }

    public static string Occupation(KompetensbronWebFactory factory) =>
        factory.Services.GetRequiredService<TaxonomyModel>().Search("svetsare", TaxonomyKind.Occupation, 1)[0].Id;

    public static object NeedBody(KompetensbronWebFactory factory, string title, string kind = "Job", string? status = null) => new
    {
        kind,
        status,
        title,
        occupationId = Occupation(factory),
        headcount = 2,
        skills = new[] { new { skillId = TigWelding, required = true, importance = 3 } },
        licences = new[] { "TRUCK_A" },
        minimumSwedishLevel = "B1",
    };

    public static async Task<int> AddNeedAsync(KompetensbronWebFactory factory, int organisationId, NeedStatus status, string title = "Svetsare")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var now = DateTimeOffset.UtcNow;
        var need = new Need
        {
            OrganisationId = organisationId,
            Title = title,
            OccupationId = Occupation(factory),
            Status = status,
            Skills = [new NeedSkill { SkillId = TigWelding, IsRequired = true, Importance = 3 }],
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Needs.Add(need);
        await db.SaveChangesAsync();
        return need.Id;
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    /// <summary>Asserts a problem-details answer with the status, and returns its JSON.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        return json;
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }
}

using Kompetensbron.Core.Taxonomy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kompetensbron.Web.Taxonomy;

/// <summary>A skill found by a search: JobTech concept id, Swedish label, relevance (higher is better).</summary>
public sealed record SkillSearchResult(string Id, string Label, double Score);

/// <summary>An occupation found by a search, with its SSYK-4 group.</summary>
public sealed record OccupationSearchResult(string Id, string Label, double Score, string? Ssyk4Code, string? Ssyk4Label);

/// <summary>Search in the JobTech taxonomy: <c>/api/v1/taxonomy</c>.</summary>
public static class TaxonomyEndpoints
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;

    public static RouteGroupBuilder MapTaxonomyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/taxonomy").WithTags("Taxonomy");

        group.MapGet("/skills", SearchSkills)
            .WithName("SearchSkills")
            .WithSummary("Search skills by Swedish label")
            .WithDescription("Forgives case, diacritics and word order; matches prefixes and parts of compounds (\"tig\" finds TIG-svetsning).");

        group.MapGet("/occupations", SearchOccupations)
            .WithName("SearchOccupations")
            .WithSummary("Search occupations by Swedish label")
            .WithDescription("Returns occupation names with their SSYK-4 group (\"cnc op\" finds CNC-operatör).");

        return group;
    }

    internal static Results<Ok<SkillSearchResult[]>, ValidationProblem> SearchSkills(
        string? q, int? limit, TaxonomyModel taxonomy)
    {
        if (Validate(q, limit) is { } problem)
        {
            return problem;
        }

        var hits = taxonomy.Search(q!, TaxonomyKind.Skill, limit ?? DefaultLimit);
        return TypedResults.Ok(hits.Select(h => new SkillSearchResult(h.Id, h.Label, h.Score)).ToArray());
    }

    internal static Results<Ok<OccupationSearchResult[]>, ValidationProblem> SearchOccupations(
        string? q, int? limit, TaxonomyModel taxonomy)
    {
        if (Validate(q, limit) is { } problem)
        {
            return problem;
        }

        var hits = taxonomy.Search(q!, TaxonomyKind.Occupation, limit ?? DefaultLimit);
        var results = hits.Select(h =>
        {
            var group = taxonomy.FindOccupation(h.Id) is { } occupation ? taxonomy.FindSsykGroup(occupation.Ssyk4Id) : null;
            return new OccupationSearchResult(h.Id, h.Label, h.Score, group?.Code, group?.Label);
        });
        return TypedResults.Ok(results.ToArray());
    }

    private static ValidationProblem? Validate(string? q, int? limit)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(q))
        {
            errors["q"] = ["The query parameter q is required (the text to search for)."];
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        }

        return errors.Count == 0
            ? null
            : TypedResults.ValidationProblem(errors, title: "Invalid search", type: "https://tools.ietf.org/html/rfc9110#section-15.5.1");
    }
}

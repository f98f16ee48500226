using Kompetensbron.Core.Taxonomy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kompetensbron.Web.Api;

/// <summary>A skill by its JobTech concept id.</summary>
public sealed record SkillJson(string Id, string Label);

/// <summary>An occupation name by its JobTech concept id, with its SSYK-4 group.</summary>
public sealed record OccupationJson(string Id, string Label, string? Ssyk4Code, string? Ssyk4Label);

/// <summary>Look up one taxonomy concept by id (the searches are in <see cref="Taxonomy.TaxonomyEndpoints"/>); open to everyone.</summary>
public static class TaxonomyLookupApi
{
    public static RouteGroupBuilder MapTaxonomyLookupApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/taxonomy").WithTags("Taxonomy").AllowAnonymous();
        group.MapGet("/skills/{id}", Skill).WithName("GetSkill").WithSummary("A skill by concept id");
        group.MapGet("/occupations/{id}", Occupation).WithName("GetOccupation").WithSummary("An occupation by concept id");
        return group;
    }

    internal static Results<Ok<SkillJson>, NotFound> Skill(string id, TaxonomyModel taxonomy) =>
        taxonomy.FindSkill(id) is { } skill ? TypedResults.Ok(new SkillJson(skill.Id, skill.Label)) : TypedResults.NotFound();

    internal static Results<Ok<OccupationJson>, NotFound> Occupation(string id, TaxonomyModel taxonomy)
    {
        if (taxonomy.FindOccupation(id) is not { } occupation)
        {
            return TypedResults.NotFound();
        }

        var group = taxonomy.FindSsykGroup(occupation.Ssyk4Id);
        return TypedResults.Ok(new OccupationJson(occupation.Id, occupation.Label, group?.Code, group?.Label));
    }
}

using Kompetensbron.Core;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Concurrency;
using Kompetensbron.Web.Persons;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Api;

/// <summary>A skill with level 1 (beginner) to 4 (expert) and where it was shown (Work, Education, Validated).</summary>
public sealed record ProfileSkillJson(string SkillId, int Level, string Evidence);

/// <summary>An occupation the person has worked in, with years of experience.</summary>
public sealed record ProfileOccupationJson(string OccupationId, decimal Years);

/// <summary>A language (JobTech concept id) at a CEFR level (A1–C2).</summary>
public sealed record ProfileLanguageJson(string LanguageId, string Level);

/// <summary>The caller's own profile; <c>version</c> is also the ETag. The optional self-declared fields are not part of the API.</summary>
public sealed record ProfileJson(
    int Id, string DisplayName, string MunicipalityCode, string? PlaceName, int MaxCommuteMinutes, string CommuteMode, DateOnly? AvailableFrom,
    string Visibility, IReadOnlyList<ProfileSkillJson> Skills, IReadOnlyList<ProfileOccupationJson> Occupations,
    IReadOnlyList<ProfileLanguageJson> Languages, IReadOnlyList<string> Licences, DateTimeOffset UpdatedAt, int Version);

/// <summary>The profile's editable fields; PUT replaces all of them.</summary>
public sealed record ProfileInput(
    string? DisplayName, string? MunicipalityCode, int? MaxCommuteMinutes, string? CommuteMode, DateOnly? AvailableFrom, string? Visibility,
    IReadOnlyList<ProfileSkillJson>? Skills, IReadOnlyList<ProfileOccupationJson>? Occupations, IReadOnlyList<ProfileLanguageJson>? Languages,
    IReadOnlyList<string>? Licences);

/// <summary><c>/api/v1/profiles/me</c>: a person reads and replaces their own profile; nobody else, and never a token.</summary>
public static class ProfilesApi
{
    public const int MaxCommuteMinutes = 180;

    public static RouteGroupBuilder MapProfilesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/profiles").WithTags("Profiles");
        group.MapGet("/me", Get).WithName("GetMyProfile").WithSummary("The caller's own profile (with ETag)");
        group.MapPut("/me", Replace).WithName("ReplaceMyProfile").WithSummary("Replace the caller's own profile (If-Match required)");
        return group;
    }

    internal static async Task<Results<Ok<ProfileJson>, StatusCodeHttpResult, NotFound, ForbidHttpResult>> Get(
        HttpContext http, UserManager<KompetensbronUser> users, KompetensbronDbContext db, ProfileEditor editor, CancellationToken ct)
    {
        var caller = await ApiCaller.ResolveAsync(http.User, users, db, ct);
        if (caller.PersonUserId is null)
        {
            return TypedResults.Forbid();
        }

        if (await editor.FindAsync(http.User, ct) is not { } profile)
        {
            return TypedResults.NotFound();
        }

        ETags.Set(http, profile.Version);
        return ETags.IsNotModified(http, profile.Version) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(ToJson(profile));
    }

    internal static async Task<Results<Ok<ProfileJson>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult>> Replace(
        ProfileInput input, HttpContext http, UserManager<KompetensbronUser> users, KompetensbronDbContext db, ProfileEditor editor,
        TaxonomyModel taxonomy, GeographyModel geography, CancellationToken ct)
    {
        var caller = await ApiCaller.ResolveAsync(http.User, users, db, ct);
        if (caller.PersonUserId is null)
        {
            return TypedResults.Forbid();
        }

        if (await editor.FindAsync(http.User, ct) is not { } profile)
        {
            return TypedResults.NotFound();
        }

        if (ETags.CheckIfMatch(http, profile.Version) is { } problem)
        {
            return problem;
        }

        if (Validate(input, taxonomy, geography) is { } invalid)
        {
            return invalid;
        }

        db.ExpectVersion(profile, profile.Version);
        Apply(input, profile, geography);
        try
        {
            await editor.SaveAsync(profile, http.User, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ETags.Stale(http);
        }

        ETags.Set(http, profile.Version);
        return TypedResults.Ok(ToJson(profile));
    }

    private static ValidationProblem? Validate(ProfileInput input, TaxonomyModel taxonomy, GeographyModel geography)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.DisplayName) || input.DisplayName.Trim().Length > FieldLengths.Name)
        {
            errors["displayName"] = [$"displayName is required, at most {FieldLengths.Name} characters."];
        }

        if (string.IsNullOrWhiteSpace(input.MunicipalityCode) || geography.FindMunicipality(input.MunicipalityCode) is null)
        {
            errors["municipalityCode"] = ["municipalityCode must be a Swedish municipality code, e.g. 0662."];
        }

        if (input.MaxCommuteMinutes is < 0 or > MaxCommuteMinutes)
        {
            errors["maxCommuteMinutes"] = [$"maxCommuteMinutes must be between 0 and {MaxCommuteMinutes}."];
        }

        ApiProblems.ParseEnum<CommuteMode>(input.CommuteMode, "commuteMode", errors);
        ApiProblems.ParseEnum<ProfileVisibility>(input.Visibility, "visibility", errors);

        var skills = input.Skills ?? [];
        for (var i = 0; i < skills.Count; i++)
        {
            if (taxonomy.FindSkill(skills[i].SkillId ?? string.Empty) is null || skills.Take(i).Any(s => s.SkillId == skills[i].SkillId))
            {
                errors[$"skills[{i}].skillId"] = ["skillId must be a JobTech skill concept id, listed once."];
            }

            if (skills[i].Level is < 1 or > 4)
            {
                errors[$"skills[{i}].level"] = ["level must be 1 (beginner) to 4 (expert)."];
            }

            ApiProblems.ParseEnum<SkillEvidence>(skills[i].Evidence, $"skills[{i}].evidence", errors, required: true);
        }

        var occupations = input.Occupations ?? [];
        for (var i = 0; i < occupations.Count; i++)
        {
            if (taxonomy.FindOccupation(occupations[i].OccupationId ?? string.Empty) is null || occupations.Take(i).Any(o => o.OccupationId == occupations[i].OccupationId))
            {
                errors[$"occupations[{i}].occupationId"] = ["occupationId must be a JobTech occupation-name concept id, listed once."];
            }

            if (occupations[i].Years is < 0 or > 60)
            {
                errors[$"occupations[{i}].years"] = ["years must be between 0 and 60."];
            }
        }

        var languages = input.Languages ?? [];
        for (var i = 0; i < languages.Count; i++)
        {
            if (taxonomy.FindLanguage(languages[i].LanguageId ?? string.Empty) is null || languages.Take(i).Any(l => l.LanguageId == languages[i].LanguageId))
            {
                errors[$"languages[{i}].languageId"] = ["languageId must be a JobTech language concept id, listed once."];
            }

            ApiProblems.ParseEnum<CefrLevel>(languages[i].Level, $"languages[{i}].level", errors, required: true);
        }

        ApiProblems.CheckLicences(input.Licences, errors);

        return errors.Count == 0 ? null : ApiProblems.Invalid(errors);
    }

    private static void Apply(ProfileInput input, Profile profile, GeographyModel geography)
    {
        profile.DisplayName = input.DisplayName!.Trim();
        if (profile.MunicipalityCode != input.MunicipalityCode)
        {
            var municipality = geography.FindMunicipality(input.MunicipalityCode!)!;
            profile.MunicipalityCode = municipality.Code;
            profile.PlaceName = null;
            profile.PostalCode = null;
            profile.Latitude = municipality.Centre.Latitude;
            profile.Longitude = municipality.Centre.Longitude;
        }

        profile.MaxCommuteMinutes = input.MaxCommuteMinutes ?? profile.MaxCommuteMinutes;
        profile.CommuteMode = input.CommuteMode is null ? profile.CommuteMode : Enum.Parse<CommuteMode>(input.CommuteMode, ignoreCase: true);
        profile.AvailableFrom = input.AvailableFrom;
        profile.Visibility = input.Visibility is null ? profile.Visibility : Enum.Parse<ProfileVisibility>(input.Visibility, ignoreCase: true);
        profile.Licences = [.. (input.Licences ?? []).Distinct(StringComparer.Ordinal)];

        Rows.Match(profile.Skills, input.Skills ?? [], s => s.SkillId, i => i.SkillId, i => new ProfileSkill { SkillId = i.SkillId }, (row, i) =>
        {
            row.Level = i.Level;
            row.Evidence = Enum.Parse<SkillEvidence>(i.Evidence, ignoreCase: true);
        });
        Rows.Match(profile.Occupations, input.Occupations ?? [], o => o.OccupationId, i => i.OccupationId, i => new ProfileOccupation { OccupationId = i.OccupationId }, (row, i) => row.Years = i.Years);
        Rows.Match(profile.Languages, input.Languages ?? [], l => l.LanguageId, i => i.LanguageId, i => new ProfileLanguage { LanguageId = i.LanguageId }, (row, i) =>
            row.Level = Enum.Parse<CefrLevel>(i.Level, ignoreCase: true));
    }

    private static ProfileJson ToJson(Profile p) => new(
        p.Id, p.DisplayName, p.MunicipalityCode, p.PlaceName, p.MaxCommuteMinutes, p.CommuteMode.ToString(), p.AvailableFrom, p.Visibility.ToString(),
        p.Skills.Select(s => new ProfileSkillJson(s.SkillId, s.Level, s.Evidence.ToString())).ToList(),
        p.Occupations.Select(o => new ProfileOccupationJson(o.OccupationId, o.Years)).ToList(),
        p.Languages.Select(l => new ProfileLanguageJson(l.LanguageId, l.Level.ToString())).ToList(),
        p.Licences, p.UpdatedAt, p.Version);
}

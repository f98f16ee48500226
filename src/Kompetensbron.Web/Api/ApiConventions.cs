using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Kompetensbron.Core;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Data;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Kompetensbron.Web.Api;

/// <summary>One page of a list: the items and the cursor of the next page (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>
/// Keyset paging by id (docs/decisions/0019-api-design.md): <c>?limit=</c> (1–200, default 50) and an opaque
/// <c>?cursor=</c> from the previous page's <c>next</c>; the next page's address is also in the <c>Link</c> header.
/// </summary>
public readonly record struct PageRequest(int Limit, int AfterId)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Reads limit and cursor, adding a message per bad field to <paramref name="errors"/>.</summary>
    public static PageRequest Read(int? limit, string? cursor, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        }

        var after = 0;
        if (!string.IsNullOrEmpty(cursor) && !TryDecode(cursor, out after))
        {
            errors["cursor"] = ["cursor is not one this API gave out; use the value of next from the previous page."];
        }

        return new(limit ?? DefaultLimit, after);
    }

    /// <summary>The page from up to <see cref="Limit"/> + 1 rows fetched in id order; sets the Link header when there is more.</summary>
    public Page<T> Build<T>(HttpContext http, IReadOnlyList<T> fetched, Func<T, int> id)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(fetched);
        ArgumentNullException.ThrowIfNull(id);
        if (fetched.Count <= Limit)
        {
            return new(fetched, null);
        }

        var items = fetched.Take(Limit).ToList();
        var next = Encode(id(items[^1]));
        var query = QueryHelpers.ParseQuery(http.Request.QueryString.Value);
        query["cursor"] = next;
        var url = QueryHelpers.AddQueryString(http.Request.PathBase + http.Request.Path, query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))));
        http.Response.Headers.Append(HeaderNames.Link, $"<{url}>; rel=\"next\"");
        return new(items, next);
    }

    private static string Encode(int id) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes("id:" + id.ToString(CultureInfo.InvariantCulture)));

    private static bool TryDecode(string cursor, out int id)
    {
        id = 0;
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith("id:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out id);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>
/// ETags from <see cref="Core.IVersioned.Version"/>: GET answers with <c>ETag: "3"</c> (and 304 for a matching
/// <c>If-None-Match</c>); PUT and DELETE must send <c>If-Match</c> — 428 without it, 412 when it is stale.
/// </summary>
public static class ETags
{
    public static string For(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    public static void Set(HttpContext http, int version)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.ETag = For(version);
    }

    /// <summary>True when the client already has this version (answer 304).</summary>
    public static bool IsNotModified(HttpContext http, int version)
    {
        ArgumentNullException.ThrowIfNull(http);
        var tags = http.Request.GetTypedHeaders().IfNoneMatch;
        return tags.Count > 0 && tags.Any(t => t.Tag.Value == "*" || t.Tag.Value == For(version));
    }

    /// <summary>The version the write is based on, or the problem to answer: 428 when If-Match is missing, 412 when stale.</summary>
    public static ProblemHttpResult? CheckIfMatch(HttpContext http, int currentVersion)
    {
        ArgumentNullException.ThrowIfNull(http);
        var tags = http.Request.GetTypedHeaders().IfMatch;
        if (tags.Count == 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status428PreconditionRequired,
                title: "If-Match required",
                detail: "Send the ETag of the version you changed in an If-Match header (GET the resource first), so that no one else's change is overwritten.",
                type: "https://www.rfc-editor.org/rfc/rfc6585#section-3");
        }

        return tags.Any(t => t.Tag.Value == "*" || (!t.IsWeak && t.Tag.Value == For(currentVersion)))
            ? null
            : Stale(http);
    }

    /// <summary>412: someone changed the resource after the client read it (also when a save loses the race).</summary>
    public static ProblemHttpResult Stale(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "The resource has changed",
            detail: "Someone changed it after you read it. GET it again, apply your change to the new version and send its ETag in If-Match.",
            type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.13",
            instance: http.Request.GetEncodedPathAndQuery());
    }
}

/// <summary>Problem-details answers shared by the API's handlers.</summary>
public static class ApiProblems
{
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Invalid request", type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1");

    /// <summary>The title and description every written need and programme has (field names as in the JSON).</summary>
    public static void CheckTitleAndDescription(string? title, string? description, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > FieldLengths.Title)
        {
            errors["title"] = [$"title is required, at most {FieldLengths.Title} characters."];
        }

        if (description is { Length: > FieldLengths.Description })
        {
            errors["description"] = [$"description is at most {FieldLengths.Description} characters."];
        }
    }

    /// <summary>Each licence must be a known code; the error names its position (<c>licences[2]</c>).</summary>
    public static void CheckLicences(IReadOnlyList<string>? licences, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        for (var i = 0; i < (licences?.Count ?? 0); i++)
        {
            if (Licences.Find(licences![i]) is null)
            {
                errors[$"licences[{i}]"] = [$"licences must be codes from: {string.Join(", ", Licences.All.Select(l => l.Code))}."];
            }
        }
    }

    /// <summary>A site, when given, must belong to the caller's organisation.</summary>
    public static async Task CheckSiteAsync(KompetensbronDbContext db, int? siteId, int organisationId, IDictionary<string, string[]> errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(errors);
        if (siteId is { } site && !await db.Sites.AnyAsync(s => s.Id == site && s.OrganisationId == organisationId, ct))
        {
            errors["siteId"] = ["siteId must be one of your organisation's sites (GET /api/v1/organisations/{id})."];
        }
    }

    /// <summary>Parses an enum name (any case); adds an error naming <paramref name="field"/> and the allowed values otherwise.</summary>
    public static TEnum? ParseEnum<TEnum>(string? value, string field, IDictionary<string, string[]> errors, bool required = false)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors[field] = [$"{field} is required: one of {string.Join(", ", Enum.GetNames<TEnum>())}."];
            }

            return null;
        }

        if (Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(value.Trim()[0]))
        {
            return parsed;
        }

        errors[field] = [$"{field} must be one of {string.Join(", ", Enum.GetNames<TEnum>())}; got '{value}'."];
        return null;
    }
}

/// <summary>Dependent rows (a need's skills, a profile's languages) written through the API.</summary>
public static class Rows
{
    /// <summary>Makes the rows match the input: keeps rows that stay (updated), adds new ones, removes the rest.</summary>
    public static void Match<TRow, TInput>(List<TRow> rows, IReadOnlyList<TInput> input, Func<TRow, string> rowKey, Func<TInput, string> inputKey, Func<TInput, TRow> create, Action<TRow, TInput> update)
    {
        var wanted = input.ToDictionary(inputKey, StringComparer.Ordinal);
        rows.RemoveAll(r => !wanted.ContainsKey(rowKey(r)));
        foreach (var (key, item) in wanted)
        {
            var row = rows.Find(r => rowKey(r) == key);
            if (row is null)
            {
                row = create(item);
                rows.Add(row);
            }

            update(row, item);
        }
    }
}

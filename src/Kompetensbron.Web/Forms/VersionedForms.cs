using System.Globalization;
using System.Text.Encodings.Web;
using Kompetensbron.Core;
using Kompetensbron.Data.Concurrency;
using Kompetensbron.Web.Security;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Forms;

/// <summary>What was being edited when a conflict happened (picks the message).</summary>
public enum EditedThing
{
    Need,
    Profile,
    Programme,
}

/// <summary>
/// Optimistic concurrency for edit pages (docs/decisions/0019-api-design.md). A page that edits an
/// <see cref="IVersioned"/> entity calls <see cref="Track"/> when it loads it: on GET every POST form on the page then
/// carries the version in a hidden <c>ExpectedVersion</c> field (<see cref="VersionFieldTagHelper"/>); on POST the save
/// only succeeds if the entity is still at the posted version, else it throws <see cref="DbUpdateConcurrencyException"/>
/// and the page calls <see cref="ReportConflict"/>, which shows a clear message above the form instead of overwriting.
/// A POST without the version is refused with 400 (<see cref="ClientErrors"/>), nothing saved.
/// </summary>
public static class VersionedForms
{
    public const string FieldName = "ExpectedVersion";

    /// <summary>Query flag for "your save was refused" after a redirect back to the form (<c>?konflikt=1</c>).</summary>
    public const string ConflictQuery = "konflikt";

    private const string VersionKey = "kompetensbron:form-version";
    private const string ConflictKey = "kompetensbron:edit-conflict";

    /// <summary>GET: the page's forms carry the entity's version. POST: the save is checked against the posted version, which it must carry.</summary>
    public static void Track(DbContext db, HttpContext http, IVersioned entity)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(entity);
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            http.Items[VersionKey] = entity.Version;
        }
        else
        {
            // The check is not optional: a form without the version it was filled in on would overwrite whatever
            // is stored now, so it is refused (400) before anything is written.
            db.ExpectVersion(entity, Posted(http.Request)
                ?? throw ClientErrors.BadRequest($"The form has no {FieldName}: open the page again and save from there."));
        }
    }

    /// <summary>The version a posted form was filled in on; null when the form carried none.</summary>
    public static int? Posted(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HasFormContentType
            && int.TryParse(request.Form[FieldName], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : null;
    }

    /// <summary>Shows the conflict message above the page's form (and a link to the current version when given).</summary>
    public static void ReportConflict(HttpContext http, EditedThing thing, string? reloadUrl = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Items[ConflictKey] = (thing, reloadUrl);
    }

    /// <summary>Reports the conflict when the request is the redirect after a refused save (<c>?konflikt=1</c>).</summary>
    public static void ReportConflictFromQuery(HttpContext http, EditedThing thing)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.Query.ContainsKey(ConflictQuery))
        {
            ReportConflict(http, thing);
        }
    }

    /// <summary>The hidden field's value: the posted version when a form is shown again, else the loaded one.</summary>
    internal static string? FieldValue(HttpContext http) =>
        (Posted(http.Request) ?? http.Items[VersionKey] as int?)?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The conflict to show, once per request (above the first form).</summary>
    internal static (EditedThing Thing, string? ReloadUrl)? Conflict(HttpContext http)
    {
        if (http.Items[ConflictKey] is ValueTuple<EditedThing, string?> conflict)
        {
            http.Items.Remove(ConflictKey);
            return conflict;
        }

        return null;
    }
}

/// <summary>Adds <c>ExpectedVersion</c> to every POST form of a page that tracks a versioned entity, and the conflict message above the first.</summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class VersionFieldTagHelper(IStringLocalizer<IntegrationResource> text) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (!string.Equals(context.AllAttributes["method"]?.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var http = ViewContext.HttpContext;
        if (VersionedForms.Conflict(http) is { } conflict)
        {
            var message = HtmlEncoder.Default.Encode(text["Conflict_" + conflict.Thing]);
            var link = conflict.ReloadUrl is { } url
                ? $" <a href=\"{HtmlEncoder.Default.Encode(url)}\" data-testid=\"edit-conflict-reload\">{HtmlEncoder.Default.Encode(text["Conflict_Reload"])}</a>"
                : string.Empty;
            output.PreElement.AppendHtml($"<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" data-testid=\"edit-conflict\"><p>{message}{link}</p></div>");
        }

        if (VersionedForms.FieldValue(http) is { } version)
        {
            output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{VersionedForms.FieldName}\" value=\"{version}\" />");
        }
    }
}

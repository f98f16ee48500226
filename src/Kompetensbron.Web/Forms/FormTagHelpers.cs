using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Kompetensbron.Web.Forms;

/// <summary>The id of a field's inline error message, for <c>aria-describedby</c> and the error summary.</summary>
internal static class FieldIds
{
    public static string For(string name) => TagBuilder.CreateSanitizedId(name, "_");

    public static string ErrorFor(string name) => For(name) + "-error";

    public static ModelStateEntry? Invalid(ViewContext context, string name) =>
        context.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry : null;
}

/// <summary><c>&lt;div field-for="Input.Email"&gt;</c>: a form group, marked when the field has an error.</summary>
[HtmlTargetElement("div", Attributes = "field-for")]
public sealed class FieldGroupTagHelper : TagHelper
{
    [HtmlAttributeName("field-for")]
    public required ModelExpression For { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.AddClass("field", System.Text.Encodings.Web.HtmlEncoder.Default);
        if (FieldIds.Invalid(ViewContext, For.Name) is not null)
        {
            output.AddClass("field--error", System.Text.Encodings.Web.HtmlEncoder.Default);
        }
    }
}

/// <summary>
/// <c>&lt;p error-for="Input.Email"&gt;&lt;/p&gt;</c>: the field's first error in plain words (GOV.UK pattern),
/// nothing when the field is valid.
/// </summary>
[HtmlTargetElement("p", Attributes = "error-for")]
public sealed class FieldErrorTagHelper(Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> text) : TagHelper
{
    [HtmlAttributeName("error-for")]
    public required ModelExpression For { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (FieldIds.Invalid(ViewContext, For.Name) is not { } entry)
        {
            output.SuppressOutput();
            return;
        }

        output.Attributes.SetAttribute("id", FieldIds.ErrorFor(For.Name));
        output.AddClass("error-message", System.Text.Encodings.Web.HtmlEncoder.Default);
        output.Content.SetHtmlContent($"<span class=\"visually-hidden\">{System.Net.WebUtility.HtmlEncode(text["Errors_Prefix"])}</span> ");
        output.Content.Append(entry.Errors[0].ErrorMessage);
    }
}

/// <summary>Inputs, selects and text areas with an error get <c>aria-invalid</c> and point to their message.</summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class InvalidFieldTagHelper : TagHelper
{
    // After the framework's tag helpers, so the id and classes they write are in place.
    public override int Order => 100;

    [HtmlAttributeName("asp-for")]
    public required ModelExpression For { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (FieldIds.Invalid(ViewContext, For.Name) is null)
        {
            return;
        }

        // Radio buttons share a name; only the first (whose id is the field's id) is described by the message.
        var id = output.Attributes.TryGetAttribute("id", out var idAttribute) ? idAttribute.Value?.ToString() : null;
        if (id is not null && id != FieldIds.For(For.Name))
        {
            return;
        }

        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing)
            ? $"{existing.Value} {FieldIds.ErrorFor(For.Name)}"
            : FieldIds.ErrorFor(For.Name);
        output.Attributes.SetAttribute("aria-describedby", describedBy);
    }
}

using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kompetensbron.Web.Forms;

/// <summary>One line of the error summary: the message and the field id it links to (none for form-wide errors).</summary>
public sealed record ErrorSummaryItem(string Message, string? FieldId);

/// <summary>The errors of a form in the order its fields appear (GOV.UK error summary pattern).</summary>
public static class ErrorSummary
{
    /// <summary>
    /// Orders by the declaration order of the page model's bound properties ("Input.Email" follows "Input.Name"
    /// when Email is declared after Name), form-wide errors first.
    /// </summary>
    public static IReadOnlyList<ErrorSummaryItem> Items(ModelStateDictionary modelState, object? pageModel)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var order = FieldOrder(pageModel);
        return modelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .OrderBy(e => e.Key.Length == 0 ? -1 : order.IndexOf(e.Key) is var i and >= 0 ? i : int.MaxValue)
            .SelectMany(e => e.Value!.Errors.Select(error =>
                new ErrorSummaryItem(error.ErrorMessage, e.Key.Length == 0 ? null : FieldIds.For(e.Key))))
            .ToList();
    }

    private static List<string> FieldOrder(object? pageModel)
    {
        var names = new List<string>();
        if (pageModel is null)
        {
            return names;
        }

        foreach (var property in pageModel.GetType().GetProperties())
        {
            names.Add(property.Name);
            if (property.PropertyType.IsClass && property.PropertyType != typeof(string) && property.PropertyType.IsNested)
            {
                names.AddRange(property.PropertyType.GetProperties().Select(p => $"{property.Name}.{p.Name}"));
            }
        }

        return names;
    }
}

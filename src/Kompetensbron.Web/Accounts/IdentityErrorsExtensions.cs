using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kompetensbron.Web.Accounts;

internal static class IdentityErrorsExtensions
{
    /// <summary>Puts Identity's errors on the form field they concern (under <paramref name="prefix"/>).</summary>
    public static void AddIdentityErrors(this ModelStateDictionary modelState, IEnumerable<IdentityError> errors, string prefix)
    {
        foreach (var error in errors)
        {
            var field = LocalisedIdentityErrorDescriber.FieldFor(error);
            modelState.AddModelError(field.Length == 0 ? string.Empty : $"{prefix}.{field}", error.Description);
        }
    }
}

using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Web.Persons;

/// <summary>The model of <c>_VisibilityForm</c>: the current choice and the page to return to after saving.</summary>
public sealed record VisibilityChoice(ProfileVisibility? Visibility, string? ReturnUrl = null);

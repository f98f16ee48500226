namespace Kompetensbron.Data.Accounts;

/// <summary>The four roles of DESIGN.md.</summary>
public static class Roles
{
    public const string Person = "Person";
    public const string Employer = "Employer";
    public const string EducationProvider = "EducationProvider";
    public const string Coordinator = "Coordinator";

    public static IReadOnlyList<string> All { get; } = [Person, Employer, EducationProvider, Coordinator];

    /// <summary>Accepts any case ("coordinator") and returns the canonical role name, or null.</summary>
    public static string? Parse(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
}

using Kompetensbron.Data.Accounts;

namespace Kompetensbron.Web.Accounts;

/// <summary>Each role's own start page; where a login lands.</summary>
public static class RolePages
{
    public const string Person = "/min-sida";
    public const string Employer = "/arbetsgivare";
    public const string EducationProvider = "/utbildningsanordnare";
    public const string Coordinator = "/samordnare";
    public const string Login = "/konto/logga-in";
    public const string Logout = "/konto/logga-ut";
    public const string Register = "/konto/registrera";
    public const string RegisterOrganisation = "/konto/registrera-organisation";
    public const string AwaitingApproval = "/konto/vantar-pa-godkannande";
    public const string DeleteAccount = "/min-sida/radera";
    public const string AccountDeleted = "/konto/raderat";
    public const string HowMatchingWorks = "/sa-fungerar-matchningen";

    /// <summary>The page of the first role that has one (a coordinator's page before the others), or "/".</summary>
    public static string For(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        return set.Contains(Roles.Coordinator) ? Coordinator
            : set.Contains(Roles.Employer) ? Employer
            : set.Contains(Roles.EducationProvider) ? EducationProvider
            : set.Contains(Roles.Person) ? Person
            : "/";
    }
}

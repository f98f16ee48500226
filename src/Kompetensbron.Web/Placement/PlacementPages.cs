namespace Kompetensbron.Web.Placement;

/// <summary>
/// The Razor Pages folder of <c>/placering</c>: rounds for providers and coordinators, incoming students for employers.
/// Program.cs puts the whole folder behind <see cref="Accounts.ApprovedMemberPolicy"/>; a person's own results
/// (<c>/min-sida/placering</c>) live with the person's pages instead.
/// </summary>
public static class PlacementPages
{
    public const string Folder = "/Placement";

    public const string Route = "/placering";
}

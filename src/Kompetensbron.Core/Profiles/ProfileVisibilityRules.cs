namespace Kompetensbron.Core.Profiles;

/// <summary>What a person's <see cref="ProfileVisibility"/> choice lets others see: the one place for the rule.</summary>
public static class ProfileVisibilityRules
{
    /// <summary>Approved organisations may see the profile at all (rank it, invite it, place it).</summary>
    public static bool IsSeenByApprovedOrganisations(this ProfileVisibility visibility) => visibility != ProfileVisibility.Hidden;

    /// <summary>Others may see the person's name; otherwise they see a pseudonym.</summary>
    public static bool ShowsName(this ProfileVisibility visibility) => visibility == ProfileVisibility.Visible;
}

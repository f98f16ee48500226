namespace Kompetensbron.Web;

/// <summary>
/// Marker (in the root namespace, so the localizer finds the files under Resources/) for the placement rounds' UI texts in <c>Resources/PlacementResource.resx</c> (Swedish, the neutral
/// default) and <c>Resources/PlacementResource.en.resx</c> (English).
/// </summary>
#pragma warning disable CA1812 // Used only as a type argument for IStringLocalizer<T>.
public sealed class PlacementResource
{
    private PlacementResource()
    {
    }
}
#pragma warning restore CA1812

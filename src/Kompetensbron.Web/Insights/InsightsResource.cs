namespace Kompetensbron.Web;

/// <summary>
/// Marker (in the root namespace, so the localizer finds the files under Resources/) for the insights dashboard's
/// newer UI texts in <c>Resources/InsightsResource.resx</c> (Swedish, the neutral default) and
/// <c>Resources/InsightsResource.en.resx</c> (English); the first texts live in SharedResource.
/// </summary>
#pragma warning disable CA1812 // Used only as a type argument for IStringLocalizer<T>.
public sealed class InsightsResource
{
    private InsightsResource()
    {
    }
}
#pragma warning restore CA1812

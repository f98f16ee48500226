namespace Kompetensbron.Web;

/// <summary>
/// Marker for the shared UI texts in <c>Resources/SharedResource.resx</c> (Swedish, the neutral default)
/// and <c>Resources/SharedResource.en.resx</c> (English).
/// </summary>
#pragma warning disable CA1812 // Used only as a type argument for IStringLocalizer<T>.
public sealed class SharedResource
{
    private SharedResource()
    {
    }
}
#pragma warning restore CA1812

namespace Kompetensbron.Web;

/// <summary>
/// Marker for the person journey's UI texts (profile steps, matches, learning path, career explorer) in
/// <c>Resources/PersonResource.resx</c> (Swedish) and <c>Resources/PersonResource.en.resx</c> (English).
/// </summary>
#pragma warning disable CA1812 // Used only as a type argument for IStringLocalizer<T>.
public sealed class PersonResource
{
    private PersonResource()
    {
    }
}
#pragma warning restore CA1812

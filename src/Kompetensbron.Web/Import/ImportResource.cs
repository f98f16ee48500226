namespace Kompetensbron.Web;

/// <summary>
/// Marker for the upload page's texts in <c>Resources/ImportResource.resx</c> (Swedish) and
/// <c>Resources/ImportResource.en.resx</c> (English).
/// </summary>
#pragma warning disable CA1812 // Used only as a type argument for IStringLocalizer<T>.
public sealed class ImportResource
{
    private ImportResource()
    {
    }
}
#pragma warning restore CA1812

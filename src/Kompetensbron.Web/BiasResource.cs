namespace Kompetensbron.Web;

/// <summary>
/// Marker for the bias check page's texts in <c>Resources/BiasResource.resx</c> (Swedish) and
/// <c>Resources/BiasResource.en.resx</c> (English).
/// </summary>
#pragma warning disable CA1812 // Used only as a type argument for IStringLocalizer<T>.
public sealed class BiasResource
{
    private BiasResource()
    {
    }
}
#pragma warning restore CA1812

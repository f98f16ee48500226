namespace Kompetensbron.Web;

/// <summary>
/// Marker (in the root namespace, so the localizer finds the files under Resources/) for the API tokens page and the
/// edit-conflict messages: <c>Resources/IntegrationResource.resx</c> (Swedish) and <c>.en.resx</c> (English).
/// </summary>
#pragma warning disable CA1812 // Used only as a type argument for IStringLocalizer<T>.
public sealed class IntegrationResource
{
    private IntegrationResource()
    {
    }
}
#pragma warning restore CA1812

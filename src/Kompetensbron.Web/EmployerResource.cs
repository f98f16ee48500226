namespace Kompetensbron.Web;

/// <summary>
/// Marker for the employer's and provider's journey texts (needs, candidates, invitations) in
/// <c>Resources/EmployerResource.resx</c> (Swedish) and <c>Resources/EmployerResource.en.resx</c> (English).
/// </summary>
#pragma warning disable CA1812 // Used only as a type argument for IStringLocalizer<T>.
public sealed class EmployerResource
{
    private EmployerResource()
    {
    }
}
#pragma warning restore CA1812

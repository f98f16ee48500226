namespace Kompetensbron.Web;

/// <summary>
/// Marker for the organisation texts (sites, programmes and their demand, user administration, the invitation e-mail) in
/// <c>Resources/OrganisationResource.resx</c> (Swedish) and <c>Resources/OrganisationResource.en.resx</c> (English).
/// </summary>
#pragma warning disable CA1812 // Used only as a type argument for IStringLocalizer<T>.
public sealed class OrganisationResource
{
    private OrganisationResource()
    {
    }
}
#pragma warning restore CA1812

using Kompetensbron.Core;

namespace Kompetensbron.Data.Configurations;

/// <summary>Column lengths shared by the entity configurations, so both providers get the same schema.</summary>
internal static class ColumnLengths
{
    /// <summary>JobTech concept ids are 10–12 characters ("WBnc_JXj_MvY"); room for future formats.</summary>
    public const int ConceptId = 32;

    /// <summary>Our own licence codes (<c>Licences.All</c>).</summary>
    public const int Code = 32;

    public const int MunicipalityCode = 4;
    public const int OrganisationNumber = 11;
    public const int PostalCode = 8;
    public const int Name = FieldLengths.Name;
    public const int Title = FieldLengths.Title;
    public const int Description = FieldLengths.Description;
    public const int EnumName = 40;

    /// <summary>"jobtech:" and JobTech's ad id, or an id from another source system.</summary>
    public const int ExternalId = 100;
    public const int UserId = 450;
}

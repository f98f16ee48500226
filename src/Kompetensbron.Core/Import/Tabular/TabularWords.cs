using System.Globalization;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Programmes;

namespace Kompetensbron.Core.Import.Tabular;

/// <summary>The words and number formats of import and export files (Swedish first, as DESIGN.md's word list).</summary>
public static class TabularWords
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static EnumWords<NeedKind> NeedKinds { get; } = new(
        (NeedKind.Job, "jobb", "job"), (NeedKind.Apprenticeship, "lärlingsplats", "apprenticeship"),
        (NeedKind.AplPlace, "APL-plats", "work-based learning place"), (NeedKind.Internship, "praktikplats", "internship"),
        (NeedKind.SummerJob, "sommarjobb", "summer job"), (NeedKind.Trainee, "traineeplats", "trainee"));

    public static EnumWords<NeedStatus> NeedStatuses { get; } = new(
        (NeedStatus.Draft, "utkast", "draft"), (NeedStatus.Open, "öppen", "open"),
        (NeedStatus.Filled, "tillsatt", "filled"), (NeedStatus.Closed, "stängd", "closed"));

    public static EnumWords<CefrLevel> CefrLevels { get; } = new(
        (CefrLevel.A1, "A1", "A1"), (CefrLevel.A2, "A2", "A2"), (CefrLevel.B1, "B1", "B1"),
        (CefrLevel.B2, "B2", "B2"), (CefrLevel.C1, "C1", "C1"), (CefrLevel.C2, "C2", "C2"));

    public static EnumWords<Gender> Genders { get; } = new(
        (Gender.Woman, "kvinna", "woman"), (Gender.Man, "man", "man"), (Gender.NonBinary, "icke-binär", "non-binary"));

    public static EnumWords<TargetGroup> TargetGroups { get; } = new(
        (TargetGroup.Youth, "unga", "young people"), (TargetGroup.NewlyArrived, "nyanlända", "newly arrived"),
        (TargetGroup.Unemployed, "arbetssökande", "job seekers"), (TargetGroup.CareerChanger, "yrkesväxlare", "career changers"));

    public static EnumWords<ProfileVisibility> Visibilities { get; } = new(
        (ProfileVisibility.Hidden, "dold", "hidden"), (ProfileVisibility.PseudonymousToApprovedEmployers, "pseudonym", "pseudonymous"),
        (ProfileVisibility.Visible, "synlig", "visible"));

    public static EnumWords<CommuteMode> CommuteModes { get; } = new(
        (CommuteMode.Car, "bil", "car"), (CommuteMode.PublicTransport, "kollektivtrafik", "public transport"));

    public static EnumWords<ProgrammeLevel> ProgrammeLevels { get; } = new(
        (ProgrammeLevel.UpperSecondary, "gymnasium", "upper secondary"), (ProgrammeLevel.Komvux, "komvux", "adult education"),
        (ProgrammeLevel.Yh, "YH", "higher vocational"), (ProgrammeLevel.ShortCourse, "kort kurs", "short course"),
        (ProgrammeLevel.CompanyTraining, "företagsutbildning", "company training"));

    public static string? Bool(bool value) => value ? "ja" : "nej";

    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Swedish decimal comma: 2.5 years → "2,5".</summary>
    public static string Number(decimal value) => value.ToString("0.##", Swedish);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string List(IEnumerable<string> items) => string.Join("; ", items);

    /// <summary>Where a person or site is: the named place in the municipality, else the municipality's centre.</summary>
    public static GeoPoint Location(GeographyModel geography, string municipalityCode, string? placeName)
    {
        ArgumentNullException.ThrowIfNull(geography);
        return (placeName is null ? null : geography.FindPlace(placeName, municipalityCode))?.Location
            ?? geography.FindMunicipality(municipalityCode)!.Centre;
    }
}

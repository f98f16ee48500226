using System.Globalization;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Taxonomy;
using ProfileTargetGroup = Kompetensbron.Core.Profiles.TargetGroup;

namespace Kompetensbron.Core.Insights.Reports;

/// <summary>
/// Turns <see cref="RegionalInsights"/> into published tables, with every count of people suppressed under five
/// (<see cref="PublishedCount"/>). The same tables feed the dashboard, the printable page, CSV, Excel and the API.
/// </summary>
public static class InsightsReport
{
    /// <summary>Table keys, in report order.</summary>
    public static IReadOnlyList<string> TableKeys { get; } =
        ["occupations", "skills", "municipalities", "uncovered", "programmes", "gender", "retirements", "reach", "hires"];

    /// <summary>How many skill rows the report lists (the most demanded first).</summary>
    public const int SkillRows = 50;

    public static ReportDocument Build(
        RegionalInsights insights, TaxonomyModel taxonomy, GeographyModel geography, ReportLanguage language, string? municipalityCode, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(insights);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(geography);
        var t = new Texts(language);
        var place = municipalityCode is null
            ? t.Region
            : geography.FindMunicipality(municipalityCode)?.Name ?? municipalityCode;
        var scope = t.Scope(place, insights.Horizon, today);

        string Ssyk4Code(string id) => taxonomy.FindSsykGroup(id)?.Code ?? "";
        string Ssyk4Label(string id) => taxonomy.FindSsykGroup(id)?.Label ?? id;
        string SkillLabel(string id) => taxonomy.FindSkill(id)?.Label ?? id;
        string MunicipalityName(string code) => geography.FindMunicipality(code)?.Name ?? code;

        var occupationRows = insights.Occupations.Where(o => o.Demand > 0 || o.Supply > 0).ToList();
        var occupations = new TableBuilder<OccupationBalance>()
            .Text(Texts.Ssyk4, o => Ssyk4Code(o.Ssyk4Id))
            .Text(t.Occupation, o => Ssyk4Label(o.Ssyk4Id), total: t.Total)
            .Positions(t.OpenPositions, o => o.OpenPositions)
            .People(t.Retirements, o => o.Retirements)
            .People(t.Demand, o => o.Demand)
            .People(t.Profiles, o => o.ProfileSupply)
            .People(t.ProgrammeOutput, o => o.ProgrammeSupply)
            .People(t.Supply, o => o.Supply)
            .Gap(t.Gap, o => o.Demand, o => o.Supply)
            .Ratio(t.ShortageIndex, o => o.ShortageIndex, o => o.Demand, o => o.Supply)
            .Build("occupations", t.Occupations, occupationRows, withTotal: true);

        var skills = new TableBuilder<SkillBalance>()
            .Text(t.Skill, s => SkillLabel(s.SkillId))
            .Positions(t.RequiredIn, s => s.RequiredPositions)
            .Positions(t.MeritingIn, s => s.MeritingPositions)
            .People(t.RetirementDemand, s => s.RetirementDemand)
            .People(t.Demand, s => s.Demand)
            .People(t.Profiles, s => s.ProfileSupply)
            .People(t.ProgrammeOutput, s => s.ProgrammeSupply)
            .People(t.Supply, s => s.Supply)
            .Gap(t.Gap, s => s.Demand, s => s.Supply)
            .Text(t.Taught, s => s.TaughtInRegion ? t.Yes : t.No)
            .Build("skills", t.Skills, insights.Skills.Where(s => s.Demand > 0).Take(SkillRows).ToList(), withTotal: false);

        var municipalities = new TableBuilder<MunicipalityBalance>()
            .Text(t.Municipality, m => MunicipalityName(m.MunicipalityCode), total: t.Total)
            .Positions(t.OpenPositions, m => m.OpenPositions)
            .People(t.Retirements, m => m.Retirements)
            .People(t.Demand, m => m.Demand)
            .People(t.Profiles, m => m.ProfileSupply)
            .People(t.ProgrammeOutput, m => m.ProgrammeSupply)
            .People(t.Supply, m => m.Supply)
            .Gap(t.Gap, m => m.Demand, m => m.Supply)
            .Build("municipalities", t.Municipalities, insights.Municipalities, withTotal: true);

        var uncovered = new TableBuilder<SkillBalance>()
            .Text(t.Skill, s => SkillLabel(s.SkillId))
            .Positions(t.RequiredIn, s => s.RequiredPositions)
            .People(t.Demand, s => s.Demand)
            .Build("uncovered", t.Uncovered, insights.UncoveredSkills, withTotal: false);

        var programmes = new TableBuilder<ProgrammeRelevance>()
            .Text(t.Programme, p => p.Title)
            .Text(t.Provider, p => insights.Providers.FirstOrDefault(v => v.ProviderId == p.ProviderId)?.Name ?? "")
            .Positions(t.Seats, p => p.Seats)
            .Positions(t.TaughtSkills, p => p.TaughtSkills)
            .Positions(t.InDemand, p => p.InDemandSkills)
            .Percent(t.Share, p => p.Share)
            .Percent(t.WeightedShare, p => p.WeightedShare)
            .Build("programmes", t.Programmes, insights.Programmes, withTotal: false);

        var gender = new TableBuilder<GenderBalance>()
            .Text(Texts.Ssyk4, g => Ssyk4Code(g.Ssyk4Id))
            .Text(t.Occupation, g => Ssyk4Label(g.Ssyk4Id))
            .People(t.ProfileWomen, g => g.Profiles.Women)
            .People(t.ProfileMen, g => g.Profiles.Men)
            .People(t.ProfileOther, g => g.Profiles.NonBinary + g.Profiles.Unknown)
            .People(t.WorkforceWomen, g => g.Workforce.Women)
            .People(t.WorkforceMen, g => g.Workforce.Men)
            .People(t.WorkforceOther, g => g.Workforce.NonBinary + g.Workforce.Unknown)
            .Text(t.ShareWomenWorkforce, g => g.Workforce.ShareWomen is { } share && g.Workforce.Women >= PublishedCount.Threshold
                && g.Workforce.Total - g.Workforce.Women >= PublishedCount.Threshold ? Percent(share) : "..")
            .Build("gender", t.Gender, insights.GenderBalance, withTotal: false);

        var years = Enumerable.Range(1, 10).ToList();
        var retirementBuilder = new TableBuilder<KeyValuePair<string, double[]>>()
            .Text(Texts.Ssyk4, kv => Ssyk4Code(kv.Key))
            .Text(t.Occupation, kv => Ssyk4Label(kv.Key), total: t.Total);
        foreach (var year in years)
        {
            retirementBuilder.People((today.Year + year).ToString(CultureInfo.InvariantCulture), kv => kv.Value[year]);
        }

        var retirements = retirementBuilder.Build(
            "retirements",
            t.RetirementsPerYear,
            insights.RetirementsPerYear.Where(kv => kv.Value.Sum() > 0).OrderBy(kv => Ssyk4Code(kv.Key), StringComparer.Ordinal).ToList(),
            withTotal: true);

        var reach = new TableBuilder<TargetGroupReach>()
            .Text(t.TargetGroup, r => t.GroupName(r.Group), total: t.AllProfiles)
            .People(t.Profiles, r => r.Profiles)
            .People(t.Reached, r => r.Reached)
            .ShareOfPeople(t.ReachedShare, r => r.Reached, r => r.Profiles, rows => (rows.Sum(r => r.Reached), rows.Sum(r => r.Profiles)))
            .Build("reach", t.Reach, insights.Reach, withTotal: insights.Reach.Count > 0);

        var hires = new TableBuilder<OccupationHires>()
            .Text(Texts.Ssyk4, h => Ssyk4Code(h.Ssyk4Id))
            .Text(t.Occupation, h => Ssyk4Label(h.Ssyk4Id), total: t.Total)
            .People(t.HiresColumn, h => h.Hires)
            .Build("hires", t.Hires, insights.Hires, withTotal: true);

        return new ReportDocument(
            t.Title, scope, [occupations, skills, municipalities, uncovered, programmes, gender, retirements, reach, hires], t.Notes);
    }

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    /// <summary>Headings in Swedish and English (core code has no resource files; the web shows the same words).</summary>
    private sealed class Texts(ReportLanguage language)
    {
        private readonly bool _sv = language == ReportLanguage.Swedish;

        private string T(string sv, string en) => _sv ? sv : en;

        public string Title => T("Kompetensförsörjning: tillgång och efterfrågan", "Competence supply: supply and demand");
        public string Region => T("Hela länet", "The whole county");
        public string Scope(string place, int horizon, DateOnly today) =>
            horizon == 0
                ? T($"{place}, läget {today:yyyy-MM-dd}", $"{place}, as of {today:yyyy-MM-dd}")
                : T($"{place}, om {horizon} år (från {today:yyyy-MM-dd})", $"{place}, in {horizon} years (from {today:yyyy-MM-dd})");
        public string Occupations => T("Yrkesgrupper", "Occupation groups");
        public string Skills => T("Efterfrågade kompetenser", "Skills in demand");
        public string Municipalities => T("Kommuner", "Municipalities");
        public string Uncovered => T("Efterfrågade kompetenser som ingen utbildning i länet lär ut", "Skills in demand that no programme in the county teaches");
        public string Programmes => T("Utbildningarnas relevans", "Programme relevance");
        public string Gender => T("Könsfördelning per yrkesgrupp", "Gender balance per occupation group");
        public string RetirementsPerYear => T("Pensionsavgångar per år", "Retirements per year");
        public static string Ssyk4 => "SSYK";
        public string Occupation => T("Yrkesgrupp", "Occupation group");
        public string OpenPositions => T("Lediga platser", "Open positions");
        public string Retirements => T("Pensionsavgångar", "Retirements");
        public string Demand => T("Efterfrågan", "Demand");
        public string Profiles => T("Profiler", "Profiles");
        public string ProgrammeOutput => T("Från utbildning", "From programmes");
        public string Supply => T("Tillgång", "Supply");
        public string Gap => T("Skillnad", "Gap");
        public string ShortageIndex => T("Bristindex", "Shortage index");
        public string Skill => T("Kompetens", "Skill");
        public string RequiredIn => T("Krav i platser", "Required in positions");
        public string MeritingIn => T("Meriterande i platser", "Desirable in positions");
        public string RetirementDemand => T("Efter pensionsavgångar", "From retirements");
        public string Taught => T("Lärs ut i länet", "Taught in the county");
        public string Municipality => T("Kommun", "Municipality");
        public string Programme => T("Utbildning", "Programme");
        public string Provider => T("Utbildningsanordnare", "Education provider");
        public string Seats => T("Platser", "Seats");
        public string TaughtSkills => T("Kompetenser", "Skills");
        public string InDemand => T("Efterfrågade", "In demand");
        public string Share => T("Andel efterfrågade", "Share in demand");
        public string WeightedShare => T("Relevans (viktad)", "Relevance (weighted)");
        public string ProfileWomen => T("Profiler kvinnor", "Profiles women");
        public string ProfileMen => T("Profiler män", "Profiles men");
        public string ProfileOther => T("Profiler annat/ej angivet", "Profiles other/not stated");
        public string WorkforceWomen => T("Anställda kvinnor", "Staff women");
        public string WorkforceMen => T("Anställda män", "Staff men");
        public string WorkforceOther => T("Anställda annat/ej angivet", "Staff other/not stated");
        public string ShareWomenWorkforce => T("Andel kvinnor bland anställda", "Share of women among staff");
        public string Total => T("Totalt", "Total");
        public string Reach => T("Räckvidd per målgrupp", "Reach per target group");
        public string TargetGroup => T("Målgrupp", "Target group");
        public string AllProfiles => T("Alla profiler", "All profiles");
        public string Reached => T("Med minst en matchning inom pendlingsavstånd", "With at least one match within commuting distance");
        public string ReachedShare => T("Andel med matchning", "Share with a match");
        public string Hires => T("Anställningar via Kompetensbron per yrkesgrupp", "Hires through Kompetensbron per occupation group");
        public string HiresColumn => T("Anställda", "Hired");

        public string GroupName(ProfileTargetGroup? group) => group switch
        {
            ProfileTargetGroup.Youth => T("Unga", "Young people"),
            ProfileTargetGroup.NewlyArrived => T("Nyanlända", "Newly arrived"),
            ProfileTargetGroup.Unemployed => T("Arbetslösa", "Unemployed"),
            ProfileTargetGroup.CareerChanger => T("Byter yrke", "Changing careers"),
            _ => T("Ingen målgrupp angiven", "No target group stated"),
        };
        public string Yes => T("ja", "yes");
        public string No => T("nej", "no");

        public IReadOnlyList<string> Notes =>
        [
            T("Antal personer under 5 visas som \"<5\" så att ingen enskild kan pekas ut.",
              "Counts of people under 5 are shown as \"<5\" so that no individual can be singled out."),
            T("Efterfrågan = lediga platser + förväntade pensionsavgångar. Tillgång = profiler + förväntade utexaminerade.",
              "Demand = open positions + expected retirements. Supply = profiles + expected graduates."),
            T("Räckvidd: andelen profiler med minst ett öppet behov som passar och ligger inom personens egen restid. Anställningar: inbjudningar som arbetsgivaren markerat som anställd.",
              "Reach: the share of profiles with at least one open need that fits and lies within the person's own travel time. Hires: invitations the employer marked as hired."),
            T("Källa: Kompetensbron. Yrken och kompetenser: Arbetsförmedlingen, JobTech Taxonomy.",
              "Source: Kompetensbron. Occupations and skills: Arbetsförmedlingen, JobTech Taxonomy."),
        ];
    }
}

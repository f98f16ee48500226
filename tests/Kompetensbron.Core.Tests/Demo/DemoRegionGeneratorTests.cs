using System.Text.Json;
using System.Text.RegularExpressions;
using Kompetensbron.Core.Demo;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Tests.Demo;

public sealed partial class DemoRegionGeneratorTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DemoRegion Region = DemoRegionGenerator.Generate(DemoRegionGenerator.DefaultSeed, Today);

    [Fact]
    public void Same_seed_and_date_give_identical_data()
    {
        var again = DemoRegionGenerator.Generate(DemoRegionGenerator.DefaultSeed, Today);
        Assert.Equal(Serialise(Region), Serialise(again));
    }

    [Fact]
    public void Different_seed_gives_different_data()
    {
        var other = DemoRegionGenerator.Generate(DemoRegionGenerator.DefaultSeed + 1, Today);
        Assert.NotEqual(Serialise(Region), Serialise(other));
    }

    [Fact]
    public void Employers_are_at_least_sixty_in_the_five_municipalities()
    {
        Assert.True(Region.Employers.Count >= 60);
        Assert.All(Region.Employers, e =>
        {
            Assert.Equal(OrganisationKind.Employer, e.Organisation.Kind);
            Assert.NotEmpty(e.Organisation.Sites);
            Assert.All(e.Organisation.Sites, s => Assert.Contains(s.MunicipalityCode, DemoCatalogue.MunicipalityCodes));
        });
        foreach (var municipality in DemoCatalogue.MunicipalityCodes)
        {
            Assert.Contains(Region.Employers, e => e.Organisation.Sites[0].MunicipalityCode == municipality);
        }
    }

    [Fact]
    public void Needs_are_at_least_150_and_every_kind_is_present()
    {
        var needs = Region.Needs.ToList();
        Assert.True(needs.Count >= 150, $"{needs.Count} needs");
        Assert.All(Enum.GetValues<NeedKind>(), kind => Assert.Contains(needs, n => n.Kind == kind));
        Assert.All(needs, n =>
        {
            Assert.All(n.Skills, s => Assert.InRange(s.Importance, 1, 3));
            Assert.Equal(n.Skills.Count, n.Skills.Select(s => s.SkillId).Distinct().Count());
            Assert.All(n.Licences, l => Assert.NotNull(Licences.Find(l)));
        });
        Assert.Contains(needs, n => n.Skills.Exists(s => s.IsRequired));
        Assert.Contains(needs, n => n.Skills.Exists(s => !s.IsRequired));
    }

    [Fact]
    public void Needs_sit_at_a_site_of_their_own_employer()
    {
        Assert.All(Region.Employers, e => Assert.All(e.Needs, n => Assert.Contains(n.Site, e.Organisation.Sites)));
    }

    [Fact]
    public void Profiles_are_at_least_800_with_all_four_target_groups()
    {
        Assert.True(Region.Profiles.Count >= 800);
        Assert.All(Enum.GetValues<TargetGroup>(), group =>
            Assert.True(Region.Profiles.Count(p => p.TargetGroup == group) >= 100, $"{group}"));
        Assert.All(Region.Profiles, p =>
        {
            Assert.True(p.IsDemo);
            Assert.Contains(p.MunicipalityCode, DemoCatalogue.MunicipalityCodes);
            Assert.NotEmpty(p.Skills);
            Assert.Equal(p.Skills.Count, p.Skills.Select(s => s.SkillId).Distinct().Count());
            Assert.Equal(p.Occupations.Count, p.Occupations.Select(o => o.OccupationId).Distinct().Count());
            Assert.Equal(p.Languages.Count, p.Languages.Select(l => l.LanguageId).Distinct().Count());
            Assert.Contains(p.Languages, l => l.LanguageId == DemoCatalogue.Swedish.Id);
        });
        Assert.All(
            Region.Profiles.Where(p => p.TargetGroup == TargetGroup.NewlyArrived),
            p => Assert.InRange(p.Languages.Single(l => l.LanguageId == DemoCatalogue.Swedish.Id).Level, CefrLevel.A1, CefrLevel.B1));
    }

    [Fact]
    public void Programmes_are_at_least_40_from_about_ten_providers()
    {
        Assert.InRange(Region.Providers.Count, 8, 14);
        Assert.True(Region.Programmes.Count() >= 40);
        Assert.All(Region.Providers, p => Assert.Equal(OrganisationKind.EducationProvider, p.Organisation.Kind));
        Assert.All(Region.Programmes, p =>
        {
            Assert.NotEmpty(p.SkillIds);
            Assert.NotEmpty(p.StartDates);
            Assert.All(p.StartDates, d => Assert.True(d >= Today));
            Assert.NotNull(p.SunFieldCode);
        });
    }

    [Fact]
    public void Workforce_has_a_retirement_bulge()
    {
        var cohorts = Region.Cohorts.ToList();
        Assert.All(Region.Employers, e => Assert.NotEmpty(e.Cohorts));
        var total = cohorts.Sum(c => c.Count);
        var aged55Plus = cohorts.Where(c => c.AgeFrom >= 55).Sum(c => c.Count);
        Assert.True(aged55Plus >= total * 0.25, $"{aged55Plus} of {total} aged 55+");
    }

    [Fact]
    public void Organisation_numbers_are_unique_and_pass_the_Luhn_check()
    {
        var numbers = Region.Organisations.Select(o => o.OrganisationNumber).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.All(numbers, n =>
        {
            Assert.Matches(OrganisationNumberFormat(), n);
            Assert.True(PassesLuhn(n.Replace("-", "", StringComparison.Ordinal)), n);
        });
        Assert.Equal(Region.Organisations.Count(), Region.Organisations.Select(o => o.Name).Distinct().Count());
        Assert.All(Region.Organisations, o => Assert.True(o.IsDemo));
    }

    [Theory]
    [InlineData("556012579", 0)]
    [InlineData("212000014", 2)]
    public void Luhn_check_digit_matches_known_numbers(string nine, int expected) =>
        Assert.Equal(expected, DemoRegionGenerator.LuhnCheckDigit(nine));

    [Fact]
    public void Only_catalogue_ids_are_used()
    {
        var occupations = DemoCatalogue.IndustryOccupations.Concat(DemoCatalogue.OtherOccupations).ToList();
        var occupationIds = occupations.Select(o => o.Id).ToHashSet();
        var skillIds = occupations.SelectMany(o => o.Skills).Select(s => s.Id).ToHashSet();
        Assert.All(Region.Needs, n =>
        {
            Assert.Contains(n.OccupationId, occupationIds);
            Assert.All(n.Skills, s => Assert.Contains(s.SkillId, skillIds));
        });
        Assert.All(Region.Profiles, p => Assert.All(p.Occupations, o => Assert.Contains(o.OccupationId, occupationIds)));
        Assert.All(Region.Cohorts, c => Assert.Contains(c.OccupationId, occupationIds));
    }

    private static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }

        return sum % 10 == 0;
    }

    private static string Serialise(DemoRegion region) => JsonSerializer.Serialize(region);

    [GeneratedRegex(@"^\d{6}-\d{4}$")]
    private static partial Regex OrganisationNumberFormat();
}

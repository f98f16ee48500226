using Kompetensbron.Core.Demo;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Taxonomy;

namespace Kompetensbron.Core.Tests.Demo;

/// <summary>The demo region uses only concepts and places that exist in the shipped reference data.</summary>
public sealed class DemoRegionRealDataTests
{
    private static readonly TaxonomyModel Taxonomy = TaxonomyModel.LoadEmbedded();
    private static readonly GeographyModel Geography = GeographyModel.LoadEmbedded();
    private static readonly DemoRegion Region = DemoRegionGenerator.Generate(DemoRegionGenerator.DefaultSeed, new DateOnly(2026, 11, 26));

    [Fact]
    public void Every_occupation_skill_and_language_id_is_a_real_taxonomy_concept_with_the_catalogue_label()
    {
        foreach (var occupation in DemoCatalogue.IndustryOccupations.Concat(DemoCatalogue.OtherOccupations))
        {
            Assert.Equal(occupation.Label, Taxonomy.FindOccupation(occupation.Id)?.Label);
            var typical = Taxonomy.SkillsForOccupation(occupation.Id).Select(s => s.Id).ToHashSet();
            Assert.All(occupation.Skills, s =>
            {
                Assert.Equal(s.Label, Taxonomy.FindSkill(s.Id)?.Label);
                Assert.Contains(s.Id, typical);
            });
        }

        Assert.All(DemoCatalogue.NewcomerLanguages, l => Assert.Equal(l.Label, Taxonomy.FindLanguage(l.Id)?.Label));
    }

    [Fact]
    public void Generated_records_reference_existing_concepts_sni_codes_and_municipalities()
    {
        Assert.All(Region.Needs, n =>
        {
            Assert.NotNull(Taxonomy.FindOccupation(n.OccupationId));
            Assert.All(n.Skills, s => Assert.NotNull(Taxonomy.FindSkill(s.SkillId)));
        });
        Assert.All(Region.Profiles, p =>
        {
            Assert.NotNull(Geography.FindMunicipality(p.MunicipalityCode));
            Assert.All(p.Skills, s => Assert.NotNull(Taxonomy.FindSkill(s.SkillId)));
            Assert.All(p.Languages, l => Assert.NotNull(Taxonomy.FindLanguage(l.LanguageId)));
        });
        Assert.All(Region.Programmes, p => Assert.All(p.SkillIds, id => Assert.NotNull(Taxonomy.FindSkill(id))));
        Assert.All(Region.Organisations, o => Assert.NotNull(Taxonomy.FindSni(o.SniCode!)));
    }

    [Fact]
    public void Catalogue_places_are_real_places_with_their_coordinates_and_postal_municipality()
    {
        Assert.All(DemoCatalogue.Places, p =>
        {
            var place = Geography.FindPlace(p.Name, p.MunicipalityCode);
            Assert.NotNull(place);
            Assert.Equal(place.Location.Latitude, p.Latitude, tolerance: 1e-4);
            Assert.Equal(place.Location.Longitude, p.Longitude, tolerance: 1e-4);
            Assert.Equal(p.MunicipalityCode, Geography.MunicipalityForPostalCode(p.PostalCode)?.Code);
        });
    }
}

using System.Text;
using Kompetensbron.Core.Import;
using Kompetensbron.Core.Import.JobTech;

namespace Kompetensbron.Core.Tests.Import;

public sealed class JobTechAdReaderTests
{
    private const string Ad1 = """{"id": "1", "headline": "Svetsare", "workplace_address": {"coordinates": [13.73, 57.35]}}""";
    private const string Ad2 = """{"id": 2, "headline": "Montör", "unknown_field": {"x": [1, 2]}}""";

    [Theory]
    [InlineData(JobTechFileLayout.Array, "[" + Ad1 + ",\n" + Ad2 + "]")]
    [InlineData(JobTechFileLayout.SearchResponse, """{"total": {"value": 2}, "hits": [""" + Ad1 + "," + Ad2 + "]}")]
    [InlineData(JobTechFileLayout.JsonLines, Ad1 + "\n" + Ad2 + "\n")]
    [InlineData(JobTechFileLayout.JsonLines, "\uFEFF  \n" + Ad1 + "\r\n" + Ad2)]
    public async Task Every_layout_gives_the_same_ads_in_order(JobTechFileLayout layout, string json)
    {
        var reader = new JobTechAdReader(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        var ads = await reader.ReadAsync().ToListAsync();

        Assert.Equal(layout, reader.Layout);
        Assert.Equal(["1", "2"], ads.Select(a => a.Ad.Id));
        Assert.Equal([1, 2], ads.Select(a => a.Number));
        Assert.Equal("Svetsare", ads[0].Ad.Headline);
    }

    [Fact]
    public async Task A_single_ad_is_one_ad()
    {
        var reader = new JobTechAdReader(new MemoryStream(Encoding.UTF8.GetBytes(Ad1)));

        var ad = Assert.Single(await reader.ReadAsync().ToListAsync());

        Assert.Equal(JobTechFileLayout.SingleAd, reader.Layout);
        Assert.Equal(13.73, ad.Ad.WorkplaceAddress!.Coordinates![0]);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Id;Namn\n1;Svetsare", "must start with { or [")]
    [InlineData("[" + Ad1 + ", {\"headline\": \"no id\"}]", "Ad no. 2 (after id 1): has no id")]
    [InlineData("[" + Ad1 + ", {\"id\": \"3\", \"number_of_vacancies\": \"två\"}]", "Ad no. 2 (line 1): invalid JSON")]
    public async Task Malformed_files_name_the_problem(string json, string message)
    {
        var reader = new JobTechAdReader(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        var error = await Assert.ThrowsAsync<ImportFileException>(async () => await reader.ReadAsync().ToListAsync());

        Assert.Contains(message, error.MessageEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(13.7372, 57.3589, 57.3589, 13.7372)] // GeoJSON order [lon, lat]
    [InlineData(57.3589, 13.7372, 57.3589, 13.7372)] // swapped, recognised
    public void Coordinates_are_longitude_then_latitude_and_a_swapped_pair_is_put_right(double first, double second, double latitude, double longitude)
    {
        var point = JobTechAdMapper.Coordinates([first, second]);

        Assert.Equal(latitude, point!.Value.Latitude);
        Assert.Equal(longitude, point.Value.Longitude);
    }

    [Fact]
    public void Coordinates_outside_sweden_are_ignored() => Assert.Null(JobTechAdMapper.Coordinates([2.35, 48.85]));
}

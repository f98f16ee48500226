using System.Net;
using Kompetensbron.Web.Tests.Infrastructure;

namespace Kompetensbron.Web.Tests.Persons;

[Collection(WebApp.Name)]
public sealed class CareerExplorerTests(KompetensbronWebFactory factory)
{
    private const string CncOperator = "9haD_NB6_ULH";

    [Fact]
    public async Task Anyone_sees_the_occupations_in_groups_and_an_occupation_with_its_work_skills_demand_and_ways_in()
    {
        using var client = factory.Browser();

        var index = Html.Decode(await client.GetStringAsync(new Uri("/yrken", UriKind.Relative)));
        Assert.Contains($"href=\"/yrken/{CncOperator}\"", index, StringComparison.Ordinal);
        Assert.Contains("Göra delar med maskiner", index, StringComparison.Ordinal);
        Html.AssertNoInlineCode(index);

        var page = Html.Decode(await client.GetStringAsync(new Uri($"/yrken/{CncOperator}", UriKind.Relative)));
        Assert.Contains("<h1>CNC-operatör</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<li>Svarvning, CNC</li>", page, StringComparison.Ordinal);
        Assert.Contains("Om du är ny i Sverige", page, StringComparison.Ordinal);
        Assert.Contains("Skapa ett konto", page, StringComparison.Ordinal);
        Html.AssertNoInlineCode(page);

        using var unknown = await client.GetAsync(new Uri("/yrken/finns-inte", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_person_sees_a_link_to_their_own_path()
    {
        var person = await TestAccounts.CreatePersonAsync(factory);
        using var client = factory.Browser();
        using var login = await client.LoginAsync(person.Email, TestAccounts.Password);

        var page = Html.Decode(await client.GetStringAsync(new Uri($"/yrken/{CncOperator}?culture=en", UriKind.Relative)));

        Assert.Contains($"/min-sida/vag?yrke={CncOperator}", page, StringComparison.Ordinal);
        Assert.Contains("If you are new in Sweden", page, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Kompetensbron.Core.Fairness;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Matching;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Fairness;

/// <summary>The bias check on <c>/samordnare/bias</c>: the audit's figures in accessible tables, for coordinators.</summary>
[Collection(WebApp.Name)]
public sealed partial class BiasPageTests(KompetensbronWebFactory factory)
{
    [Fact]
    public async Task A_coordinator_sees_both_tables_with_the_audit_s_groups_counts_and_flags()
    {
        using var client = factory.Browser();
        var (email, _) = await TestAccounts.CreateAsync(factory, Roles.Coordinator);
        using (var login = await client.LoginAsync(email, TestAccounts.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var html = Html.Decode(await client.GetStringAsync(new Uri("/samordnare/bias", UriKind.Relative)));
        BiasReport report;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            report = await scope.ServiceProvider.GetRequiredService<MatchBiasAudit>().RunAsync();
        }

        Html.AssertNoInlineCode(html);
        Assert.Contains("Kontroll av snedvridning i matchningen", html, StringComparison.Ordinal);
        Assert.True(report.Candidates > 0);
        foreach (var (table, id) in new[] { (BiasDimension.Gender, "bias-gender"), (BiasDimension.TargetGroup, "bias-target-group") })
        {
            var rows = RowPattern().Matches(TableHtml(html, id)).ToDictionary(m => m.Groups["group"].Value, m => (Flagged: m.Groups["flagged"].Value == "true", People: m.Groups["people"].Value));
            var groups = report.Tables.Single(t => t.Dimension == table).Groups;
            Assert.Equal(groups.Select(g => g.Key ?? "NotStated").Order(), rows.Keys.Order());
            foreach (var group in groups)
            {
                var row = rows[group.Key ?? "NotStated"];
                Assert.Equal(group.PublishedCount, row.People);
                Assert.Equal(group.Flagged, row.Flagged);
            }

            // The page says which group the others were compared with: the largest one of at least 30 people.
            var reference = report.Tables.Single(t => t.Dimension == table).Reference;
            var largest = groups.Where(g => g.Count >= BiasAudit.MinimumComparedGroup).MaxBy(g => g.Count);
            Assert.Equal(largest?.Key, reference?.Key);
            var said = Regex.Match(html, $"<p data-testid=\"{id}-reference\">([^<]*)</p>").Groups[1].Value;
            Assert.Equal(reference is null
                ? "Ingen jämförelsegrupp: ingen grupp har 30 personer eller fler, så inget jämförs."
                : $"Jämförelsegrupp: {GroupNames[reference.Key ?? "NotStated"]} ({reference.PublishedCount} personer, den största gruppen).", said);
        }

        Assert.Contains(report.Flagged ? "data-testid=\"bias-flagged\"" : "data-testid=\"bias-clear\"", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coordinator_page_links_to_it_and_it_speaks_English_too()
    {
        using var client = factory.Browser();
        var (email, _) = await TestAccounts.CreateAsync(factory, Roles.Coordinator);
        (await client.LoginAsync(email, TestAccounts.Password)).Dispose();

        var start = await client.GetStringAsync(new Uri("/samordnare", UriKind.Relative));
        var english = Html.Decode(await client.GetStringAsync(new Uri("/samordnare/bias?culture=en", UriKind.Relative)));

        Assert.Contains("href=\"/samordnare/bias\"", start, StringComparison.Ordinal);
        Assert.Contains("Bias check of the matching", english, StringComparison.Ordinal);
        Assert.Contains("Target group", english, StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, string> GroupNames = new()
    {
        ["Woman"] = "Kvinna", ["Man"] = "Man", ["NonBinary"] = "Ickebinär", ["NotStated"] = "Inte angett",
        ["Youth"] = "Ung", ["NewlyArrived"] = "Nyanländ", ["Unemployed"] = "Arbetssökande", ["CareerChanger"] = "Byter yrke",
    };

    private static string TableHtml(string html, string id)
    {
        var start = html.IndexOf($"data-testid=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No table {id}.");
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<tr data-group=\"(?<group>[^\"]+)\" data-flagged=\"(?<flagged>true|false)\">\\s*<th scope=\"row\">[^<]*</th>\\s*<td class=\"numeric\" data-people>(?<people>[^<]*)</td>")]
    private static partial Regex RowPattern();
}

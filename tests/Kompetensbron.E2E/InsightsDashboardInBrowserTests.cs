using System.Globalization;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Demo;
using Microsoft.Playwright;
using MiniExcelLibs;
using Xunit.Abstractions;

namespace Kompetensbron.E2E;

[Collection(BrowserTests.Name)]
public sealed class InsightsDashboardInBrowserTests(AppServer app, Chromium chromium, ITestOutputHelper output) : BrowserTest(app, chromium)
{

    protected override BrowserNewContextOptions? PageOptions => new() { AcceptDownloads = true, ViewportSize = new() { Width = 1280, Height = 1400 } };

    [BrowserFact]
    public async Task The_coordinator_filters_to_Gnosjo_and_downloads_the_Excel_file_with_the_figures_shown()
    {
        var coordinator = DemoSeeder.DemoAccounts.First(a => a.Role == Roles.Coordinator);
        await Page.LogInAsync(coordinator.Email, coordinator.Password, "/samordnare");

        await Page.GetByTestId("insights-link").ClickAsync();
        await Page.WaitForURLAsync("**/insikter");
        await Page.GetByLabel("Kommun", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Gnosjö" });
        await Page.GetByLabel("Tidsperspektiv", new() { Exact = true }).SelectOptionAsync("5");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        await Page.WaitForURLAsync("**/insikter?kommun=0617**");

        Assert.StartsWith("Gnosjö, om 5 år", await Page.GetByTestId("insights-scope").InnerTextAsync(), StringComparison.Ordinal);
        var shownOpen = int.Parse(await Page.GetByTestId("figure-open").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.True(shownOpen > 0);
        await Page.ScreenshotAsync("insights-gnosjo.png", output, fullPage: false);

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("download-xlsx").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), "kb-e2e-" + Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(file);
        try
        {
            Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
            Assert.Contains("0617", download.SuggestedFilename, StringComparison.Ordinal);
            var rows = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Yrkesgrupper").Cast<IDictionary<string, object>>().ToList();
            var total = rows.Single(r => Equals(r["Yrkesgrupp"], "Totalt"));
            Assert.Equal(shownOpen, Convert.ToInt32(total["Lediga platser"], CultureInfo.InvariantCulture));

            // Reach per target group: the sheet's total row is the one the dashboard's table shows.
            var reach = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Räckvidd per målgrupp").Cast<IDictionary<string, object>>().ToList();
            var allProfiles = reach.Single(r => Equals(r["Målgrupp"], "Alla profiler"));
            var shownTotal = await Page.GetByTestId("table-reach").Locator("tfoot td").AllInnerTextsAsync();
            Assert.Equal(shownTotal[1], Convert.ToString(allProfiles["Profiler"], CultureInfo.InvariantCulture));
            Assert.Equal(shownTotal[2], Convert.ToString(allProfiles["Med minst en matchning inom pendlingsavstånd"], CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [BrowserFact]
    public async Task The_dashboard_has_no_serious_or_critical_accessibility_violations()
    {
        var coordinator = DemoSeeder.DemoAccounts.First(a => a.Role == Roles.Coordinator);
        await Page.LogInAsync(coordinator.Email, coordinator.Password, "/samordnare");

        foreach (var path in new[] { "/insikter?horisont=10", "/insikter/rapport?kommun=0683" })
        {
            await Page.GotoAsync(path);
            await Page.AssertAccessibleAsync(output);
        }

        await Page.ScreenshotAsync("insights-county.png", output);
    }
}

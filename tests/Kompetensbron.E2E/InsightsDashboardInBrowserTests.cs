using System.Globalization;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Demo;
using Microsoft.Playwright;
using MiniExcelLibs;
using Xunit.Abstractions;

namespace Kompetensbron.E2E;

[Collection(BrowserTests.Name)]
public sealed class InsightsDashboardInBrowserTests(AppServer app, Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        if (chromium.Browser is null)
        {
            return;
        }

        _context = await chromium.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl.ToString(), AcceptDownloads = true, ViewportSize = new() { Width = 1280, Height = 1400 } });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    [BrowserFact]
    public async Task The_coordinator_filters_to_Gnosjo_and_downloads_the_Excel_file_with_the_figures_shown()
    {
        var coordinator = DemoSeeder.DemoAccounts.First(a => a.Role == Roles.Coordinator);
        await _page.LogInAsync(coordinator.Email, coordinator.Password, "/samordnare");

        await _page.GetByTestId("insights-link").ClickAsync();
        await _page.WaitForURLAsync("**/insikter");
        await _page.GetByLabel("Kommun", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Gnosjö" });
        await _page.GetByLabel("Tidsperspektiv", new() { Exact = true }).SelectOptionAsync("5");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        await _page.WaitForURLAsync("**/insikter?kommun=0617**");

        Assert.StartsWith("Gnosjö, om 5 år", await _page.GetByTestId("insights-scope").InnerTextAsync(), StringComparison.Ordinal);
        var shownOpen = int.Parse(await _page.GetByTestId("figure-open").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.True(shownOpen > 0);
        await _page.ScreenshotAsync("insights-gnosjo.png", output, fullPage: false);

        var download = await _page.RunAndWaitForDownloadAsync(() => _page.GetByTestId("download-xlsx").ClickAsync());
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
            var shownTotal = await _page.GetByTestId("table-reach").Locator("tfoot td").AllInnerTextsAsync();
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
        await _page.LogInAsync(coordinator.Email, coordinator.Password, "/samordnare");

        foreach (var path in new[] { "/insikter?horisont=10", "/insikter/rapport?kommun=0683" })
        {
            await _page.GotoAsync(path);
            await _page.AssertAccessibleAsync(output);
        }

        await _page.ScreenshotAsync("insights-county.png", output);
    }
}

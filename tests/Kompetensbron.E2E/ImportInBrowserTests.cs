using System.Text;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kompetensbron.E2E;

/// <summary>The upload page in a real browser: keyboard-reachable form, errors with row and column, a dry run, at 360 px.</summary>
[Collection(BrowserTests.Name)]
public sealed class ImportInBrowserTests(AppServer app, Chromium chromium, ITestOutputHelper output) : BrowserTest(app, chromium)
{

    protected override BrowserNewContextOptions? PageOptions => Phone;

    [BrowserFact]
    public async Task A_coordinator_uploads_a_file_with_errors_then_tries_a_good_one()
    {
        var coordinator = DemoSeeder.DemoAccounts.First(a => a.Role == Roles.Coordinator);
        await Page.LogInAsync(coordinator.Email, coordinator.Password, "/samordnare");
        await Page.GetByTestId("import-link").ClickAsync();
        await Page.WaitForURLAsync("**/importera");
        await Page.AssertAccessibleAsync(output);

        await Page.GetByLabel("Profiler").CheckAsync();
        await Page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "profiler.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("Namn,Kommun\nEva,0617\nOla,9999\n"),
        });
        await Page.GetByTestId("upload").ClickAsync();

        Assert.Contains("9999", await Page.GetByTestId("import-errors").InnerTextAsync(), StringComparison.Ordinal);
        await Page.AssertNoSidewaysScrollAsync();
        await Page.ScreenshotAsync("import-errors-360.png", output);
        await Page.AssertAccessibleAsync(output);

        await Page.GetByLabel("Profiler").CheckAsync();
        await Page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "profiler.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("Namn,Kommun\nEva,0617\n"),
        });
        await Page.GetByTestId("upload").ClickAsync();

        Assert.Contains("Provkörning: 1 skulle skapas", await Page.GetByTestId("dry-run").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await Page.GetByTestId("confirm").IsVisibleAsync());
        await Page.ScreenshotAsync("import-dry-run-360.png", output);
        await Page.AssertAccessibleAsync(output);
    }
}

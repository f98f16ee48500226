using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kompetensbron.E2E;

/// <summary>What the browser tests do on many pages: screenshots to look at, and the axe-core check.</summary>
public static class PageChecks
{
    /// <summary>Logs in on the login page as a user types it, and waits for the page a login lands on.</summary>
    public static async Task LogInAsync(this IPage page, string email, string password, string landsOn)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/konto/logga-in");
        await page.GetByLabel("E-postadress").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync("**" + landsOn);
    }

    /// <summary>A PNG (the full page unless told otherwise) in <c>screenshots/</c> beside the test binaries.</summary>
    public static async Task ScreenshotAsync(this IPage page, string name, ITestOutputHelper output, bool fullPage = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(output);
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name);
        await page.ScreenshotAsync(new() { Path = file, FullPage = fullPage });
        output.WriteLine($"Screenshot: {file}");
    }

    /// <summary>A page on a phone: a screenshot to look at, no serious axe-core violations, no sideways scrolling.</summary>
    public static async Task CheckOnPhoneAsync(this IPage page, string screenshot, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ScreenshotAsync(screenshot, output);
        await page.AssertAccessibleAsync(output);
        await page.AssertNoSidewaysScrollAsync();
    }

    /// <summary>Fails when the page scrolls sideways (readable at 360 px), naming the first elements that stick out.</summary>
    public static async Task AssertNoSidewaysScrollAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var wide = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap')).slice(0, 5).map(e => e.tagName + '.' + e.className)");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} scrolls sideways: {string.Join(", ", wide)}");
    }

    /// <summary>Fails on serious or critical axe-core violations on the current page, listing them.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(output);
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        foreach (var violation in bad)
        {
            output.WriteLine($"{page.Url}: {violation.Impact} {violation.Id}: {violation.Help} ({string.Join(", ", violation.Nodes.Select(n => n.Html))})");
        }

        Assert.Empty(bad);
    }
}

using Microsoft.Playwright;

namespace Kompetensbron.E2E;

/// <summary>
/// Moving through a page as a keyboard user does: Tab and Shift+Tab only, checking after every key that the
/// focused element shows a visible focus indicator and is on the screen.
/// </summary>
public static class PersonKeyboard
{
    /// <summary>Most Tab presses to reach an element: the header, the step's back link and the form fit easily.</summary>
    public const int MaxPresses = 120;

    // A focus indicator is an outline that is not transparent, or a box shadow (the GOV.UK yellow-and-black bar).
    private const string FocusIsVisible = """
        () => {
            const e = document.activeElement;
            if (!e || e === document.body) return 'nothing is focused';
            const s = getComputedStyle(e);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && s.outlineColor !== 'rgba(0, 0, 0, 0)' && s.outlineColor !== 'transparent';
            const shadow = s.boxShadow && s.boxShadow !== 'none';
            const r = e.getBoundingClientRect();
            const onScreen = r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
            if (!(outline || shadow)) return 'no visible focus on ' + e.outerHTML.slice(0, 120);
            if (!onScreen) return 'focused element off screen: ' + e.outerHTML.slice(0, 120);
            return '';
        }
        """;

    /// <summary>Presses Tab (or Shift+Tab) until <paramref name="target"/> has focus; fails when it never does.</summary>
    public static async Task TabToAsync(this IPage page, ILocator target, bool backwards = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(target);
        await target.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        for (var i = 0; i < MaxPresses; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            await page.AssertFocusVisibleAsync();
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"{page.Url}: {MaxPresses} presses of {(backwards ? "Shift+Tab" : "Tab")} never reached {target}");
    }

    /// <summary>Presses a key (Space, Enter, an arrow) on the focused element and checks the focus is still visible.</summary>
    public static async Task PressAsync(this IPage page, string key)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Keyboard.PressAsync(key);
        await page.AssertFocusVisibleAsync();
    }

    /// <summary>Presses Enter on the focused link or button and waits for the page it leads to.</summary>
    public static async Task EnterAndWaitAsync(this IPage page, string url)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url);
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public static async Task AssertFocusVisibleAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var problem = await page.EvaluateAsync<string>(FocusIsVisible);
        Assert.True(problem.Length == 0, $"{page.Url}: {problem}");
    }
}

using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ReportGen.Tests.TestSupport;

/// <summary>Checks pages with axe-core's WCAG 2.2 A and AA rules (and best practice) at 1,280 and 320 px, in the real browser.</summary>
public static class AxePages
{
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    /// <summary>Fails on any violation, and on a page that scrolls sideways on a 320 px screen.</summary>
    public static async Task Check(IEnumerable<string> htmlFiles)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ReportGen.Publishing.BrowserLocator.Locate(null) });
        foreach (var file in htmlFiles)
        foreach (var width in new[] { 1280, 320 })
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
            await page.GotoAsync(new Uri(file).AbsoluteUri);
            var results = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } });
            Assert.True(results.Violations.Length == 0, $"{file} at {width}px: " +
                string.Join("\n", results.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {v.Nodes.Length} element(s), first: {v.Nodes[0].Html}")));
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(width > 320 || overflow <= 0, $"{file} is {overflow}px wider than a 320px screen");
            await page.CloseAsync();
        }
    }
}

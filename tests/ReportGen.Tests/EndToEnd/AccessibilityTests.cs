using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ReportGen.Publishing;

namespace ReportGen.Tests.EndToEnd;

/// <summary>
/// axe-core's WCAG 2.2 A/AA and best-practice rules on each sample's web page, in the real browser, at a desktop
/// width and at 320 px (the narrowest width WCAG reflow asks for).
/// </summary>
[Collection(SampleBuildCollection.Name)]
public sealed class AccessibilityTests(SampleBuildFixture fixture)
{
    private static readonly List<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var sample in SampleBuildFixture.Samples)
        foreach (var width in new[] { 1280, 320 })
            data.Add(sample, width);
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task Web_page_has_no_axe_violations(string sample, int width)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserLocator.Locate(null),
            Args = ["--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        await page.GotoAsync(new Uri(Path.Combine(fixture.OutputOf(sample), "index.html")).AbsoluteUri);

        var results = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = Tags } });

        Assert.True(results.Violations.Length == 0,
            string.Join("\n", results.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {v.Nodes.Length} element(s), first: {v.Nodes[0].Html}")));
        Assert.NotEmpty(results.Passes);
    }

    [Fact]
    public async Task Page_does_not_scroll_sideways_at_320_px()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = BrowserLocator.Locate(null) });
        foreach (var sample in SampleBuildFixture.Samples)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 320, Height = 900 } });
            await page.GotoAsync(new Uri(Path.Combine(fixture.OutputOf(sample), "index.html")).AbsoluteUri);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{sample} is {overflow}px wider than a 320px screen");
        }
    }
}

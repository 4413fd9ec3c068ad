using ReportGen.Tests.TestSupport;
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

    /// <summary>Every web page a sample publishes (its report, and a corrected edition's corrections page and superseded versions), from its lock.</summary>
    private static IEnumerable<string> PagesOf(string sample)
    {
        using var locked = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Content, sample, PublishedEditionLockTests.LockFileName)));
        return locked.RootElement.GetProperty("files").EnumerateObject().Select(f => f.Name).Where(f => f.EndsWith(".html", StringComparison.Ordinal)).ToList();
    }

    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var sample in SampleBuildFixture.Samples)
        foreach (var page in PagesOf(sample))
        foreach (var width in new[] { 1280, 320 })
            data.Add(sample, page, width);
        return data;
    }

    [Fact]
    public void The_pages_checked_include_a_corrections_page_and_a_superseded_version() =>
        Assert.Equal(["corrections.html", "index.html", "versions/1.0/index.html", "versions/1.1/index.html"], PagesOf("hertfordshire/2016-17").Order(StringComparer.Ordinal));

    [Theory, MemberData(nameof(Cases))]
    public async Task Web_page_has_no_axe_violations(string sample, string file, int width)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserLocator.Locate(null),
            Args = ["--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        await page.GotoAsync(new Uri(Path.Combine(fixture.OutputOf(sample), file)).AbsoluteUri);

        var results = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = Tags } });

        Assert.True(results.Violations.Length == 0,
            string.Join("\n", results.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {v.Nodes.Length} element(s), first: {v.Nodes[0].Html}")));
        Assert.NotEmpty(results.Passes);
    }

    /// <summary>
    /// The newest template set, which no sample pins yet (it is what a new edition gets): the Hertfordshire sample
    /// built with it, every page it publishes, at both widths.
    /// </summary>
    [Fact]
    public async Task The_newest_template_set_has_no_axe_violations()
    {
        var root = Directory.CreateTempSubdirectory("reportgen-newest-").FullName;
        try
        {
            var edition = Path.Combine(root, "content", "hertfordshire", "2016-17");
            TestFolders.Copy(Path.Combine(RepoPaths.Content, "hertfordshire", "2016-17"), edition);
            SampleEditions.UseNewestSet(edition);
            await using (var builder = new ReportBuilder(new BuildOptions(Path.Combine(root, "out"), OutputFormats.Html, RepoPaths.Templates)))
                Assert.True((await builder.BuildAsync(edition)).Succeeded);
            var built = Path.Combine(root, "out", "hertfordshire", "2016-17");

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = BrowserLocator.Locate(null) });
            foreach (var file in new[] { "index.html", "corrections.html", "versions/1.0/index.html" })
            foreach (var width in new[] { 1280, 320 })
            {
                var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
                await page.GotoAsync(new Uri(Path.Combine(built, file)).AbsoluteUri);
                var results = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = Tags } });
                Assert.True(results.Violations.Length == 0, $"{file} at {width}px: " +
                    string.Join("\n", results.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {v.Nodes.Length} element(s), first: {v.Nodes[0].Html}")));
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                Assert.True(width > 320 || overflow <= 0, $"{file} is {overflow}px wider than a 320px screen");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Page_does_not_scroll_sideways_at_320_px()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = BrowserLocator.Locate(null) });
        foreach (var sample in SampleBuildFixture.Samples)
        foreach (var file in PagesOf(sample))
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 320, Height = 900 } });
            await page.GotoAsync(new Uri(Path.Combine(fixture.OutputOf(sample), file)).AbsoluteUri);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{sample}/{file} is {overflow}px wider than a 320px screen");
        }
    }
}

using System.Globalization;
using Microsoft.Playwright;
using ReportGen.Content;
using ReportGen.Diagnostics;
using ReportGen.Publishing;
using ReportGen.Rendering;
using ReportGen.Statistics;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// Chart text measured with the fonts the newest template set ships: the widths agree with the browser's, and in
/// the browser no label, legend name or value of a chart is cut at the chart's edge or drawn over another, for
/// labels chosen to break a layout (wide capitals, one long word, Welsh, a script the fonts do not have).
/// </summary>
public sealed class ChartTextTests
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private static TemplateSet Newest()
    {
        var diagnostics = new DiagnosticBag();
        var set = TemplateSet.Locate("default", RepoPaths.Templates, RepoPaths.Content, diagnostics);
        Assert.True(set is { ChartText: not null }, "the newest default set measures its chart text: " + string.Join("; ", diagnostics.Items));
        return set!;
    }

    private static readonly string[] HostileLabels =
    [
        "White: English, Welsh, Scottish, Northern Irish or British",
        "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
        "MMMM WWWW MMMM WWWW MMMM WWWW MMMM WWWW MMMM WWWW",
        "Gwyn: Cymreig, Seisnig, Albanaidd, Gwyddelig Gogleddol neu Brydeinig (ŵ, ŷ)",
        "少数民族背景的员工和志愿者",
        "Any other ethnic group",
    ];

    [Fact]
    public void The_newest_set_reads_its_fonts_and_a_wide_capital_is_wider_than_a_narrow_letter()
    {
        var text = Newest().ChartText!;
        Assert.True(text.Width("W", 12, true) > 2 * text.Width("i", 12, true));
        Assert.True(text.Covers("łő") && text.Width("łő", 12) < 12, "letters the latin face lacks come from the latin-ext face");
        // Atkinson Hyperlegible Next (default@7 on) has the ŵ and ŷ Welsh needs, which Atkinson Hyperlegible lacked; a
        // letter no face has is drawn by the browser in a fallback font, and counted as a full em.
        Assert.True(text.Covers("ŵŷŴŶ"));
        Assert.False(text.Covers("员"));
        Assert.Equal(12 * 1.03 + 1, text.Width("员", 12), 6);
        Assert.Equal(0, text.Width("", 12));
    }

    [Fact]
    public void Wrapped_lines_keep_every_word_in_order_and_none_is_wider_than_asked()
    {
        var text = Newest().ChartText!;
        foreach (var label in HostileLabels)
        foreach (var width in new[] { 40d, 120, 240 })
        {
            var lines = text.Wrap(label, 12, true, width);
            Assert.All(lines, l => Assert.True(text.Width(l, 12, true) <= width || l.EnumerateRunes().Count() == 1, $"'{l}' is wider than {width}"));
            Assert.Equal(label.Replace(" ", ""), string.Concat(lines).Replace(" ", ""));
        }
    }

    [Fact]
    public void Descriptions_name_every_bar_and_keep_capitals_that_are_not_a_sentence_start()
    {
        var text = Newest().ChartText!;
        var tables = HostileTables();
        var stacked = ChartLayouts.Stacked(tables[1], EnGb, text)!;
        Assert.Equal("100% stacked bar chart of the table 'Stacked chart with hostile labels': one bar for each of Police community support officers and special constables, WWWWWWWWWWWWWWWWWWWW and Staff, each split by ethnic group. The figures are in the table.",
            stacked.Description);
        var bar = ChartBuilder.Bar(tables[0], EnGb, text)!;
        Assert.Contains("each group shown beside economically active population of working age (Census 2021, MMMM WWWW)", bar.Description, StringComparison.Ordinal);
        Assert.Equal("ethnic group", ChartBuilder.InSentence("Ethnic group"));
        Assert.Equal("PCSO", ChartBuilder.InSentence("PCSO"));
        Assert.Equal("population (Census 2011)", ChartBuilder.InSentence("Population (Census 2011)"));
        // An older set keeps the description it was published with.
        Assert.Contains("one bar for each police community support officers and special constables group", ChartLayouts.Stacked(tables[1], EnGb)!.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x77, 0x4F, 0x46, 0x32, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0 })]
    public void A_damaged_font_is_refused_with_a_reason_never_another_exception(byte[] bytes) =>
        Assert.Throws<InvalidDataException>(() => FontMetrics.Read(bytes));

    [Fact]
    public void Every_truncation_of_a_shipped_font_is_refused_or_read_never_another_exception()
    {
        var font = File.ReadAllBytes(Directory.EnumerateFiles(Path.Combine(Newest().AssetsPath, "fonts"), "*-latin-700-normal.woff2").Single());
        Assert.True(FontMetrics.Read(font).CharacterCount > 200);
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var damaged = font[..random.Next(font.Length)];
            if (i % 2 == 1) damaged = font.ToArray().Select((b, j) => j == random.Next(font.Length) ? (byte)random.Next(256) : b).ToArray();
            try { FontMetrics.Read(damaged); }
            catch (InvalidDataException) { }
        }
    }

    private static Figure Published(FigureKind kind, double value) => Figure.Frozen(kind, [], kind == FigureKind.Count ? 0 : 1, value, null, value, true);

    private static List<StatTable> HostileTables()
    {
        var shares = new[] { 41.0, 23.5, 12.0, 9.5, 8.0, 6.0 };
        var bar = new StatTable
        {
            Id = "bar", Title = "Bar chart with hostile labels", Section = "workforce", RowHeader = "Ethnic group", Chart = "bar", HasBenchmark = true,
            Label = "Workforce of the Heddlu Dyfed-Powys and the Office of the Police and Crime Commissioner",
            Columns = [new("All:count", "Number", FigureKind.Count), new("All:percent", "Percentage", FigureKind.Percent),
                new("benchmark:percent", "Economically active population of working age (Census 2021, MMMM WWWW)", FigureKind.Percent)],
            Rows = HostileLabels.Select((l, i) => new StatRow(l, [Published(FigureKind.Count, 10 * (i + 1)), Published(FigureKind.Percent, shares[i]), Published(FigureKind.Percent, 100 - shares[i] * 2)])).ToList(),
            Lines = [],
        };
        var groups = new[] { "Police community support officers and special constables", "WWWWWWWWWWWWWWWWWWWW", "Staff" };
        var stacked = new StatTable
        {
            Id = "stacked", Title = "Stacked chart with hostile labels", Section = "workforce", RowHeader = "Ethnic group", Chart = "stacked",
            Columns = groups.Select(g => new StatColumn($"{g}:percent", "Percentage", FigureKind.Percent, g)).ToList(),
            Rows = HostileLabels.Select((l, i) => new StatRow(l, groups.Select(_ => Published(FigureKind.Percent, shares[i] - 0.0)).ToList())).ToList(),
            Lines = [],
        };
        var months = Enumerable.Range(0, 14).Select(i => $"Quarter {i % 4 + 1} of the year {2016 + i / 4} to {2017 + i / 4}").ToList();
        var line = new StatTable
        {
            Id = "line", Title = "Line chart with long axis labels", Section = "workforce", RowHeader = "Quarter", Chart = "line",
            Columns = [new("percent", "Percentage", FigureKind.Percent)],
            Rows = months.Select((m, i) => new StatRow(m, [Published(FigureKind.Percent, 1000.0 / (i + 11))])).ToList(),
            Lines = [],
        };
        var manyMonths = Enumerable.Range(0, 48).Select(i => new DateTime(2016, 4, 1).AddMonths(i).ToString("MMMM yyyy", CultureInfo.InvariantCulture)).ToList();
        var dense = line with
        {
            Id = "dense", Title = "Line chart of four years of months",
            Rows = manyMonths.Select((m, i) => new StatRow(m, [Published(FigureKind.Percent, 40 + i % 7)])).ToList(),
        };
        return [bar, stacked, line, dense];
    }

    /// <summary>The hostile tables' page as <paramref name="set"/> renders it, with its charts laid out as the set lays them out.</summary>
    private static string HostilePage(TemplateSet set)
    {
        var diagnostics = new DiagnosticBag();
        var edition = EditionLoader.Load(Path.Combine(RepoPaths.Content, "hertfordshire", "2016-17"), diagnostics)!;
        var html = TemplateRenderer.Render(ReportViewBuilder.Build(edition, HostileTables(), null, set.ChartText), set, diagnostics);
        Assert.True(html is not null, string.Join("; ", diagnostics.Items));
        return html!;
    }

    /// <summary>
    /// The hostile page as <paramref name="set"/> renders it, opened in the browser at each width beside the set's
    /// assets, its fonts loaded; <paramref name="inspect"/> looks at it.
    /// </summary>
    private static async Task InBrowser(TemplateSet set, int[] widths, Func<IPage, int, Task> inspect)
    {
        var root = Directory.CreateTempSubdirectory("reportgen-chart-text-").FullName;
        try
        {
            TestFolders.Copy(set.AssetsPath, Path.Combine(root, TemplateSet.AssetsFolder));
            File.WriteAllText(Path.Combine(root, "index.html"), HostilePage(set));
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = BrowserLocator.Locate(null) });
            foreach (var width in widths)
            {
                var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
                await page.GotoAsync(new Uri(Path.Combine(root, "index.html")).AbsoluteUri);
                await page.EvaluateAsync("() => document.fonts.ready");
                await inspect(page, width);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public Task In_the_browser_no_chart_text_is_cut_or_drawn_over_other_text() =>
        InBrowser(Newest(), [1280, 320], async (page, width) =>
        {
            var problems = await page.EvaluateAsync<string[]>(ProblemsScript);
            Assert.True(problems.Length == 0, $"at {width}px:\n" + string.Join("\n", problems));
            Assert.Equal(4, await page.EvaluateAsync<int>("() => document.querySelectorAll('svg.chart__svg').length"));
            // Every row label is drawn whole: its lines, joined, are the label.
            var drawn = await page.EvaluateAsync<string[]>("() => [...document.getElementById('chart-bar').querySelectorAll('.chart__label')].map(t => [...t.querySelectorAll('tspan')].map(s => s.textContent).join(' '))");
            foreach (var label in HostileLabels)
                Assert.Contains(drawn, d => d.Replace(" ", "") == label.Replace(" ", ""));
        });

    /// <summary>The check itself can fail: the same charts laid out by guessing widths (as older sets are) are found cut and overlapping.</summary>
    [Fact]
    public Task The_check_finds_the_guessed_layout_cut_and_overlapping()
    {
        var older = TemplateSet.Locate("default@3", RepoPaths.Templates, RepoPaths.Content, new DiagnosticBag())!;
        Assert.Null(older.ChartText);
        return InBrowser(older, [1280], async (page, _) =>
        {
            var problems = await page.EvaluateAsync<string[]>(ProblemsScript);
            Assert.Contains(problems, p => p.StartsWith("chart-bar: chart__legend 'Workforce of the Heddlu", StringComparison.Ordinal) && p.Contains("cut at the chart's edge", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.StartsWith("chart-dense:", StringComparison.Ordinal) && p.Contains("is drawn over", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.StartsWith("chart-stacked:", StringComparison.Ordinal));
        });
    }

    /// <summary>
    /// In each chart: every text inside the drawing, no two texts overlapping, no row label over a bar, every
    /// segment value inside its segment, and the axis labels of the dense line chart thinned evenly, not dropped
    /// at random. Measured in the page's own pixels (the SVG is scaled to fit the screen), with half a pixel of slack.
    /// </summary>
    private const string ProblemsScript = """
        () => {
          const problems = [];
          const slack = 0.5;
          // Each text as the four corners of its box in the page's pixels, turned with it when it is turned.
          const quad = e => {
            const b = e.getBBox(), m = e.getScreenCTM();
            return [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
              .map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
          };
          // Two convex shapes overlap unless some edge's normal separates them (by more than the slack).
          const overlap = (p, q) => {
            for (const shape of [p, q])
              for (let i = 0; i < shape.length; i++) {
                const [x1, y1] = shape[i], [x2, y2] = shape[(i + 1) % shape.length];
                const len = Math.hypot(x2 - x1, y2 - y1) || 1;
                const [nx, ny] = [(y1 - y2) / len, (x2 - x1) / len];
                const pr = p.map(([x, y]) => x * nx + y * ny), qr = q.map(([x, y]) => x * nx + y * ny);
                if (Math.min(Math.max(...pr), Math.max(...qr)) - Math.max(Math.min(...pr), Math.min(...qr)) <= slack) return false;
              }
            return true;
          };
          const rectQuad = r => [[r.left, r.top], [r.right, r.top], [r.right, r.bottom], [r.left, r.bottom]];
          const name = e => `${e.getAttribute('class')} '${e.textContent.trim().slice(0, 40)}'`;
          for (const svg of document.querySelectorAll('svg.chart__svg')) {
            svg.id = svg.querySelector('title').id.replace(/-title$/, '');
            const box = svg.getBoundingClientRect();
            const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim() !== '');
            const quads = texts.map(quad);
            texts.forEach((t, i) => {
              const q = quads[i];
              if (q.some(([x, y]) => x < box.left - slack || x > box.right + slack || y < box.top - slack || y > box.bottom + slack))
                problems.push(`${svg.id}: ${name(t)} is cut at the chart's edge (${Math.round(Math.min(...q.map(c => c[0])) - box.left)}..${Math.round(Math.max(...q.map(c => c[0])) - box.left)} of ${Math.round(box.width)})`);
              for (let j = 0; j < i; j++)
                if (overlap(q, quads[j])) problems.push(`${svg.id}: ${name(t)} is drawn over ${name(texts[j])}`);
            });
            const bars = [...svg.querySelectorAll('rect.chart__bar, rect.chart__segment')].map(b => b.getBoundingClientRect()).filter(b => b.width > slack);
            texts.forEach((t, i) => {
              if (t.classList.contains('chart__label') && bars.some(b => overlap(quads[i], rectQuad(b)))) problems.push(`${svg.id}: ${name(t)} is drawn over a bar`);
              if (t.classList.contains('chart__segment-value')) {
                const inside = bars.some(b => quads[i].every(([x, y]) => x >= b.left - slack && x <= b.right + slack && y >= b.top - slack && y <= b.bottom + slack));
                if (!inside) problems.push(`${svg.id}: ${name(t)} does not fit its segment`);
              }
            });
          }
          const dense = [...document.getElementById('chart-dense').querySelectorAll('.chart__tick--x')].map(t => t.textContent);
          if (dense.length < 8 || dense[0] !== 'Apr 16') problems.push(`chart-dense: axis labels ${dense.join(', ')}`);
          return problems;
        }
        """;

    [Fact]
    public async Task Measured_widths_are_never_narrower_than_the_browser_draws_them_and_close_to_it()
    {
        var set = Newest();
        var samples = HostileLabels.Concat(["Asian", "Black", "Mixed", "Other", "96.8%", "Not disabled", "Ŵyr ŷd", "Łódź Gdańsk", "fi fl ff AV To Wa"]).ToList();
        var root = Directory.CreateTempSubdirectory("reportgen-chart-widths-").FullName;
        try
        {
            TestFolders.Copy(set.AssetsPath, Path.Combine(root, TemplateSet.AssetsFolder));
            var texts = string.Concat(samples.Select((s, i) =>
                $"<text class=\"chart__label\" id=\"b{i}\" x=\"0\" y=\"{20 + 20 * i}\">{System.Net.WebUtility.HtmlEncode(s)}</text><text class=\"chart__legend\" id=\"r{i}\" x=\"0\" y=\"{20 + 20 * i}\">{System.Net.WebUtility.HtmlEncode(s)}</text>"));
            File.WriteAllText(Path.Combine(root, "w.html"),
                $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>w</title><link rel=\"stylesheet\" href=\"assets/report.css\"></head><body><svg class=\"chart__svg\" viewBox=\"0 0 2000 400\" style=\"width:2000px;max-width:none\">{texts}</svg></body></html>");
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = BrowserLocator.Locate(null) });
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(Path.Combine(root, "w.html")).AbsoluteUri);
            await page.EvaluateAsync("() => document.fonts.ready");
            for (var i = 0; i < samples.Count; i++)
            foreach (var (prefix, bold) in new[] { ("b", true), ("r", false) })
            {
                var drawn = await page.EvaluateAsync<double>($"() => document.getElementById('{prefix}{i}').getComputedTextLength()");
                var measured = set.ChartText!.Width(samples[i], 12, bold);
                Assert.True(measured >= drawn, $"'{samples[i]}' ({(bold ? "bold" : "regular")}) is drawn {drawn:0.0} px wide, measured {measured:0.0}");
                // Close: within the slack, except where the fallback font (counted as a full em) draws narrower.
                if (set.ChartText.Covers(samples[i], bold))
                    Assert.True(measured <= drawn * 1.06 + 2, $"'{samples[i]}' ({(bold ? "bold" : "regular")}) is drawn {drawn:0.0} px wide, measured {measured:0.0}: too wide");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

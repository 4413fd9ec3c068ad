using ReportGen.Rendering;

namespace ReportGen.Tests.Rendering;

/// <summary>Content model 2's Markdown (default@6): headings beneath their part, tables and footnotes accessible, refused links once.</summary>
public sealed class ReportMarkdownTests
{
    [Fact]
    public void Model_1_renders_exactly_as_the_sets_before_default_6_did()
    {
        const string text = "# Heading\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nNote[^1].\n\n[^1]: A note.\n\n[Rel words](javascript:x)";
        var rendered = new ReportMarkdown(1).Render(text, 3, "part");

        Assert.Equal(MarkdownRenderer.ToHtml(text).Html, rendered.Html.Html);
        Assert.Empty(rendered.Headings);
    }

    [Fact]
    public void Headings_are_demoted_beneath_the_part_named_and_listed_at_their_top_level()
    {
        var rendered = new ReportMarkdown(2).Render("## First\n\ntext\n\n### Inner\n\n## Second *part*\n\n## First", 3, "legal-duty");

        Assert.Contains("<h3 id=\"legal-duty-first\">First</h3>", rendered.Html.Html);
        Assert.Contains("<h4 id=\"legal-duty-inner\">Inner</h4>", rendered.Html.Html);
        Assert.Contains("<h3 id=\"legal-duty-first-2\">First</h3>", rendered.Html.Html);
        Assert.Equal(["First", "Second part", "First"], rendered.Headings.Select(h => h.Title));
        Assert.Equal(["legal-duty-first", "legal-duty-second-part", "legal-duty-first-2"], rendered.Headings.Select(h => h.Anchor));
    }

    [Fact]
    public void A_heading_never_goes_below_h6()
    {
        var html = new ReportMarkdown(2).Html("# One\n\n## Two\n\n### Three", 5).Html;

        Assert.Contains("<h5", html);
        Assert.Equal(2, html.Split("<h6").Length - 1);
    }

    [Fact]
    public void Pipe_tables_get_column_headers_and_a_named_region()
    {
        var html = new ReportMarkdown(2).Html("| Rating | Meaning |\n|---|--:|\n| Red | Off <track> |").Html;

        Assert.StartsWith("<div class=\"table-wrap prose-table\" role=\"region\" aria-label=\"Table: Rating, Meaning\"><table>", html);
        Assert.Contains("<th scope=\"col\">Rating</th>", html);
        Assert.Contains("<th scope=\"col\" style=\"text-align: right;\">Meaning</th>", html);
        Assert.Contains("Off &lt;track&gt;", html);
        Assert.EndsWith("</table></div>", html);
    }

    [Fact]
    public void Two_texts_footnote_1_have_place_names_of_their_own()
    {
        var markdown = new ReportMarkdown(2);
        var first = markdown.Html("One[^1].\n\n[^1]: First note.").Html;
        var second = markdown.Html("Two[^1].\n\n[^1]: Second note.").Html;

        Assert.Contains("id=\"fn1-1\"", first);
        Assert.Contains("href=\"#fn1-1\"", first);
        Assert.Contains("id=\"fn2-1\"", second);
        Assert.Contains("href=\"#fn2-ref-1\"", second);
        Assert.DoesNotContain("fn:", first + second);
        Assert.DoesNotContain("<hr", first);
        Assert.Contains("Back to text", first);
    }

    [Fact]
    public void Text_that_looks_like_the_renderers_own_markup_stays_escaped()
    {
        var html = new ReportMarkdown(2).Html("`<table>` and id=\"fn:1\" and <th>").Html;

        Assert.DoesNotContain("<table>", html);
        Assert.DoesNotContain("<th", html);
        Assert.Contains("id=&quot;fn:1&quot;", html);
    }

    [Theory]
    [InlineData("[Rel words](javascript:alert(1))", "Rel words")]
    [InlineData("[**Rel** words](data:text/html,x)", "Rel words")]
    [InlineData("![A chart of staff](chart.png)", "A chart of staff")]
    public void A_refused_link_or_image_shows_its_text_once_and_is_reported(string text, string shown)
    {
        var html = new ReportMarkdown(2).Html(text).Html;

        Assert.Equal($"<p>{shown}</p>", html);
        Assert.Equal(shown, Assert.Single(MarkdownRenderer.Refused(text)).Shown);
    }

    [Fact]
    public void Links_that_are_published_are_not_reported()
    {
        Assert.Empty(MarkdownRenderer.Refused("[a](https://example.org) [b](mailto:a@b.example) [c](#glossary) <https://example.org>"));
    }

    [Theory]
    [InlineData("Equality report 2021-22", "Equality report <span class=\"nowrap\">2021-22</span>")]
    [InlineData("Objectives April 2016–2020 & beyond", "Objectives April <span class=\"nowrap\">2016–2020</span> &amp; beyond")]
    [InlineData("Year 2016/17, and 12345-6", "Year <span class=\"nowrap\">2016/17</span>, and 12345-6")]
    public void Year_ranges_are_kept_on_one_line(string text, string html)
    {
        Assert.Equal(html, ReportGen.Rendering.Html.KeepYears(text).Html);
    }

    [Fact]
    public void The_running_header_is_shortened_to_whole_words_that_fit_one_line()
    {
        var fonts = TemplateSet.Locate("default@6", TestSupport.RepoPaths.Templates, TestSupport.RepoPaths.Root, new Diagnostics.DiagnosticBag())!.ChartText!;
        var title = "Equality, diversity and inclusion annual report 2021-22, with our equality information, our gender pay gap report and our progress on every one of our objectives";
        var header = ReportViewBuilder.OneLine($"TFRS · {title}", fonts);

        Assert.EndsWith("…", header);
        Assert.StartsWith("TFRS · Equality, diversity", header);
        Assert.True(fonts.Width(header, ReportViewBuilder.HeaderFontPx) <= ReportViewBuilder.HeaderWidthPx);
        Assert.Equal("TFRS · Short title", ReportViewBuilder.OneLine("TFRS · Short title", fonts));
    }
}

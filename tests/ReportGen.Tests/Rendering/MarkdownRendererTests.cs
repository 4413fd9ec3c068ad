using AngleSharp.Html.Parser;
using ReportGen.Rendering;

namespace ReportGen.Tests.Rendering;

public class MarkdownRendererTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Before <script>alert(1)</script> after")]
    [InlineData("Text\n\n<div onclick=\"alert(1)\">block</div>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    public void Raw_html_is_shown_as_text(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown).Html;

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<div", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;", html);
        var body = Parse(html);
        Assert.Empty(body.QuerySelectorAll("script, div, img, [onclick], [onerror]"));
    }

    [Fact]
    public void Script_tag_in_markdown_reads_as_its_own_text()
    {
        var html = MarkdownRenderer.ToHtml("Before <script>alert(1)</script> after").Html;

        Assert.Equal("<p>Before &lt;script&gt;alert(1)&lt;/script&gt; after</p>", html);
    }

    [Theory]
    [InlineData("[click me](javascript:alert(1))", "click me")]
    [InlineData("[click me](JavaScript:alert(1))", "click me")]
    [InlineData("[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "click me")]
    [InlineData("[click me](file:///etc/passwd)", "click me")]
    [InlineData("[click me][ref]\n\n[ref]: javascript:alert(1)", "click me")]
    [InlineData("<javascript:alert(1)>", "javascript:alert(1)")]
    public void Unsafe_links_become_plain_text(string markdown, string text)
    {
        var html = MarkdownRenderer.ToHtml(markdown).Html;
        var body = Parse(html);

        Assert.Empty(body.QuerySelectorAll("a"));
        Assert.DoesNotContain("href", html);
        Assert.Contains(text, body.TextContent);
    }

    [Theory]
    [InlineData("[site](https://www.example.org/page)", "https://www.example.org/page")]
    [InlineData("[site](http://www.legislation.gov.uk/ukpga/2010/15/contents)", "http://www.legislation.gov.uk/ukpga/2010/15/contents")]
    [InlineData("[write to us](mailto:equality@example.org)", "mailto:equality@example.org")]
    [InlineData("[see below](#glossary)", "#glossary")]
    [InlineData("<https://www.example.org>", "https://www.example.org")]
    [InlineData("<equality@example.org>", "mailto:equality@example.org")]
    public void Safe_links_are_kept(string markdown, string href)
    {
        var body = Parse(MarkdownRenderer.ToHtml(markdown).Html);

        var link = Assert.Single(body.QuerySelectorAll("a"));
        Assert.Equal(href, link.GetAttribute("href"));
    }

    [Theory]
    [InlineData("![a chart](https://www.example.org/chart.png)", "a chart")]
    [InlineData("![tracker](javascript:alert(1))", "tracker")]
    [InlineData("![](https://www.example.org/pixel.gif)", "https://www.example.org/pixel.gif")]
    public void Images_are_not_rendered(string markdown, string text)
    {
        var html = MarkdownRenderer.ToHtml(markdown).Html;
        var body = Parse(html);

        Assert.DoesNotContain("<img", html);
        Assert.Empty(body.QuerySelectorAll("img, a"));
        Assert.Contains(text, body.TextContent);
    }

    [Fact]
    public void Ordinary_markdown_is_rendered()
    {
        var html = MarkdownRenderer.ToHtml("Some *emphasis*\n\n- one\n- two").Html;
        var body = Parse(html);

        Assert.Single(body.QuerySelectorAll("em"));
        Assert.Equal(2, body.QuerySelectorAll("ul > li").Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n")]
    public void Empty_text_gives_an_empty_fragment(string? markdown)
    {
        Assert.True(MarkdownRenderer.ToHtml(markdown).IsEmpty);
    }

    private static AngleSharp.Dom.IElement Parse(string html) =>
        new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>").Body!;
}

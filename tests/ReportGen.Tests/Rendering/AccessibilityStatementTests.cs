using ReportGen.Publishing;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>The accessibility statement that the newest template set publishes, and the contact it needs.</summary>
public sealed class AccessibilityStatementTests
{
    private const string Edition = """
        organisation:
          name: Test Constabulary
        edition:
          title: Equality objectives 2024/25
          published: 2025-06
        """;

    private static async Task<(IReadOnlyList<ReportGen.Diagnostics.Diagnostic> Diagnostics, string? Html)> Build(string editionYaml, string? template = null)
    {
        using var edition = new TempEdition(template is null ? editionYaml : editionYaml.Replace("edition:\n", $"edition:\n  template: {template}\n", StringComparison.Ordinal), SampleEditions.ObjectivesYaml);
        await using var builder = new ReportBuilder(new BuildOptions(Path.Combine(edition.Root, "out"), OutputFormats.Html, RepoPaths.Templates));
        var result = await builder.BuildAsync(edition.Folder);
        return (result.Diagnostics, result.Succeeded ? File.ReadAllText(Path.Combine(result.OutputFolder!, "index.html")) : null);
    }

    [Fact]
    public async Task Without_a_contact_the_newest_set_refuses_the_edition_and_says_what_to_add()
    {
        var (diagnostics, html) = await Build(Edition);
        Assert.Null(html);
        var error = Assert.Single(diagnostics);
        Assert.Equal("RG0104", error.Code);
        Assert.EndsWith("edition.yaml", error.Location!.File, StringComparison.Ordinal);
        Assert.Contains("add 'accessibility:' with 'contact:' and an 'email:', 'phone:' or 'address:'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_older_set_publishes_no_statement_and_needs_no_contact()
    {
        var (diagnostics, html) = await Build(Edition, "default@3");
        Assert.Empty(diagnostics);
        Assert.DoesNotContain("Accessibility statement", html!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_statement_gives_the_contact_the_reply_time_and_the_known_problems_escaped()
    {
        var (diagnostics, html) = await Build(Edition + """

            accessibility:
              contact:
                name: the Equality team
                email: equality@example.police.uk
                phone: 01707 354000
                address: |
                  Equality team
                  Stanborough Road, Welwyn Garden City
              response_days: 15
              known_issues:
                - Two photographs have no <b>description</b> yet.
              tested: Tested by our digital team with NVDA and *VoiceOver* in May 2025.
            """);
        Assert.Empty(diagnostics);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html!);
        var statement = page.QuerySelector("section.accessibility")!;
        Assert.Equal("Accessibility statement", statement.QuerySelector("h2")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='#accessibility']"));
        Assert.Equal("mailto:equality@example.police.uk", statement.QuerySelector("a[href^='mailto:']")!.GetAttribute("href"));
        Assert.Contains("phone: 01707 354000", statement.TextContent, StringComparison.Ordinal);
        Assert.Contains("post: Equality team, Stanborough Road, Welwyn Garden City", statement.TextContent, StringComparison.Ordinal);
        Assert.Contains("reply within 15 working days", statement.TextContent, StringComparison.Ordinal);
        Assert.Contains("contact the Equality team:", statement.TextContent, StringComparison.Ordinal);
        Assert.Contains("Two photographs have no &lt;b&gt;description&lt;/b&gt; yet.", statement.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("VoiceOver", statement.QuerySelector("em")!.TextContent);
        Assert.Contains("prepared on", statement.TextContent, StringComparison.Ordinal);
        Assert.Contains($"template set {NewestSet}, whose tests check", statement.TextContent, StringComparison.Ordinal);
        Assert.Contains("partially compliant, because of the problems listed", statement.TextContent, StringComparison.Ordinal);
        // An HTML-only build has no PDF to link to, and does not say it has.
        Assert.Null(page.QuerySelector("a[href$='.pdf']"));
        Assert.Contains("This publication is available as a web page.", page.QuerySelector("section.about")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_known_problem_the_statement_says_so_and_claims_no_more_than_its_checks()
    {
        var (diagnostics, html) = await Build(Edition + "\n" + SampleEditions.AccessibilityYaml);
        Assert.Empty(diagnostics);
        var statement = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html!).QuerySelector("section.accessibility")!;
        Assert.Contains("None known.", statement.TextContent, StringComparison.Ordinal);
        Assert.Contains("The checks listed below are automatic, and cannot find every problem", statement.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("partially compliant", statement.TextContent, StringComparison.Ordinal);
        Assert.Null(statement.QuerySelector("ul:empty"));
    }

    /// <summary>The newest version of the default set, which a draft gets.</summary>
    private static string NewestSet => Directory.GetDirectories(RepoPaths.Templates, "default@*").Select(Path.GetFileName)
        .OrderBy(n => int.Parse(n!.Split('@')[1], System.Globalization.CultureInfo.InvariantCulture)).Last()!;

    [Theory]
    [InlineData("email: not-an-address", "RG0102", "is not an email address")]
    [InlineData("email: \"javascript:alert(1)@x.uk\"", "RG0102", "is not an email address")]
    [InlineData("phone: call us", "RG0102", "is not a phone number")]
    [InlineData("name: only a name", "RG0104", "needs an email, a phone number or an address")]
    public async Task A_contact_that_cannot_be_used_is_refused_at_its_place(string contact, string code, string message)
    {
        var (diagnostics, html) = await Build(Edition + $"\naccessibility:\n  contact:\n    {contact}\n");
        Assert.Null(html);
        Assert.Contains(diagnostics, d => d.Code == code && d.Message.Contains(message, StringComparison.Ordinal) && d.Location!.Line == 8);
    }
}

using ReportGen.Rendering;

namespace ReportGen.Tests.Rendering;

/// <summary>Note markers in text become links to their notes (default@5's note_links), and nothing else changes.</summary>
public sealed class NoteLinksTests
{
    private static readonly NoteView[] Notes = [new("Note", "About the whole objective."), new("2", "MARAC is …"), new("*", "Provisional."), new("10", "Tenth.")];

    private static string Link(object text) => NoteLinks.Link(text, Notes, "objective-1").Html;

    [Fact]
    public void A_superscript_number_after_a_word_links_to_the_note_of_that_number_named_for_a_screen_reader()
    {
        Assert.Equal("during the MARAC<a class=\"note-ref\" href=\"#objective-1-note-2\" aria-label=\"note 2\">²</a> process", Link("during the MARAC² process"));
        Assert.Equal("rate<a class=\"note-ref\" href=\"#objective-1-note-4\" aria-label=\"note 10\">¹⁰</a>.", Link("rate¹⁰."));
        Assert.Equal("figure<a class=\"note-ref\" href=\"#objective-1-note-3\" aria-label=\"note *\">*</a> shown", Link("figure* shown"));
    }

    [Fact]
    public void A_marker_with_no_note_a_symbol_not_after_a_word_and_a_word_marker_are_left_as_they_are()
    {
        Assert.Equal("area³ and 2 * 3 and Note", Link("area³ and 2 * 3 and Note"));
        Assert.Equal("MARAC²", NoteLinks.Link("MARAC²", [], "objective-1").Html);
    }

    [Fact]
    public void Text_is_escaped_and_a_link_is_never_put_inside_a_link_or_a_tag()
    {
        Assert.Equal("&lt;b&gt;MARAC<a class=\"note-ref\" href=\"#objective-1-note-2\" aria-label=\"note 2\">²</a>&lt;/b&gt;", Link("<b>MARAC²</b>"));
        var html = new HtmlFragment("<p>See <a href=\"https://example.org/x²\">MARAC²</a> and MARAC² <abbr title=\"y²\">Y</abbr></p>");
        Assert.Equal("<p>See <a href=\"https://example.org/x²\">MARAC²</a> and MARAC<a class=\"note-ref\" href=\"#objective-1-note-2\" aria-label=\"note 2\">²</a> <abbr title=\"y²\">Y</abbr></p>", Link(html));
    }
}

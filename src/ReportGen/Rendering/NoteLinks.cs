using System.Text;
using System.Text.RegularExpressions;

namespace ReportGen.Rendering;

/// <summary>
/// A note's marker in the text it annotates, made a link to the note (templates call <c>note_links text notes
/// prefix</c>; from default@5). The note with marker "2" is linked from a superscript ² (or ¹⁰ for "10") that follows
/// a word; a note marked with a symbol (*, †, ‡, §, ¶) from that symbol right after a word. A note marked with a word
/// ("Note") is about the whole section and has no marker to link. The link goes to <c>{prefix}-note-{n}</c>, n the
/// note's place in the list from 1, the id the template gives the note; it is named "note 2" for a screen reader.
/// The text is escaped (or, for HTML from the Markdown renderer, changed only between its tags and outside its links).
/// </summary>
public static partial class NoteLinks
{
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    [GeneratedRegex(@"(?<=\w)([⁰¹²³⁴⁵⁶⁷⁸⁹]+|[*†‡§¶]+)")]
    private static partial Regex Marker();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    public static HtmlFragment Link(object? text, IEnumerable<NoteView>? notes, string? prefix)
    {
        var html = text is HtmlFragment fragment ? fragment.Html : Html.Escape(text?.ToString() ?? "");
        var targets = Targets(notes, prefix);
        if (targets.Count == 0) return new HtmlFragment(html);
        if (text is not HtmlFragment) return new HtmlFragment(Replace(html, targets));

        // HTML: only the text between tags, and never inside a link, which cannot hold another.
        var result = new StringBuilder(html.Length + 64);
        var at = 0;
        var inLink = 0;
        foreach (Match tag in Tag().Matches(html))
        {
            var between = html[at..tag.Index];
            result.Append(inLink > 0 ? between : Replace(between, targets)).Append(tag.Value);
            if (tag.Value.StartsWith("<a", StringComparison.OrdinalIgnoreCase) && (tag.Value.Length == 2 || !char.IsLetter(tag.Value[2]))) inLink++;
            else if (tag.Value.StartsWith("</a", StringComparison.OrdinalIgnoreCase)) inLink = Math.Max(0, inLink - 1);
            at = tag.Index + tag.Length;
        }
        result.Append(inLink > 0 ? html[at..] : Replace(html[at..], targets));
        return new HtmlFragment(result.ToString());
    }

    /// <summary>Each marker as it appears in text (² for "2", * for "*"), with its note's id and spoken name.</summary>
    private static Dictionary<string, (string Id, string Name)> Targets(IEnumerable<NoteView>? notes, string? prefix)
    {
        var targets = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var index = 0;
        foreach (var note in notes ?? [])
        {
            index++;
            var marker = note.Marker.Trim();
            var written = marker.All(char.IsAsciiDigit) && marker.Length > 0 ? string.Concat(marker.Select(d => Superscripts[d - '0']))
                : marker.Length > 0 && marker.All(c => "*†‡§¶".Contains(c)) ? marker : null;
            if (written is not null) targets.TryAdd(written, ($"{prefix}-note-{index}", $"note {marker}"));
        }
        return targets;
    }

    private static string Replace(string text, Dictionary<string, (string Id, string Name)> targets) =>
        Marker().Replace(text, m => targets.TryGetValue(m.Value, out var target)
            ? $"<a class=\"note-ref\" href=\"#{Html.Escape(target.Id)}\" aria-label=\"{Html.Escape(target.Name)}\">{m.Value}</a>"
            : m.Value);
}

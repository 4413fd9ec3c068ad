using ReportGen.Diagnostics;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ReportGen.Rendering;

/// <summary>Renders a report view through a template set's entry template into one HTML document.</summary>
public static class TemplateRenderer
{
    /// <param name="page">The set's template for the page: its entry template (the report) unless another is named (its corrections page).</param>
    /// <param name="labels">The words the set prints (<see cref="TemplateSet.Labels"/>): the templates' label functions read them.</param>
    public static string? Render(ReportView view, TemplateSet set, DiagnosticBag diagnostics, string page = TemplateSet.EntryTemplate, LabelSet? labels = null)
    {
        var path = Path.Combine(set.Root, page);
        var template = Template.Parse(File.ReadAllText(path), path);
        if (template.HasErrors)
        {
            ReportFirstParseError(template.Messages, diagnostics);
            return null;
        }

        var model = new ScriptObject();
        model.Import(view);
        model.Import("css_string", new Func<string?, HtmlFragment>(Html.CssString));
        model.Import("keep_years", new Func<string?, HtmlFragment>(Html.KeepYears));
        model.Import("note_links", new Func<object?, IEnumerable<NoteView>?, string?, HtmlFragment>(NoteLinks.Link));
        // A set with labels prints every word from them: in the page's language when none were given.
        if (set.Labels && labels is null)
        {
            labels = LabelSet.ForSet(set, view.Lang, diagnostics, new SourceLocation(Content.DisplayPaths.Relative(path)));
            if (labels is null) return null;
        }
        if (labels is not null) Labels.Import(model, labels);
        var context = new HtmlTemplateContext(set, ModelSize.Items(view));
        context.PushGlobal(model);
        try
        {
            var html = template.Render(context);
            // A page that does not end as a page was cut short somewhere: never publish it.
            if (!html.TrimEnd().EndsWith("</html>", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Error(DiagnosticCodes.TemplateRuntime, "the page the template wrote does not end with </html>, so it is incomplete; fix the template so that it writes the whole page",
                    new SourceLocation(Content.DisplayPaths.Relative(path)));
                return null;
            }
            return html;
        }
        catch (ScriptParserRuntimeException ex)
        {
            ReportFirstParseError(ex.ParserMessages, diagnostics);
            return null;
        }
        catch (ScriptRuntimeException ex)
        {
            diagnostics.Error(DiagnosticCodes.TemplateRuntime, $"{ex.OriginalMessage}; fix the template", Locate(ex.Span));
            return null;
        }
    }

    /// <summary>
    /// The label functions of a set with labels: <c>label "key"</c>; <c>label_with "key" {name: value}</c>, a value that
    /// is HTML (a link, a &lt;time&gt;) written as it is and any other escaped; <c>css_label "key"</c>, a label as a CSS
    /// content value whose {page} and {pages} are the page counters; <c>category text</c>, a classification's
    /// category in the set's words. Each names the template line of a label that does not exist or lacks a value.
    /// </summary>
    private static class Labels
    {
        private static readonly IReadOnlyDictionary<string, string> PageCounters = new Dictionary<string, string> { ["page"] = "page", ["pages"] = "pages" };

        public static void Import(ScriptObject model, LabelSet labels)
        {
            model.Import("label", new Func<TemplateContext, SourceSpan, string, HtmlFragment>((_, span, key) =>
                Guard(span, () => labels.Html(key, new Dictionary<string, object?>()))));
            model.Import("label_with", new Func<TemplateContext, SourceSpan, string, ScriptObject, HtmlFragment>((_, span, key, values) =>
                Guard(span, () => labels.Html(key, values.ToDictionary(v => v.Key, v => v.Value is long l && l is >= int.MinValue and <= int.MaxValue ? (int)l : v.Value, StringComparer.Ordinal)))));
            model.Import("css_label", new Func<TemplateContext, SourceSpan, string, HtmlFragment>((_, span, key) =>
                Guard(span, () => new HtmlFragment(labels.CssContent(key, PageCounters)))));
            model.Import("category", new Func<string?, string>(text => text is null ? "" : labels.Translate(text)));
            // Markup a label's value may be, escaped here: a date as <time>, a link.
            model.Import("time", new Func<DateView?, HtmlFragment>(date => date is null ? HtmlFragment.Empty
                : new HtmlFragment($"<time datetime=\"{Html.Escape(date.Iso)}\">{Html.Escape(date.Text)}</time>")));
            model.Import("link", new Func<string?, object?, HtmlFragment>((href, text) => new HtmlFragment(
                $"<a href=\"{Html.Escape(href ?? "")}\">{(text is HtmlFragment f ? f.Html : Html.Escape(text?.ToString() ?? ""))}</a>")));
        }

        private static HtmlFragment Guard(SourceSpan span, Func<HtmlFragment> label)
        {
            try
            {
                return label();
            }
            catch (LabelException ex)
            {
                throw new ScriptRuntimeException(span, ex.Message);
            }
        }
    }

    /// <summary>The parser's first error in each file: the ones after it are usually its echo ("end not found").</summary>
    private static void ReportFirstParseError(IEnumerable<LogMessage> messages, DiagnosticBag diagnostics)
    {
        foreach (var message in messages.Where(m => m.Type == ParserMessageType.Error).GroupBy(m => m.Span.FileName).Select(g => g.First()))
            diagnostics.Error(DiagnosticCodes.TemplateSyntax, $"the template cannot be read: {message.Message.TrimEnd('.')}; fix the template at this line", Locate(message.Span));
    }

    private static SourceLocation Locate(SourceSpan span)
    {
        var file = span.FileName is { } name ? Content.DisplayPaths.Relative(name) : "template";
        return new SourceLocation(file, span.Start.Line + 1, span.Start.Column + 1);
    }
}

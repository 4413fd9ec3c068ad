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
    public static string? Render(ReportView view, TemplateSet set, DiagnosticBag diagnostics, string page = TemplateSet.EntryTemplate)
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

using ReportGen.Diagnostics;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ReportGen.Rendering;

/// <summary>Renders a report view through a template set's entry template into one HTML document.</summary>
public static class TemplateRenderer
{
    public static string? Render(ReportView view, TemplateSet set, DiagnosticBag diagnostics)
    {
        var template = Template.Parse(File.ReadAllText(set.EntryPath), set.EntryPath);
        if (template.HasErrors)
        {
            foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
                diagnostics.Error(DiagnosticCodes.TemplateSyntax, $"{message.Message}; fix the template", Locate(message.Span));
            return null;
        }

        var model = new ScriptObject();
        model.Import(view);
        model.Import("css_string", new Func<string?, HtmlFragment>(Html.CssString));
        var context = new HtmlTemplateContext(set);
        context.PushGlobal(model);
        try
        {
            return template.Render(context);
        }
        catch (ScriptParserRuntimeException ex)
        {
            foreach (var message in ex.ParserMessages.Where(m => m.Type == ParserMessageType.Error))
                diagnostics.Error(DiagnosticCodes.TemplateSyntax, $"{message.Message}; fix the template", Locate(message.Span));
            return null;
        }
        catch (ScriptRuntimeException ex)
        {
            diagnostics.Error(DiagnosticCodes.TemplateRuntime, $"{ex.OriginalMessage}; fix the template", Locate(ex.Span));
            return null;
        }
    }

    private static SourceLocation Locate(SourceSpan span)
    {
        var file = span.FileName ?? "template";
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, file);
        if (!relative.StartsWith("..", StringComparison.Ordinal)) file = relative;
        return new SourceLocation(file.Replace('\\', '/'), span.Start.Line + 1, span.Start.Column + 1);
    }
}

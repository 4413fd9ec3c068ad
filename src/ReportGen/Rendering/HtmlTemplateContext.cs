using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ReportGen.Rendering;

/// <summary>
/// A Scriban context that HTML-escapes every value a template writes, unless the value is an
/// <see cref="HtmlFragment"/>. Escaping is the default, so a template cannot forget it.
/// </summary>
internal sealed class HtmlTemplateContext : TemplateContext
{
    public HtmlTemplateContext(TemplateSet set)
    {
        TemplateLoader = new SetTemplateLoader(set);
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        LoopLimit = 10_000;
        RecursiveLimit = 50;
        NewLine = "\n";
        // A partial's output was escaped as it was rendered; mark it as HTML so it is not escaped twice.
        if (BuiltinObject["include"] is IScriptCustomFunction include)
            BuiltinObject.SetValue("include", new TrustedInclude(include), readOnly: true);
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject) =>
        base.Write(span, Escape(textAsObject));

    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) =>
        base.WriteAsync(span, Escape(textAsObject));

    private object? Escape(object? value) => value switch
    {
        null => null,
        HtmlFragment fragment => fragment.Html,
        string text => Html.Escape(text),
        _ => Html.Escape(ObjectToString(value) ?? ""),
    };

    private sealed class TrustedInclude(IScriptCustomFunction inner) : IScriptCustomFunction
    {
        public int RequiredParameterCount => inner.RequiredParameterCount;
        public int ParameterCount => inner.ParameterCount;
        public ScriptVarParamKind VarParamKind => inner.VarParamKind;
        public Type ReturnType => typeof(HtmlFragment);
        public ScriptParameterInfo GetParameterInfo(int index) => inner.GetParameterInfo(index);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new HtmlFragment(inner.Invoke(context, callerContext, arguments, blockStatement) as string ?? "");

        public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new HtmlFragment(await inner.InvokeAsync(context, callerContext, arguments, blockStatement) as string ?? "");
    }

    /// <summary>Includes resolve only to files inside the template set.</summary>
    private sealed class SetTemplateLoader(TemplateSet set) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
        {
            var parts = templateName.Split('/', '\\');
            if (Path.IsPathRooted(templateName) || parts.Contains(".."))
                throw new ScriptRuntimeException(callerSpan, $"include '{templateName}' must name a file inside the template set, such as 'partials/objective.sbn-html'");
            var path = Path.GetFullPath(Path.Combine(set.Root, templateName));
            if (!path.StartsWith(set.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new ScriptRuntimeException(callerSpan, $"include '{templateName}' must name a file inside the template set");
            if (!File.Exists(path))
                throw new ScriptRuntimeException(callerSpan, $"include '{templateName}' was not found in the template set '{set.Name}'");
            return path;
        }

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => File.ReadAllText(templatePath);

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            new((string?)File.ReadAllText(templatePath));
    }
}

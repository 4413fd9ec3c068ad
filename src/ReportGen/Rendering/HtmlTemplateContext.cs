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
    /// <summary>Loop iterations any template may spend beyond one per item of the model (a template's own ranges).</summary>
    public const int LoopAllowance = 10_000;
    /// <summary>Loops over the model: each item may be visited this many times (once in the contents, once in the body …).</summary>
    public const int LoopsPerItem = 8;
    /// <summary>The most characters a page may hold: far beyond any edition (content files are at most 2 MB each).</summary>
    public const int MaxOutputCharacters = 256 * 1024 * 1024;

    /// <param name="modelItems">How many items the view model holds, all lists together: loops over the model can never
    /// reach the loop limit, however large the edition, while a template's runaway loop still does.</param>
    public HtmlTemplateContext(TemplateSet set, int modelItems)
    {
        TemplateLoader = new SetTemplateLoader(set);
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        LoopLimit = (int)Math.Min(int.MaxValue, LoopAllowance + (long)LoopsPerItem * modelItems);
        RecursiveLimit = 50;
        // Every limit is set deliberately, and reaching one stops the build: nothing is ever cut short with "...".
        LimitToString = 0;
        OnStringLimit = ScriptLimitBehavior.Throw;
        OutputLimit = MaxOutputCharacters;
        OnOutputLimit = ScriptLimitBehavior.Throw;
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

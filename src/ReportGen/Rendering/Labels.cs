using System.Globalization;
using System.Text;
using ReportGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReportGen.Rendering;

/// <summary>
/// Words to print that are not the edition's: a label's key and the values of its placeholders. A
/// <see cref="LabelSet"/> renders it in its language; the English rendering is what the tool stored before labels
/// (a table's column header in its downloads), so a phrase can be made once and printed in each language.
/// </summary>
public sealed record Phrase(string Key, IReadOnlyDictionary<string, object?> Args)
{
    public Phrase(string key, params (string Name, object? Value)[] args)
        : this(key, args.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal)) { }
}

/// <summary>
/// Every word the tool and a template set print that is not the edition's own, in one language: read from label
/// files (the tool's <c>Labels/&lt;language&gt;.yaml</c>, then the set's <c>labels/&lt;language&gt;.yaml</c>, then the
/// edition's <c>labels:</c>, each overriding the last). A label is one text or, for a count, a text per plural
/// category of the language (CLDR's zero, one, two, few, many and other); <c>{name}</c> in a text is a value the
/// template or the tool gives, or another label (<c>{term.objectives}</c>), so that renaming a term reaches every
/// label that uses it. Month names, the number separators and the classifications' category names are data too,
/// so that no output depends on the machine's culture data.
/// </summary>
public sealed class LabelSet
{
    public const string ToolFolder = "Labels";
    public const string SetFolder = "labels";
    public const int MaxReferenceDepth = 8;

    private static readonly string[] PluralCategories = ["zero", "one", "two", "few", "many", "other"];

    private readonly Dictionary<string, Label> _labels;
    private readonly Dictionary<string, string> _categories;
    private readonly Dictionary<string, IReadOnlyList<long>> _plural;

    public string Language { get; }

    /// <summary>The culture to format figures and dates with: the invariant culture with the label set's separators and month names.</summary>
    public CultureInfo Culture { get; }

    public IEnumerable<string> Keys => _labels.Keys;

    /// <summary>The label files read whose words no translator has reviewed (reviewed: false).</summary>
    public IReadOnlyList<string> Unreviewed { get; private init; } = [];
    public IReadOnlyDictionary<string, string> Categories => _categories;

    private LabelSet(string language, Dictionary<string, Label> labels, Dictionary<string, string> categories, Dictionary<string, IReadOnlyList<long>> plural, CultureInfo culture)
    {
        Language = language;
        _labels = labels;
        _categories = categories;
        _plural = plural;
        Culture = culture;
    }

    /// <summary>One label: its text, or its text per plural category; where it was read, for diagnostics.</summary>
    public sealed record Label(string? Text, IReadOnlyDictionary<string, string>? Forms, SourceLocation From)
    {
        public IEnumerable<string> Texts => Text is not null ? [Text] : Forms!.Values;
    }

    public bool Has(string key) => _labels.ContainsKey(key);

    public Label? Find(string key) => _labels.GetValueOrDefault(key);

    /// <summary>The languages the tool has labels for.</summary>
    public static IReadOnlyList<string> ToolLanguages { get; } = typeof(LabelSet).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ToolFolder + ".", StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
        .Select(n => n[(ToolFolder.Length + 1)..^".yaml".Length]).Order(StringComparer.Ordinal).ToList();

    private static readonly Dictionary<string, LabelSet> ToolSets = new(StringComparer.Ordinal);

    /// <summary>The tool's own labels in a language (English for any language it has none for): what template sets before labels print.</summary>
    public static LabelSet Tool(string language)
    {
        var name = ToolLanguages.Contains(language) ? language : ToolLanguages.Contains(Primary(language)) ? Primary(language) : "en";
        lock (ToolSets)
        {
            if (ToolSets.TryGetValue(name, out var cached)) return cached;
            using var stream = typeof(LabelSet).Assembly.GetManifestResourceStream($"{ToolFolder}.{name}.yaml")!;
            using var reader = new StreamReader(stream);
            var diagnostics = new DiagnosticBag();
            var set = Empty(name).With(reader.ReadToEnd(), $"{ToolFolder}/{name}.yaml", diagnostics);
            if (diagnostics.HasErrors) throw new InvalidDataException(string.Join("; ", diagnostics.Items.Select(d => d.ToString())));
            return ToolSets[name] = set;
        }
    }

    /// <summary>A language tag's language: "cy" of "cy-GB".</summary>
    public static string Primary(string language) => language.Split('-')[0].ToLowerInvariant();

    private static LabelSet Empty(string language) =>
        new(language, new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal), (CultureInfo)CultureInfo.InvariantCulture.Clone());

    /// <summary>
    /// The labels a set prints in a language: the tool's, then the set's file for the language. Null, with a
    /// diagnostic, when the set has no file for the language or its file cannot be read.
    /// </summary>
    public static LabelSet? ForSet(TemplateSet set, string language, DiagnosticBag diagnostics, SourceLocation asked)
    {
        var path = Path.Combine(set.Root, SetFolder, language + ".yaml");
        if (!File.Exists(path)) path = Path.Combine(set.Root, SetFolder, Primary(language) + ".yaml");
        if (!File.Exists(path))
        {
            var have = Directory.Exists(Path.Combine(set.Root, SetFolder))
                ? Directory.EnumerateFiles(Path.Combine(set.Root, SetFolder), "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()
                : [];
            diagnostics.Error(DiagnosticCodes.LabelMissing,
                $"the template set '{set.Name}' has no labels for the language '{language}' (it has {(have.Count == 0 ? "none" : string.Join(", ", have))}); " +
                $"use one of those languages, or add {SetFolder}/{language}.yaml to a new version of the set", asked);
            return null;
        }
        var fileLanguage = Path.GetFileNameWithoutExtension(path);
        var tool = ToolLanguages.Contains(fileLanguage) ? Tool(fileLanguage) : Empty(fileLanguage);
        var before = diagnostics.Items.Count(d => d.Severity == Severity.Error);
        var result = tool.With(File.ReadAllText(path), Content.DisplayPaths.Relative(path), diagnostics);
        return diagnostics.Items.Count(d => d.Severity == Severity.Error) > before ? null : result;
    }

    /// <summary>These labels with more category names: the edition's own names for its workbooks' values (statistics.yaml's names:).</summary>
    public LabelSet WithCategories(IReadOnlyDictionary<string, string> names)
    {
        if (names.Count == 0) return this;
        var categories = new Dictionary<string, string>(_categories, StringComparer.Ordinal);
        foreach (var (english, name) in names) categories[english] = name;
        return new LabelSet(Language, _labels, categories, _plural, Culture) { Unreviewed = Unreviewed };
    }

    /// <summary>These labels with an edition's overrides, each of a label that exists, with the same placeholders or fewer.</summary>
    public LabelSet? WithOverrides(IEnumerable<(string Key, string Text, SourceLocation At)> overrides, DiagnosticBag diagnostics)
    {
        var labels = new Dictionary<string, Label>(_labels, StringComparer.Ordinal);
        var before = diagnostics.Items.Count(d => d.Severity == Severity.Error);
        foreach (var (key, text, at) in overrides)
        {
            if (!labels.TryGetValue(key, out var old))
            {
                var near = Content.Suggest.Closest(key, labels.Keys);
                diagnostics.Error(DiagnosticCodes.LabelMissing, $"there is no label '{key}' to override{(near is null ? "" : $"; did you mean '{near}'?")} (the labels are listed in the template set's {SetFolder}/{Language}.yaml)", at);
                continue;
            }
            if (Check(key, text, labels, at, diagnostics, old) is { } label)
                labels[key] = label;
        }
        var result = new LabelSet(Language, labels, _categories, _plural, Culture) { Unreviewed = Unreviewed };
        return diagnostics.Items.Count(d => d.Severity == Severity.Error) > before || !result.ReferencesResolve(diagnostics) ? null : result;
    }

    /// <summary>A label's text as a value is printed: its placeholders filled, its label references followed.</summary>
    public string Text(string key, params (string Name, object? Value)[] args) => Render(new Phrase(key, args));

    public string Render(Phrase phrase) => Fill(phrase.Key, phrase.Args, 0, escape: false);

    /// <summary>
    /// The label as HTML: its own words escaped, a value that is HTML already (<see cref="HtmlFragment"/>) written as
    /// it is, any other value escaped.
    /// </summary>
    public HtmlFragment Html(string key, IReadOnlyDictionary<string, object?> args) => new(Fill(key, args, 0, escape: true));

    /// <summary>A classification's category or group in this language; a label it has no name for as it is (the edition's own).</summary>
    public string Category(string english) => _categories.GetValueOrDefault(english, english);

    /// <summary>
    /// A table's header, row or group label, made in English (by a classification, or by the tool from a
    /// <c>table.column.*</c> label, such as "Difference from White (percentage points)"), in this set's words: a
    /// category by name, a header by finding the English label it was made from and filling this set's with the same
    /// values, each of them translated too. A text neither made so is the edition's own, and stays as it is.
    /// </summary>
    public string Translate(string english) => Translate(english, 0);

    private string Translate(string english, int depth)
    {
        if (_categories.TryGetValue(english, out var category)) return category;
        if (depth > MaxReferenceDepth) return english;
        foreach (var (key, pattern, names) in EnglishHeaders.Value)
        {
            var match = pattern.Match(english);
            if (!match.Success) continue;
            if (!_labels.ContainsKey(key)) return english;
            return Fill(key, names.ToDictionary(n => n, n => (object?)Translate(match.Groups[n].Value, depth + 1), StringComparer.Ordinal), 0, escape: false);
        }
        return english;
    }

    public const string HeaderPrefix = "table.column.";

    /// <summary>The tool's English column headers as patterns, the most specific (most words of its own) first.</summary>
    private static readonly Lazy<IReadOnlyList<(string Key, System.Text.RegularExpressions.Regex Pattern, IReadOnlyList<string> Names)>> EnglishHeaders = new(() =>
    {
        var english = Tool("en");
        return english._labels.Where(l => l.Key.StartsWith(HeaderPrefix, StringComparison.Ordinal) && l.Value.Text is not null)
            .Select(l =>
            {
                var pattern = new StringBuilder("^");
                var names = new List<string>();
                var literal = 0;
                foreach (var (isName, value) in Tokens(l.Value.Text!))
                {
                    if (isName) { pattern.Append($"(?<{value}>.+?)"); names.Add(value); }
                    else { pattern.Append(System.Text.RegularExpressions.Regex.Escape(value)); literal += value.Length; }
                }
                return (Key: l.Key, Pattern: new System.Text.RegularExpressions.Regex(pattern.Append('$').ToString(), System.Text.RegularExpressions.RegexOptions.CultureInvariant), Names: (IReadOnlyList<string>)names, Literal: literal);
            })
            .OrderByDescending(h => h.Literal).ThenBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => (h.Key, h.Pattern, h.Names)).ToList();
    });

    /// <summary>Whether the text is a category name this set translates.</summary>
    public bool HasCategory(string english) => _categories.ContainsKey(english);

    /// <summary>
    /// The label's text for a CSS <c>content</c> value: its words as CSS strings, its placeholders named in
    /// <paramref name="counters"/> as CSS counters ("Page {page} of {pages}" → "Page " counter(page) " of " counter(pages)).
    /// </summary>
    public string CssContent(string key, IReadOnlyDictionary<string, string> counters)
    {
        var text = Resolve(key, null);
        var parts = new List<string>();
        var literal = new StringBuilder();
        void Flush()
        {
            if (literal.Length > 0) parts.Add(Rendering.Html.CssString(literal.ToString()).Html);
            literal.Clear();
        }
        foreach (var (isName, value) in Tokens(text))
        {
            if (!isName) { literal.Append(value); continue; }
            if (counters.TryGetValue(value, out var counter)) { Flush(); parts.Add($"counter({counter})"); }
            else if (_labels.ContainsKey(value)) literal.Append(Fill(value, new Dictionary<string, object?>(), 1, escape: false));
            else throw new LabelException($"the label '{key}' has the placeholder {{{value}}}, which is not one of {string.Join(", ", counters.Keys.Select(k => "{" + k + "}"))}");
        }
        Flush();
        return string.Join(" ", parts);
    }

    /// <summary>The plural category of a whole number in this language.</summary>
    public string PluralOf(long n) => _plural.FirstOrDefault(p => p.Value.Contains(n)).Key ?? "other";

    private string Resolve(string key, IReadOnlyDictionary<string, object?>? args)
    {
        if (!_labels.TryGetValue(key, out var label)) throw new LabelException($"there is no label '{key}' in the {Language} labels");
        if (label.Text is not null) return label.Text;
        var count = args?.GetValueOrDefault("n") switch
        {
            int i => (long)i,
            long l => l,
            _ => throw new LabelException($"the label '{key}' has a form for each number, so it needs the number as {{n}}"),
        };
        return label.Forms!.GetValueOrDefault(PluralOf(count)) ?? label.Forms!["other"];
    }

    private string Fill(string key, IReadOnlyDictionary<string, object?> args, int depth, bool escape)
    {
        if (depth > MaxReferenceDepth) throw new LabelException($"the label '{key}' refers to labels more than {MaxReferenceDepth} deep");
        var builder = new StringBuilder();
        foreach (var (isName, value) in Tokens(Resolve(key, args)))
        {
            if (!isName) { builder.Append(escape ? Rendering.Html.Escape(value) : value); continue; }
            if (args.TryGetValue(value, out var arg)) builder.Append(Value(arg, escape, depth));
            else if (_labels.ContainsKey(value)) builder.Append(Fill(value, args, depth + 1, escape));
            else throw new LabelException($"the label '{key}' has the placeholder {{{value}}}, which is given no value");
        }
        return builder.ToString();
    }

    private string Value(object? value, bool escape, int depth)
    {
        var text = value switch
        {
            null => "",
            HtmlFragment fragment => fragment.Html,
            Phrase phrase => Fill(phrase.Key, phrase.Args, depth + 1, escape),
            int i => i.ToString("N0", Culture),
            long l => l.ToString("N0", Culture),
            IFormattable formattable => formattable.ToString(null, Culture),
            _ => value.ToString() ?? "",
        };
        return escape && value is not HtmlFragment and not Phrase ? Rendering.Html.Escape(text) : text;
    }

    /// <summary>A label's text in pieces: words, and placeholder names ({name}); {{ and }} are braces.</summary>
    internal static IEnumerable<(bool IsName, string Value)> Tokens(string text)
    {
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c) { literal.Append(c); i++; continue; }
            if (c == '{')
            {
                var end = text.IndexOf('}', i);
                if (end < 0) throw new LabelException($"'{text}' has a '{{' that is not closed");
                if (literal.Length > 0) { yield return (false, literal.ToString()); literal.Clear(); }
                yield return (true, text[(i + 1)..end].Trim());
                i = end;
                continue;
            }
            if (c == '}') throw new LabelException($"'{text}' has a '}}' that is not opened");
            literal.Append(c);
        }
        if (literal.Length > 0) yield return (false, literal.ToString());
    }

    /// <summary>The placeholders of a label's texts that are not other labels: the values it must be given.</summary>
    public IReadOnlySet<string> Placeholders(string key) =>
        _labels[key].Texts.SelectMany(t => Tokens(t).Where(p => p.IsName).Select(p => p.Value)).Where(n => !_labels.ContainsKey(n)).ToHashSet(StringComparer.Ordinal);

    /// <summary>These labels with a label file's read over them (a tool or set file: it may add labels; an edition's overrides are <see cref="WithOverrides"/>).</summary>
    private LabelSet With(string yaml, string file, DiagnosticBag diagnostics)
    {
        var labels = new Dictionary<string, Label>(_labels, StringComparer.Ordinal);
        var categories = new Dictionary<string, string>(_categories, StringComparer.Ordinal);
        var plural = new Dictionary<string, IReadOnlyList<long>>(_plural, StringComparer.Ordinal);
        var culture = (CultureInfo)Culture.Clone();
        var unreviewed = new List<string>(Unreviewed);
        SourceLocation At(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);
        void Bad(YamlNode node, string message) => diagnostics.Error(DiagnosticCodes.LabelSyntax, message, At(node));

        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                diagnostics.Error(DiagnosticCodes.LabelSyntax, "a label file is one mapping, with language:, labels: and the rest; correct the file", new SourceLocation(file));
                return this;
            }
            root = mapping;
        }
        catch (YamlException ex)
        {
            diagnostics.Error(DiagnosticCodes.LabelSyntax, $"cannot be read as YAML: {ex.Message}; correct the file at this line", new SourceLocation(file, (int)ex.Start.Line, (int)ex.Start.Column));
            return this;
        }

        foreach (var (keyNode, value) in root.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value;
            switch (name)
            {
                case "language":
                    if ((value as YamlScalarNode)?.Value != Language) Bad(value, $"this file is named for the language '{Language}' but says language: {(value as YamlScalarNode)?.Value}; make them agree");
                    break;
                case "name" or "sources" or "review":
                    break;
                case "reviewed":
                    // A file whose words no translator has reviewed says so (reviewed: false), and every build that prints it warns.
                    if ((value as YamlScalarNode)?.Value == "false") unreviewed.Add(file);
                    else if ((value as YamlScalarNode)?.Value != "true") Bad(value, "reviewed: is true or false: whether a translator has reviewed this file's words");
                    break;
                case "plural":
                    if (value is not YamlMappingNode forms) { Bad(value, "plural: maps each plural category (zero, one, two, few, many) to the whole numbers in it, such as one: [1]"); break; }
                    plural.Clear();
                    foreach (var (category, numbers) in forms.Children)
                    {
                        var c = ((YamlScalarNode)category).Value!;
                        if (!PluralCategories.Contains(c) || c == "other" || numbers is not YamlSequenceNode list
                            || list.Children.Any(n => !long.TryParse((n as YamlScalarNode)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                        {
                            Bad(category, $"'{c}' is not a plural category with a list of whole numbers; use zero, one, two, few or many, such as one: [1] (every other number is 'other')");
                            continue;
                        }
                        plural[c] = list.Children.Select(n => long.Parse(((YamlScalarNode)n).Value!, CultureInfo.InvariantCulture)).ToList();
                    }
                    break;
                case "numbers":
                    if (value is YamlMappingNode separators)
                    {
                        foreach (var (part, separator) in separators.Children)
                        {
                            var text = (separator as YamlScalarNode)?.Value ?? "";
                            switch ((part as YamlScalarNode)?.Value)
                            {
                                case "group": culture.NumberFormat.NumberGroupSeparator = text; break;
                                case "decimal": culture.NumberFormat.NumberDecimalSeparator = text; break;
                                default: Bad(part, "numbers: has group: and decimal: (the separators of thousands and of decimals)"); break;
                            }
                        }
                    }
                    else Bad(value, "numbers: has group: and decimal: (the separators of thousands and of decimals)");
                    break;
                case "months":
                    if (value is YamlSequenceNode months && months.Children.Count == 12 && months.Children.All(m => m is YamlScalarNode { Value.Length: > 0 }))
                    {
                        var monthNames = months.Children.Select(m => ((YamlScalarNode)m).Value!).Append("").ToArray();
                        culture.DateTimeFormat.MonthNames = monthNames;
                        culture.DateTimeFormat.MonthGenitiveNames = monthNames;
                    }
                    else Bad(value, "months: is the twelve month names, January first");
                    break;
                case "categories":
                    if (value is not YamlMappingNode names) { Bad(value, "categories: maps a classification's category, as the tool names it in English, to its name in this language"); break; }
                    foreach (var (english, translated) in names.Children)
                    {
                        if (english is YamlScalarNode { Value.Length: > 0 } e && translated is YamlScalarNode { Value.Length: > 0 } t) categories[e.Value!] = t.Value!;
                        else Bad(english, "each category's name is one text: \"Female\": \"Benyw\"");
                    }
                    break;
                case "labels":
                    if (value is not YamlMappingNode entries) { Bad(value, "labels: maps each label's key to its text, or to its text per plural category"); break; }
                    foreach (var (keyOf, text) in entries.Children)
                    {
                        var key = (keyOf as YamlScalarNode)?.Value ?? "";
                        var label = text switch
                        {
                            YamlScalarNode scalar => Check(key, scalar.Value ?? "", labels, At(text), diagnostics, null),
                            YamlMappingNode perNumber => Forms(key, perNumber, At(text), diagnostics),
                            _ => null,
                        };
                        if (text is not YamlScalarNode and not YamlMappingNode) Bad(text, $"the label '{key}' is a text, or a text per plural category (one:, other: …)");
                        if (label is not null) labels[key] = label;
                    }
                    break;
                default:
                    Bad(keyNode, $"'{name}' is not part of a label file, which has language:, name:, reviewed:, review:, sources:, plural:, numbers:, months:, categories: and labels:; remove it");
                    break;
            }
        }
        return new LabelSet(Language, labels, categories, plural, culture) { Unreviewed = unreviewed };
    }

    private static Label? Forms(string key, YamlMappingNode forms, SourceLocation at, DiagnosticBag diagnostics)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (category, text) in forms.Children)
        {
            var c = (category as YamlScalarNode)?.Value ?? "";
            if (!PluralCategories.Contains(c) || text is not YamlScalarNode { Value: { } value })
            {
                diagnostics.Error(DiagnosticCodes.LabelSyntax, $"the label '{key}' gives '{c}', which is not a plural category (zero, one, two, few, many, other) with a text", at);
                return null;
            }
            texts[c] = value;
        }
        if (!texts.ContainsKey("other"))
        {
            diagnostics.Error(DiagnosticCodes.LabelSyntax, $"the label '{key}' has a text per number but none for 'other'; add other:", at);
            return null;
        }
        return texts.Values.All(t => Parses(key, t, at, diagnostics)) ? new Label(null, texts, at) : null;
    }

    private static Label? Check(string key, string text, Dictionary<string, Label> labels, SourceLocation at, DiagnosticBag diagnostics, Label? old)
    {
        if (!Parses(key, text, at, diagnostics)) return null;
        if (old is not null)
        {
            // An override may leave out a value, never ask for one the template or tool does not give.
            var given = old.Texts.SelectMany(t => Tokens(t).Where(p => p.IsName).Select(p => p.Value)).ToHashSet(StringComparer.Ordinal);
            var unknown = Tokens(text).Where(p => p.IsName && !given.Contains(p.Value) && !labels.ContainsKey(p.Value)).Select(p => "{" + p.Value + "}").Distinct().ToList();
            if (unknown.Count > 0)
            {
                diagnostics.Error(DiagnosticCodes.LabelSyntax,
                    $"the label '{key}' is given {string.Join(", ", unknown)}, which it has no value for{(given.Count == 0 ? "" : $" (it has {string.Join(", ", given.Select(g => "{" + g + "}"))})")}; use those, or the key of another label", at);
                return null;
            }
            if (old.Forms is not null)
                return new Label(null, old.Forms.ToDictionary(f => f.Key, _ => text, StringComparer.Ordinal), at);
        }
        return new Label(text, null, at);
    }

    private static bool Parses(string key, string text, SourceLocation at, DiagnosticBag diagnostics)
    {
        try
        {
            _ = Tokens(text).ToList();
            return true;
        }
        catch (LabelException ex)
        {
            diagnostics.Error(DiagnosticCodes.LabelSyntax, $"the label '{key}': {ex.Message}; write {{{{ for a brace", at);
            return false;
        }
    }

    /// <summary>Every label reference leads to text: none is circular, none too deep.</summary>
    private bool ReferencesResolve(DiagnosticBag diagnostics)
    {
        var ok = true;
        foreach (var (key, label) in _labels)
        {
            if (Depth(key, 0) is null)
            {
                diagnostics.Error(DiagnosticCodes.LabelSyntax, $"the label '{key}' refers, through other labels, back to itself or more than {MaxReferenceDepth} deep; write its text out", label.From);
                ok = false;
            }
        }
        return ok;
    }

    private int? Depth(string key, int depth)
    {
        if (depth > MaxReferenceDepth) return null;
        var deepest = depth;
        foreach (var name in _labels[key].Texts.SelectMany(t => Tokens(t)).Where(p => p.IsName && _labels.ContainsKey(p.Value)).Select(p => p.Value).Distinct())
        {
            if (Depth(name, depth + 1) is not { } d) return null;
            deepest = Math.Max(deepest, d);
        }
        return deepest;
    }
}

/// <summary>A label asked for that does not exist, or a placeholder given no value: a fault of the template, or of the tool.</summary>
public sealed class LabelException(string message) : Exception(message);

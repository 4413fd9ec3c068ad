using System.Reflection;
using System.Text.RegularExpressions;
using ReportGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using YamlDotNet.Serialization.NodeDeserializers;

namespace ReportGen.Content;

/// <summary>
/// Reads one YAML file into its model type. Problems become diagnostics at the file, line and column they
/// concern; the positions of every mapping read are kept in <see cref="SourceMap"/> so that later checks
/// (a missing field, a duplicate id) can point at the right place too.
/// </summary>
/// <param name="languages">The edition's languages and the one being read (<see cref="LanguageText"/>); null to read text as it is written.</param>
/// <param name="reportOnce">Whether this reading reports what every language's reading would (the first one does).</param>
internal sealed partial class YamlReader(SourceMap sourceMap, DiagnosticBag diagnostics, Languages? languages = null, bool reportOnce = true)
{
    [GeneratedRegex(@"Property '(?<key>[^']+)' not found on type '(?<type>[^']+)'")]
    private static partial Regex UnknownPropertyPattern();

    /// <summary>Content files are small; anything larger is refused before it is parsed.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;
    public const int MaxDepth = 64;
    /// <summary>
    /// The longest text one value may hold. A title a million characters long prints as thousands of pages and
    /// keeps the browser busy for many minutes; no section of a publication needs more than this.
    /// </summary>
    public const int MaxTextLength = 50_000;

    public T? Read<T>(string path, string displayPath) where T : class
    {
        string text;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                diagnostics.Error(DiagnosticCodes.YamlUnsafe, $"the file is larger than {MaxFileBytes / (1024 * 1024)} MB; content files hold text, not data: put figures in workbooks under data/", new SourceLocation(displayPath));
                return null;
            }
            if (Decode(File.ReadAllBytes(path), displayPath) is not { } decoded) return null;
            text = decoded;
        }
        catch (IOException ex)
        {
            diagnostics.Error(DiagnosticCodes.MissingFile, $"cannot read the file: {ex.Message}", new SourceLocation(displayPath));
            return null;
        }
        if (!IsPrintable(text, displayPath) || !IsPlainYaml(text, displayPath, out var events)) return null;
        if (events is not null) events = WithoutLigatures(events);
        if (events is not null && languages is not null) events = LanguageText.Pick(events, typeof(T), languages, displayPath, diagnostics, reportOnce);

        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .WithDuplicateKeyChecking()
            .WithTypeConverter(new PartialDateConverter())
            .WithNodeDeserializer(inner => new LocatingNodeDeserializer<ObjectNodeDeserializer>(inner, sourceMap, displayPath),
                s => s.InsteadOf<ObjectNodeDeserializer>())
            .WithNodeDeserializer(inner => new LocatingNodeDeserializer<DictionaryNodeDeserializer>(inner, sourceMap, displayPath),
                s => s.InsteadOf<DictionaryNodeDeserializer>())
            .Build();
        try
        {
            var value = events is null ? deserializer.Deserialize<T>(text) : DeserializeReportingEach<T>(deserializer, events, displayPath, text);
            if (value is null && (events is null || !_skippedAny))
                diagnostics.Error(DiagnosticCodes.MissingField, "the file is empty; see 'Writing an edition' in README.md for what it must hold", new SourceLocation(displayPath, 1, 1));
            return value;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these, not a YamlException, for some malformed documents (the scan above finds them first).
            diagnostics.Error(DiagnosticCodes.YamlSyntax, "the YAML is not well formed; check the indentation and the document markers (---, ...)", new SourceLocation(displayPath, 1, 1));
            return null;
        }
        catch (YamlException ex)
        {
            Report(ex, displayPath, text);
            return null;
        }
    }

    /// <summary>
    /// The file's events with each ligature character (U+FB00 to U+FB06, as text copied out of a PDF holds: "ﬁ") written
    /// as its letters ("fi"): the set's fonts have the letters, not the ligature, which a browser draws in whatever
    /// fallback font the machine has, or not at all, and a screen reader may not read.
    /// </summary>
    private static List<ParsingEvent> WithoutLigatures(List<ParsingEvent> events)
    {
        static bool Ligature(char c) => c is >= '\uFB00' and <= '\uFB06';
        if (!events.Any(e => e is Scalar s && s.Value.Any(Ligature))) return events;
        return events.Select(e => e is Scalar s && s.Value.Any(Ligature)
            ? new Scalar(s.Anchor, s.Tag, string.Concat(s.Value.Select(c => Ligature(c) ? c.ToString().Normalize(System.Text.NormalizationForm.FormKC) : c.ToString())),
                s.Style, s.IsPlainImplicit, s.IsQuotedImplicit, s.Start, s.End, s.IsKey)
            : e).ToList();
    }

    /// <summary>
    /// The languages edition.yaml declares (edition: languages: [cy, en], else edition: language:), read from its
    /// events before the edition is, since they decide how its text is read; null when it declares neither or cannot
    /// be read (its reading then reports why).
    /// </summary>
    public static IReadOnlyList<string>? DeclaredLanguages(string path)
    {
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes) return null;
            var parser = new Parser(new StringReader(File.ReadAllText(path)));
            var depth = 0;
            string? key = null;
            string? under = null;
            List<string>? found = null;
            var inList = false;
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart: depth++; if (depth == 2) under = key; key = null; break;
                    case MappingEnd: depth--; key = null; break;
                    case SequenceStart when depth == 2 && under == "edition" && key == "languages": inList = true; found = []; break;
                    case SequenceStart: depth++; break;
                    case SequenceEnd when inList: inList = false; key = null; break;
                    case SequenceEnd: depth--; key = null; break;
                    case Scalar item when inList: found!.Add(item.Value); break;
                    case Scalar scalar when key is null: key = scalar.Value; break;
                    case Scalar value:
                        if (depth == 2 && under == "edition" && key == "language" && found is null) found = [value.Value];
                        key = null;
                        break;
                }
                if (parser.Current is AnchorAlias) return null;
            }
            return found is { Count: > 0 } ? found : null;
        }
        catch (Exception ex) when (ex is YamlException or IOException or InvalidOperationException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void Report(YamlException ex, string displayPath, string text)
    {
        if (ex is SemanticErrorException or SyntaxErrorException && IndentingTab(text, (int)ex.Start.Line) is var (line, column))
            diagnostics.Error(DiagnosticCodes.YamlSyntax, "a tab indents this line; YAML indents with spaces only: replace the tab by spaces", new SourceLocation(displayPath, line, column));
        else
            diagnostics.Error(CodeOf(ex), Describe(ex), new SourceLocation(displayPath, (int)ex.Start.Line, (int)ex.Start.Column));
    }

    /// <summary>The most values of one file reported as unreadable in one run; past it, the file's reading stops with a note saying so.</summary>
    public const int MaxErrorsPerFile = 50;

    private bool _skippedAny;

    /// <summary>
    /// Reads a well-formed file, reporting every value that cannot be read (an unknown key, a wrong type, a date that
    /// is not one), each at its own place, not only the first: the reading is replayed from the file's events with each
    /// such value (and its key) left out, until the rest reads. The keys left out are recorded, so that the checks after
    /// reading do not report them again as missing.
    /// </summary>
    private T? DeserializeReportingEach<T>(IDeserializer deserializer, List<ParsingEvent> events, string displayPath, string text)
    {
        // One reader reads every file of an edition: what was left out of one file says nothing of the next.
        _skippedAny = false;
        var skipped = new bool[events.Count];
        for (var errors = 0; ; errors++)
        {
            try
            {
                return deserializer.Deserialize<T>(new Replay(events, skipped));
            }
            catch (YamlException ex) when (ex is not (SemanticErrorException or SyntaxErrorException))
            {
                Report(ex, displayPath, text);
                if (errors + 1 >= MaxErrorsPerFile)
                {
                    diagnostics.Error(DiagnosticCodes.InvalidValue, $"this file has more than {MaxErrorsPerFile} values that cannot be read; correct these and check again for the rest", new SourceLocation(displayPath, 1, 1));
                    return default;
                }
                if (!Skip(events, skipped, ex.Start, displayPath, AboutAKey(ex))) return default;
                _skippedAny = true;
            }
        }
    }

    /// <summary>
    /// Leaves out the node at <paramref name="at"/> (a key and its value, or an item of a list) from the replayed
    /// events; false when no such node is found there, or it is the whole document.
    /// </summary>
    /// <param name="aboutAKey">
    /// Whether the error names a key (an unknown key, or a key whose value could not be converted): a block mapping
    /// begins where its first key does, and the key is meant, not the mapping. Otherwise the node beginning there is.
    /// </param>
    private bool Skip(List<ParsingEvent> events, bool[] skipped, Mark at, string displayPath, bool aboutAKey)
    {
        // Each node's end, the mapping or list it is in, and for a mapping's value the key before it.
        var end = new int[events.Count];
        var parent = new int[events.Count];
        var keyOf = new int[events.Count];
        var isKey = new bool[events.Count];
        var open = new Stack<(int Start, bool Mapping, bool ExpectKey, int Key)>();
        for (var i = 0; i < events.Count; i++)
        {
            if (skipped[i]) continue;
            var e = events[i];
            if (e is MappingEnd or SequenceEnd)
            {
                var (start, _, _, _) = open.Pop();
                end[start] = i;
                continue;
            }
            if (e is not NodeEvent) continue;
            parent[i] = keyOf[i] = -1;
            if (open.TryPop(out var frame))
            {
                parent[i] = frame.Start;
                if (frame.Mapping && frame.ExpectKey) isKey[i] = true;
                else if (frame.Mapping) keyOf[i] = frame.Key;
                open.Push(frame with { ExpectKey = frame.Mapping && !frame.ExpectKey, Key = frame.Mapping && frame.ExpectKey ? i : frame.Key });
            }
            end[i] = i;
            if (e is MappingStart) open.Push((i, true, true, -1));
            else if (e is SequenceStart) open.Push((i, false, false, -1));
        }
        var there = Enumerable.Range(0, events.Count).Where(i => !skipped[i] && events[i] is NodeEvent && events[i].Start.Index == at.Index).ToList();
        var node = there.Count == 0 ? -1 : aboutAKey ? there[^1] : there[0];
        if (node < 0 || parent[node] < 0) return false;
        int from, to;
        if (isKey[node])
        {
            from = node;
            to = end[NextNode(events, skipped, node)];
        }
        else if (keyOf[node] >= 0)
        {
            from = keyOf[node];
            to = end[node];
        }
        else
        {
            from = node;
            to = end[node];
        }
        if (events[from] is Scalar key && events[parent[node]] is MappingStart mapping)
            sourceMap.RecordSkipped(new SourceLocation(displayPath, (int)mapping.Start.Line, (int)mapping.Start.Column), key.Value);
        for (var i = from; i <= to; i++) skipped[i] = true;
        return true;
    }

    private static bool AboutAKey(YamlException ex) =>
        UnknownPropertyPattern().IsMatch(ex.Message) || ex.Message.StartsWith("Exception during deserialization", StringComparison.Ordinal);

    private static int NextNode(List<ParsingEvent> events, bool[] skipped, int after)
    {
        for (var i = after + 1; i < events.Count; i++)
            if (!skipped[i] && events[i] is NodeEvent) return i;
        return after;
    }

    /// <summary>The file's events, read again with some left out.</summary>
    private sealed class Replay(List<ParsingEvent> events, bool[] skipped) : IParser
    {
        private int _at = -1;
        public ParsingEvent? Current => _at >= 0 && _at < events.Count ? events[_at] : null;

        public bool MoveNext()
        {
            do _at++; while (_at < events.Count && skipped[_at]);
            return _at < events.Count;
        }
    }

    /// <summary>
    /// A control character written into the file itself (YAML allows none but tab and line ends) is an error at its
    /// line and column, before the parser sees it: some make the parser fail without saying where.
    /// </summary>
    private bool IsPrintable(string text, string displayPath)
    {
        if (PrintableText.ControlCharacterIn(text) is not (var at and >= 0)) return true;
        diagnostics.Error(DiagnosticCodes.InvalidValue,
            $"the file holds the control character {PrintableText.Name(text[at])} here, which cannot be printed (perhaps pasted in from another program); remove it",
            At(displayPath, text, at));
        return false;
    }

    /// <summary>The line and column (1-based) of the character at <paramref name="index"/> of the file's text.</summary>
    private static SourceLocation At(string displayPath, string text, int index)
    {
        var before = text.AsSpan(0, index);
        return new SourceLocation(displayPath, before.Count('\n') + 1, index - (before.LastIndexOf('\n') + 1) + 1);
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Content is UTF-8 (with or without a byte order mark). A file saved in another encoding (Windows-1252, Latin-1,
    /// UTF-16) is an error at the first byte that is not UTF-8, never text quietly published with U+FFFD in it.
    /// </summary>
    private string? Decode(byte[] bytes, string displayPath)
    {
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            diagnostics.Error(DiagnosticCodes.YamlSyntax, "the file is saved as UTF-16; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)", new SourceLocation(displayPath, 1, 1));
            return null;
        }
        var start = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            // The position of the first bad byte, as a line and column of the text before it.
            var offset = start + Math.Max(0, ex.Index);
            var before = System.Text.Encoding.UTF8.GetString(bytes, start, offset - start);
            var bad = ex.BytesUnknown is { Length: > 0 } unknown ? unknown[0] : bytes[offset];
            diagnostics.Error(DiagnosticCodes.YamlSyntax,
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"the file is not UTF-8: byte 0x{bad:X2} here is not UTF-8 text (the file was perhaps saved as Windows-1252 or Latin-1, where it is '{System.Text.Encoding.Latin1.GetString([bad])}'); save the file as UTF-8 (in Notepad: Save as, Encoding: UTF-8) and check the characters on this line"),
                At(displayPath, before, before.Length));
            return null;
        }
    }

    /// <summary>
    /// A tab in the indentation of the line of a syntax error, or of the line before it (the parser often notices on
    /// the next line), so that the error names the tab itself.
    /// </summary>
    private static (int Line, int Column)? IndentingTab(string text, int errorLine)
    {
        var lines = text.Split('\n');
        for (var line = Math.Max(1, errorLine - 1); line <= Math.Min(lines.Length, errorLine + 1); line++)
        {
            var content = lines[line - 1];
            var indent = content.Length - content.TrimStart(' ', '\t').Length;
            var tab = content.IndexOf('\t', 0, indent);
            if (tab >= 0) return (line, tab + 1);
        }
        return null;
    }


    /// <summary>
    /// Refuses what content never needs and hostile files use: anchors and aliases (which can multiply a small file
    /// into an enormous report), tags (which could ask for .NET types), and very deep nesting.
    /// </summary>
    /// <param name="events">The file's events, to read it from (null when it is not well formed: the deserializer then reports where).</param>
    private bool IsPlainYaml(string text, string displayPath, out List<ParsingEvent>? events)
    {
        var last = new Mark();
        var lastStart = new Mark();
        events = [];
        try
        {
            var parser = new Parser(new StringReader(text));
            var depth = 0;
            // Each open mapping or sequence; a mapping's events alternate key and value, and its keys are kept so that
            // a key written twice is reported where it is written the second time, with where each key's value stands.
            var open = new Stack<(bool Mapping, bool ExpectKey, Dictionary<string, long> Keys, string? Key, Dictionary<string, SourceLocation> Values)>();
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                events.Add(current);
                last = current.End;
                lastStart = current.Start;
                var location = new SourceLocation(displayPath, (int)current.Start.Line, (int)current.Start.Column);
                if (current is Scalar { Value.Length: 0, Style: ScalarStyle.Plain, Tag.IsEmpty: true } && open.TryPeek(out var list) && !list.Mapping)
                {
                    diagnostics.Error(DiagnosticCodes.MissingField, "this list entry is empty: write it after the '-', or remove the line", location);
                    return false;
                }
                if (current is NodeEvent && open.TryPop(out var frame))
                {
                    if (frame.Mapping && frame.ExpectKey && current is Scalar key)
                    {
                        if (frame.Keys.TryGetValue(key.Value, out var firstLine))
                        {
                            diagnostics.Error(DiagnosticCodes.InvalidValue, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                                $"the key '{key.Value}' appears twice in the same mapping (first at line {firstLine}); keep one of them"), location);
                            return false;
                        }
                        frame.Keys[key.Value] = current.Start.Line;
                        frame = frame with { Key = key.Value };
                    }
                    else if (frame.Mapping && !frame.ExpectKey && frame.Key is { } owner)
                        frame.Values[owner] = location;
                    open.Push(frame with { ExpectKey = frame.Mapping && !frame.ExpectKey });
                }
                if (current is MappingStart)
                {
                    var values = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
                    sourceMap.RecordFields(location, values);
                    open.Push((true, true, new Dictionary<string, long>(StringComparer.Ordinal), null, values));
                }
                else if (current is SequenceStart) open.Push((false, false, [], null, []));
                else if (current is MappingEnd or SequenceEnd) open.TryPop(out _);
                if (current is AnchorAlias || current is NodeEvent { Anchor.IsEmpty: false })
                {
                    diagnostics.Error(DiagnosticCodes.YamlUnsafe, "anchors and aliases (&name, *name) are not allowed in content; write the text out in full", location);
                    return false;
                }
                if (current is NodeEvent { Tag.IsEmpty: false } tagged && !(tagged is Scalar { Tag.Value: "tag:yaml.org,2002:str" }))
                {
                    diagnostics.Error(DiagnosticCodes.YamlUnsafe, $"tags such as '{tagged.Tag.Value}' are not allowed in content; remove it and write the value as plain text", location);
                    return false;
                }
                if (current is MappingStart or SequenceStart && ++depth > MaxDepth)
                {
                    diagnostics.Error(DiagnosticCodes.YamlUnsafe, $"the content is nested more than {MaxDepth} levels deep; check the indentation", location);
                    return false;
                }
                if (current is MappingEnd or SequenceEnd) depth--;
                if (current is Scalar { Value.Length: > MaxTextLength } longText)
                {
                    diagnostics.Error(DiagnosticCodes.YamlUnsafe, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"this text is {longText.Value.Length:N0} characters long; a text in content is at most {MaxTextLength:N0} (about ten pages): split it, or publish the document it comes from and link to it"),
                        location);
                    return false;
                }
                if (current is Scalar scalar && PrintableText.ControlCharacterIn(scalar.Value) is var at and >= 0)
                {
                    diagnostics.Error(DiagnosticCodes.InvalidValue,
                        $"this {(scalar.IsKey ? "key" : "text")} holds the control character {PrintableText.Name(scalar.Value[at])}, which cannot be printed (perhaps pasted in from another program); remove it",
                        location);
                    return false;
                }
            }
            return true;
        }
        catch (YamlException)
        {
            events = null;
            return true; // A syntax error: the deserializer reports it with its position.
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet throws this, not a YamlException, for some malformed documents ("..." then more content).
            diagnostics.Error(DiagnosticCodes.YamlSyntax, "the YAML is not well formed after here: something follows the end of the document (...), or an indicator such as > or | stands where no value can; check the indentation and the document markers (---, ...)",
                new SourceLocation(displayPath, (int)last.Line, (int)last.Column));
            return false;
        }
        catch (ArgumentException)
        {
            // And this for a tag that is not a valid URI (!!!!!): tags are not allowed in content anyway. The tag is
            // the first '!' after the last event read.
            var at = Math.Max(0, text.IndexOf('!', (int)Math.Min(lastStart.Index, text.Length)));
            diagnostics.Error(DiagnosticCodes.YamlUnsafe, "tags (a value starting with !) are not allowed in content, and this one is not even valid; remove the ! and write the value as plain text, in quotes if it starts with !",
                At(displayPath, text, at));
            return false;
        }
    }

    private static string CodeOf(YamlException ex) => ex switch
    {
        SemanticErrorException or SyntaxErrorException => DiagnosticCodes.YamlSyntax,
        _ when UnknownPropertyPattern().IsMatch(ex.Message) => DiagnosticCodes.UnknownKey,
        _ => DiagnosticCodes.InvalidValue,
    };

    private static string Describe(YamlException ex)
    {
        if (ex is SemanticErrorException or SyntaxErrorException)
            return $"the YAML is not well formed: {ex.Message.TrimEnd('.')}. Check the indentation and quoting on this line and the one before it";

        var unknown = UnknownPropertyPattern().Match(ex.Message);
        if (unknown.Success)
        {
            var key = unknown.Groups["key"].Value;
            var known = KnownKeys(unknown.Groups["type"].Value);
            var suggestion = Suggest.Closest(key, known);
            return suggestion is null
                ? $"unknown key '{key}'; the keys allowed here are: {string.Join(", ", known)}"
                : $"unknown key '{key}' — did you mean '{suggestion}'?";
        }

        if (ex.InnerException is InvalidDateException date)
            return date.Message;
        if (ex.InnerException is FormatException or OverflowException)
            return "this value has the wrong type: expected a whole number such as 3";
        if (ex.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase))
            return "this key appears twice in the same mapping; keep one of them";
        if (ex.Message.Contains("No node deserializer", StringComparison.Ordinal) ||
            ex.InnerException?.Message.Contains("No node deserializer", StringComparison.Ordinal) == true)
            return "this value has the wrong shape: expected a single piece of text here, not a list or a mapping (see 'Writing an edition' in README.md)";
        return $"this value could not be read: {FirstLine(ex.InnerException?.Message ?? ex.Message)}; see 'Writing an edition' in README.md for the expected form";
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim().TrimEnd('.');

    private static IReadOnlyList<string> KnownKeys(string typeName)
    {
        var type = typeof(YamlReader).Assembly.GetType(typeName);
        if (type is null) return [];
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => UnderscoredNamingConvention.Instance.Apply(p.Name))
            .ToList();
    }

    /// <summary>Wraps the object and dictionary deserializers and records where each mapping started.</summary>
    /// <typeparam name="TInner">The deserializer wrapped (one registration per wrapped type).</typeparam>
    private sealed class LocatingNodeDeserializer<TInner>(INodeDeserializer inner, SourceMap map, string file) : INodeDeserializer
        where TInner : INodeDeserializer
    {
        public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer,
            out object? value, ObjectDeserializer rootDeserializer)
        {
            var start = reader.Current?.Start;
            if (!inner.Deserialize(reader, expectedType, nestedObjectDeserializer, out value, rootDeserializer)) return false;
            if (value is not null && start is { } mark)
                map.Record(value, new SourceLocation(file, (int)mark.Line, (int)mark.Column));
            return true;
        }
    }

    private sealed class InvalidDateException(string message) : Exception(message);

    private sealed class PartialDateConverter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type == typeof(PartialDate) || type == typeof(PartialDate?);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            var scalar = parser.Consume<Scalar>();
            if (PartialDate.TryParse(scalar.Value, out var date)) return date;
            throw new YamlException(scalar.Start, scalar.End, "invalid date",
                new InvalidDateException($"'{scalar.Value}' is not a date: expected a date like 2018-04 (a month) or 2018-04-30 (a day)"));
        }

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            emitter.Emit(new Scalar(value?.ToString() ?? ""));
    }
}

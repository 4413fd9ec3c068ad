using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using ReportGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization.NamingConventions;

namespace ReportGen.Content;

/// <summary>
/// Marks a property of the content model that holds words a reader reads (a title, a body, a milestone), as opposed
/// to an id, a key, a date, an address or a file: in an edition written in more than one language, each such value is
/// given in every language (<c>title: { cy: …, en: … }</c>), and in any edition it may be.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WordsAttribute : Attribute
{
    /// <summary>
    /// Whether an edition in several languages must give it in each (a title must); false for a value that may differ
    /// by language but need not (a website, a document's file, an email address): one value then serves every language.
    /// </summary>
    public bool InEveryLanguage { get; init; } = true;
}

/// <summary>The languages an edition is written in, in the order its publication puts them, and the one a reading picks.</summary>
public sealed record Languages(IReadOnlyList<string> All, string Current)
{
    public bool Bilingual => All.Count > 1;

    /// <summary>The language's name as its own speakers write it, for diagnostics and the language switch.</summary>
    public static string NameOf(string language) => Rendering.LabelSet.Primary(language) switch
    {
        "cy" => "Cymraeg",
        "en" => "English",
        "ga" => "Gaeilge",
        "gd" => "Gàidhlig",
        _ => language,
    };

    /// <summary>The language's name in English, for diagnostics (which are in English).</summary>
    public static string EnglishNameOf(string language) => Rendering.LabelSet.Primary(language) switch
    {
        "cy" => "Welsh",
        "en" => "English",
        "ga" => "Irish",
        "gd" => "Scottish Gaelic",
        _ => $"'{language}'",
    };
}

/// <summary>
/// Reads text given in several languages. Guided by the model's types, it finds in a file's events each value a
/// <see cref="WordsAttribute"/> property (or an item or value of one) holds; a mapping there whose keys are language
/// tags is the text in each language, and is replaced by the text in the language being read. In an edition of
/// several languages, a text given in one only, or without one of them, is a diagnostic at its line.
/// </summary>
internal static partial class LanguageText
{
    [GeneratedRegex(@"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();

    /// <param name="reportOnce">Whether to report what is the same in every language's reading (a text in one
    /// language only, a language the edition is not written in): the first reading does, the others do not.</param>
    public static List<ParsingEvent> Pick(List<ParsingEvent> events, Type root, Languages languages, string file, DiagnosticBag diagnostics, bool reportOnce)
    {
        var replacements = new Dictionary<int, (int End, int Chosen)>();
        var walker = new Walker(events, languages, file, diagnostics, reportOnce, replacements);
        var i = 0;
        while (i < events.Count && events[i] is not (MappingStart or SequenceStart or Scalar)) i++;
        if (i < events.Count) walker.Walk(i, root, words: null);
        if (replacements.Count == 0) return events;
        var result = new List<ParsingEvent>(events.Count);
        for (var at = 0; at < events.Count; at++)
        {
            if (replacements.TryGetValue(at, out var replaced))
            {
                result.Add(events[replaced.Chosen]);
                at = replaced.End;
                continue;
            }
            result.Add(events[at]);
        }
        return result;
    }

    private sealed class Walker(List<ParsingEvent> events, Languages languages, string file, DiagnosticBag diagnostics, bool reportOnce,
        Dictionary<int, (int End, int Chosen)> replacements)
    {
        private SourceLocation At(int i) => new(file, (int)events[i].Start.Line, (int)events[i].Start.Column);

        /// <summary>Walks the node at <paramref name="i"/>, read as <paramref name="type"/>; returns the index of its last event.</summary>
        public int Walk(int i, Type type, WordsAttribute? words)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (words is not null && type == typeof(string)) return Text(i, words.InEveryLanguage);
            if (events[i] is MappingStart && Dictionary(type) is { } valueType)
            {
                var at = i + 1;
                while (events[at] is not MappingEnd)
                {
                    at = End(at) + 1;                     // the key
                    if (events[at] is MappingEnd) break;  // a key without a value (" : r" gives one): the reader reports it
                    at = Walk(at, valueType, words) + 1;  // its value
                }
                return at;
            }
            if (events[i] is SequenceStart && Item(type) is { } itemType)
            {
                var at = i + 1;
                while (events[at] is not SequenceEnd) at = Walk(at, itemType, words) + 1;
                return at;
            }
            if (events[i] is MappingStart && type.IsClass && type != typeof(string) && type != typeof(object))
            {
                var properties = Properties(type);
                var at = i + 1;
                while (events[at] is not MappingEnd)
                {
                    var key = events[at] as Scalar;
                    var valueAt = End(at) + 1;
                    if (events[valueAt] is MappingEnd) return valueAt;  // a key without a value: the reader reports it
                    at = key is not null && properties.TryGetValue(key.Value, out var property)
                        ? Walk(valueAt, property.PropertyType, property.GetCustomAttribute<WordsAttribute>()) + 1
                        : End(valueAt) + 1;
                }
                return at;
            }
            return End(i);
        }

        /// <summary>A value that holds words: one text, or a mapping of language tags to texts.</summary>
        private int Text(int i, bool inEveryLanguage)
        {
            if (events[i] is Scalar { Value.Length: > 0 } && inEveryLanguage && languages.Bilingual && reportOnce)
                diagnostics.Error(DiagnosticCodes.TranslationMissing,
                    $"this text is in one language only, and the edition is written in {string.Join(" and ", languages.All.Select(Languages.EnglishNameOf))}: " +
                    $"give it in each, as {{ {string.Join(", ", languages.All.Select(l => l + ": ..."))} }}",
                    At(i));
            if (events[i] is not MappingStart) return End(i);
            var end = End(i);
            var texts = new List<(string Language, int Index)>();
            for (var at = i + 1; at < end; at += 2)
            {
                if (events[at] is not Scalar key || !LanguageTag().IsMatch(key.Value) || events[at + 1] is not Scalar) return end;  // not a text by language: the reader reports it
                texts.Add((key.Value, at + 1));
            }
            if (texts.Count == 0) return end;
            foreach (var (language, index) in texts.Where(t => !languages.All.Any(l => Matches(t.Language, l))))
                if (reportOnce && languages.Bilingual)
                    diagnostics.Error(DiagnosticCodes.TranslationMissing,
                        $"'{language}' is not a language the edition is written in ({string.Join(", ", languages.All)}); " +
                        (languages.Bilingual ? "remove it, or add it to languages: in edition.yaml" : "remove it, or write the edition in several languages with languages: in edition.yaml"),
                        At(index - 1));
            var chosen = texts.FirstOrDefault(t => t.Language == languages.Current);
            if (chosen.Language is null) chosen = texts.FirstOrDefault(t => Matches(t.Language, languages.Current));
            if (chosen.Language is null)
            {
                diagnostics.Error(DiagnosticCodes.TranslationMissing,
                    $"this text has no {Languages.EnglishNameOf(languages.Current)} ({languages.Current}): add '{languages.Current}: ...' beside {string.Join(" and ", texts.Select(t => t.Language + ":"))}",
                    At(i));
                chosen = texts[0];
            }
            replacements[i] = (end, chosen.Index);
            return end;
        }

        /// <summary>The index of the last event of the node at <paramref name="i"/>.</summary>
        private int End(int i)
        {
            if (events[i] is not (MappingStart or SequenceStart)) return i;
            var depth = 0;
            for (var at = i; ; at++)
            {
                if (events[at] is MappingStart or SequenceStart) depth++;
                else if (events[at] is MappingEnd or SequenceEnd && --depth == 0) return at;
            }
        }
    }

    /// <summary>Whether a text's language tag names the language: the same tag, or its language alone ("en" for en-GB).</summary>
    private static bool Matches(string tag, string language) =>
        string.Equals(tag, language, StringComparison.OrdinalIgnoreCase) || string.Equals(tag, Rendering.LabelSet.Primary(language), StringComparison.OrdinalIgnoreCase);

    private static readonly Dictionary<Type, Dictionary<string, PropertyInfo>> PropertiesByType = [];

    private static Dictionary<string, PropertyInfo> Properties(Type type)
    {
        lock (PropertiesByType)
        {
            if (!PropertiesByType.TryGetValue(type, out var properties))
                PropertiesByType[type] = properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.CanWrite).ToDictionary(p => UnderscoredNamingConvention.Instance.Apply(p.Name), StringComparer.Ordinal);
            return properties;
        }
    }

    private static Type? Dictionary(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? type.GetGenericArguments()[1] : null;

    private static Type? Item(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0]
        : type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsArray ? type.GetElementType() : null;
}

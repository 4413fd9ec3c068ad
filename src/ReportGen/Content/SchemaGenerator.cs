using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization.NamingConventions;

namespace ReportGen.Content;

/// <summary>
/// Generates a JSON Schema (draft-07, which the YAML language server understands) for each YAML file of an edition,
/// from the same model types the loader reads, so editors give completion and flag unknown keys as people type.
/// Allowed values come from the validator's own lists; a test keeps the committed schemas in step with the model.
/// </summary>
public static class SchemaGenerator
{
    public static readonly IReadOnlyList<(string FileName, Type Root, string Title)> Files =
    [
        (EditionLoader.EditionFileName, typeof(EditionFile), "ReportGen edition: the organisation, the edition, foreword, commitments"),
        (EditionLoader.ObjectivesFileName, typeof(ObjectivesFile), "ReportGen edition: the equality objectives"),
        (EditionLoader.AchievementsFileName, typeof(AchievementsFile), "ReportGen edition: the key achievements"),
        (EditionLoader.GlossaryFileName, typeof(GlossaryFile), "ReportGen edition: the glossary"),
        (EditionLoader.DataFileName, typeof(DataFile), "ReportGen edition: the data sources"),
        (EditionLoader.StatisticsFileName, typeof(StatisticsFile), "ReportGen edition: disclosure control and the tables"),
    ];

    private static readonly Dictionary<(Type, string), string[]> Allowed = new()
    {
        [(typeof(Objective), nameof(Objective.Scope))] = EditionValidator.Scopes,
        [(typeof(Section), nameof(Section.Place))] = EditionValidator.SectionPlaces,
        [(typeof(Milestone), nameof(Milestone.Status))] = EditionValidator.Statuses,
        [(typeof(Measure), nameof(Measure.Direction))] = EditionValidator.Directions,
        [(typeof(SourceDeclaration), nameof(SourceDeclaration.Kind))] = EditionValidator.SourceKinds,
        [(typeof(TableDeclaration), nameof(TableDeclaration.Section))] = EditionValidator.Sections,
        [(typeof(TableDeclaration), nameof(TableDeclaration.Kind))] = EditionValidator.TableKinds,
        [(typeof(TableDeclaration), nameof(TableDeclaration.Level))] = EditionValidator.Levels,
        [(typeof(TableDeclaration), nameof(TableDeclaration.Chart))] = EditionValidator.Charts,
        [(typeof(TableDeclaration), nameof(TableDeclaration.Sum))] = EditionValidator.Sums,
        [(typeof(TableDeclaration), nameof(TableDeclaration.Gap))] = EditionValidator.Gaps,
        [(typeof(TableDeclaration), nameof(TableDeclaration.Grouping))] = Data.Grouping.BuiltIn.Values.SelectMany(g => g.Keys).Distinct().Order(StringComparer.Ordinal).ToArray(),
        [(typeof(SourceDeclaration), nameof(SourceDeclaration.Unit))] = EditionValidator.Units,
    };

    private static readonly HashSet<(Type, string)> Required =
    [
        (typeof(EditionFile), nameof(EditionFile.Organisation)), (typeof(EditionFile), nameof(EditionFile.Edition)),
        (typeof(Organisation), nameof(Organisation.Name)), (typeof(EditionInfo), nameof(EditionInfo.Title)),
        (typeof(Foreword), nameof(Foreword.Title)), (typeof(Foreword), nameof(Foreword.Body)),
        (typeof(Commitments), nameof(Commitments.Items)), (typeof(Note), nameof(Note.Marker)), (typeof(Note), nameof(Note.Text)),
        (typeof(ObjectivesFile), nameof(ObjectivesFile.Objectives)),
        (typeof(Objective), nameof(Objective.Id)), (typeof(Objective), nameof(Objective.Title)),
        (typeof(ObjectiveAction), nameof(ObjectiveAction.Text)), (typeof(Milestone), nameof(Milestone.Text)), (typeof(Measure), nameof(Measure.Text)),
        (typeof(StatisticReference), nameof(StatisticReference.Table)), (typeof(StatisticReference), nameof(StatisticReference.Row)),
        (typeof(StatisticReference), nameof(StatisticReference.Column)),
        (typeof(Achievement), nameof(Achievement.Id)), (typeof(Achievement), nameof(Achievement.Text)),
        (typeof(Section), nameof(Section.Title)), (typeof(Section), nameof(Section.Body)), (typeof(LinkedDocument), nameof(LinkedDocument.Title)),
        (typeof(Theme), nameof(Theme.Id)), (typeof(Theme), nameof(Theme.Title)), (typeof(Meeting), nameof(Meeting.Name)),
        (typeof(GlossaryEntry), nameof(GlossaryEntry.Term)), (typeof(GlossaryEntry), nameof(GlossaryEntry.Definition)),
        (typeof(SourceDeclaration), nameof(SourceDeclaration.Id)), (typeof(SourceDeclaration), nameof(SourceDeclaration.File)),
        (typeof(SourceDeclaration), nameof(SourceDeclaration.Sheet)), (typeof(SourceDeclaration), nameof(SourceDeclaration.Fields)),
        (typeof(TableDeclaration), nameof(TableDeclaration.Id)), (typeof(TableDeclaration), nameof(TableDeclaration.Title)),
        (typeof(TableDeclaration), nameof(TableDeclaration.Source)), (typeof(TableDeclaration), nameof(TableDeclaration.Rows)),
        (typeof(OutcomeDeclaration), nameof(OutcomeDeclaration.Field)), (typeof(OutcomeDeclaration), nameof(OutcomeDeclaration.Success)),
        (typeof(BenchmarkDeclaration), nameof(BenchmarkDeclaration.Source)),
        (typeof(Period), nameof(Period.Start)),
    ];

    /// <summary>The lists and mappings the validator refuses when empty: the schema says so too (minItems, minProperties).</summary>
    private static readonly HashSet<(Type, string)> NonEmpty =
    [
        (typeof(ObjectivesFile), nameof(ObjectivesFile.Objectives)), (typeof(Commitments), nameof(Commitments.Items)),
        (typeof(SourceDeclaration), nameof(SourceDeclaration.Fields)),
        (typeof(OutcomeDeclaration), nameof(OutcomeDeclaration.Success)),
    ];

    /// <summary>The schema of one YAML file, as indented JSON with a final newline.</summary>
    public static string Generate(Type root, string title)
    {
        var schema = (JsonObject)Describe(root);
        var document = new JsonObject { ["$schema"] = "http://json-schema.org/draft-07/schema#", ["title"] = title };
        foreach (var (key, value) in schema.ToList())
        {
            schema.Remove(key);
            document[key] = value;
        }
        return document.ToJsonString(Publishing.JsonOutput.Options).ReplaceLineEndings("\n") + "\n";
    }

    /// <param name="words">For a <see cref="WordsAttribute"/> property: its text (or each item's) may be given per language.</param>
    private static JsonNode Describe(Type type, bool words = false)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) && words)
            return new JsonObject
            {
                ["anyOf"] = new JsonArray(
                    new JsonObject { ["type"] = "string" },
                    new JsonObject
                    {
                        ["description"] = "The text in each of the edition's languages: { cy: ..., en: ... }",
                        ["type"] = "object",
                        ["propertyNames"] = new JsonObject { ["pattern"] = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$" },
                        ["additionalProperties"] = new JsonObject { ["type"] = "string" },
                        ["minProperties"] = 1,
                    }),
            };
        if (type == typeof(string)) return new JsonObject { ["type"] = "string" };
        if (type == typeof(int)) return new JsonObject { ["type"] = "integer" };
        if (type == typeof(bool)) return new JsonObject { ["type"] = "boolean" };
        if (type == typeof(object)) return new JsonObject();
        if (type == typeof(PartialDate))
            return new JsonObject
            {
                ["description"] = "A date as precise as the source gives it: 2018, 2018-04 or 2018-04-30",
                ["anyOf"] = new JsonArray(
                    new JsonObject { ["type"] = "string", ["pattern"] = @"^\d{4}(-\d{2}(-\d{2})?)?$" },
                    new JsonObject { ["type"] = "integer", ["minimum"] = 1000, ["maximum"] = 9999 }),
            };
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = Describe(type.GetGenericArguments()[1], words) };
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            return new JsonObject { ["type"] = "array", ["items"] = Describe(type.GetGenericArguments()[0], words) };
        if (typeof(IEnumerable).IsAssignableFrom(type)) throw new NotSupportedException($"no schema for {type}");

        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            var name = UnderscoredNamingConvention.Instance.Apply(property.Name);
            var node = Describe(property.PropertyType, property.GetCustomAttribute<WordsAttribute>() is not null);
            if (Allowed.TryGetValue((type, property.Name), out var values))
                node["enum"] = new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
            if (NonEmpty.Contains((type, property.Name))) node[node["type"]?.GetValue<string>() == "array" ? "minItems" : "minProperties"] = 1;
            properties[name] = node;
            if (Required.Contains((type, property.Name))) required.Add(name);
        }
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false };
        if (required.Count > 0) schema["required"] = required;
        return schema;
    }
}

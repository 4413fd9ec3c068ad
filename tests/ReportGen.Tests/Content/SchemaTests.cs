using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReportGen.Content;
using ReportGen.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace ReportGen.Tests.Content;

/// <summary>
/// The JSON Schemas in schemas/ are generated from the model the loader reads; editors use them (through the
/// yaml-language-server line at the top of each sample file) for completion and red squiggles.
/// </summary>
public sealed partial class SchemaTests
{
    public static TheoryData<string> SchemaFiles => new(SchemaGenerator.Files.Select(f => f.FileName));

    private static string SchemaPath(string yamlFile) => Path.Combine(RepoPaths.Root, "schemas", Path.GetFileNameWithoutExtension(yamlFile) + ".schema.json");

    [Theory, MemberData(nameof(SchemaFiles))]
    public void Committed_schema_is_the_one_the_model_generates(string yamlFile)
    {
        var (_, root, title) = SchemaGenerator.Files.Single(f => f.FileName == yamlFile);
        var generated = SchemaGenerator.Generate(root, title);
        var path = SchemaPath(yamlFile);
        if (Environment.GetEnvironmentVariable("REPORTGEN_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }
        Assert.True(File.Exists(path) && File.ReadAllText(path) == generated,
            $"{path} is not what the model generates; run REPORTGEN_UPDATE_GOLDEN=1 dotnet test tests/ReportGen.Tests and commit the schemas");
    }

    public static TheoryData<string> SampleFiles => new(Directory.GetFiles(RepoPaths.Content, "*.yaml", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(RepoPaths.Content, f)).Order(StringComparer.Ordinal));

    [GeneratedRegex(@"^# yaml-language-server: \$schema=(?<path>\S+)$")]
    private static partial Regex SchemaLine();

    [Theory, MemberData(nameof(SampleFiles))]
    public async Task Every_sample_file_names_its_schema_and_is_valid_against_it(string relative)
    {
        var file = Path.Combine(RepoPaths.Content, relative);
        var text = File.ReadAllText(file);
        var match = SchemaLine().Match(text.Split('\n')[0]);
        Assert.True(match.Success, $"{relative} does not start with '# yaml-language-server: $schema=…'");
        var schemaFile = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, match.Groups["path"].Value));
        Assert.Equal(SchemaPath(Path.GetFileName(file)), schemaFile);

        var schema = await NJsonSchema.JsonSchema.FromFileAsync(schemaFile);
        var errors = schema.Validate(ToJson(text)!.ToJsonString());
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{relative}: {e.Kind} at {e.Path}")));
    }

    [Fact]
    public async Task A_misspelt_key_and_a_wrong_value_are_flagged_by_the_schema()
    {
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(SchemaPath(EditionLoader.ObjectivesFileName));
        var errors = Flatten(schema.Validate(ToJson("""
            objectives:
              - id: a
                number: 1
                title: T
                scope: everywhere
                mesures: []
            """)!.ToJsonString())).ToList();
        Assert.Contains(errors, e => e.Kind == NJsonSchema.Validation.ValidationErrorKind.NoAdditionalPropertiesAllowed && e.Path!.EndsWith("mesures"));
        Assert.Contains(errors, e => e.Kind == NJsonSchema.Validation.ValidationErrorKind.NotInEnumeration && e.Path!.EndsWith("scope"));
    }

    /// <summary>What the tool refuses, the schema flags too: no objectives, commitments without items, a period without its start.</summary>
    [Theory]
    [InlineData("objectives.yaml", "objectives: []\n", "objectives")]
    [InlineData("edition.yaml", "organisation:\n  name: A\nedition:\n  title: T\ncommitments:\n  items: []\n", "items")]
    [InlineData("edition.yaml", "organisation:\n  name: A\nedition:\n  title: T\n  reporting_period: { end: 2017-03 }\n", "reporting_period")]
    public async Task What_the_tool_refuses_the_schema_flags(string file, string yaml, string at)
    {
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(SchemaPath(file));
        var errors = Flatten(schema.Validate(ToJson(yaml)!.ToJsonString())).ToList();
        Assert.Contains(errors, e => e.Path is { } path && path.EndsWith(at, StringComparison.Ordinal) || e.Property == "start");

        // And the tool refuses it.
        using var edition = new TempEdition(file == "edition.yaml" ? yaml : "organisation:\n  name: A\nedition:\n  title: T\n",
            file == "objectives.yaml" ? yaml : "objectives:\n  - id: a\n    number: 1\n    title: T\n");
        var diagnostics = new ReportGen.Diagnostics.DiagnosticBag();
        Assert.Null(EditionLoader.Load(edition.Folder, diagnostics));
        Assert.True(diagnostics.HasErrors);
    }

    private static IEnumerable<NJsonSchema.Validation.ValidationError> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors) =>
        errors.SelectMany(e => e is NJsonSchema.Validation.ChildSchemaValidationError child
            ? child.Errors.Values.SelectMany(Flatten).Prepend(e)
            : [e]);

    /// <summary>YAML → JSON as a YAML 1.2 core-schema reader sees it: plain integers and booleans typed, the rest strings.</summary>
    private static JsonNode? ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(Convert).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s when long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } s => JsonValue.Create(s.Value == "true"),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "null" or "~" or "" } => null,
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };
}

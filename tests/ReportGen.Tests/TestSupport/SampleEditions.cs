namespace ReportGen.Tests.TestSupport;

/// <summary>Small, valid edition YAML for tests that need an edition but not a particular one.</summary>
public static class SampleEditions
{
    public const string EditionYaml = """
        organisation:
          name: Test Constabulary
        edition:
          title: Equality objectives 2024/25
          published: 2025-06
        accessibility:
          contact: { email: equality@example.police.uk }
        """;

    /// <summary>The accessibility contact that a set publishing an accessibility statement needs (edition.yaml, top level).</summary>
    public const string AccessibilityYaml = "accessibility:\n  contact: { email: equality@example.police.uk }\n";

    /// <summary>
    /// A copy of a sample edition made a draft of the newest template set: its pin removed, and the accessibility
    /// contact the newest set's statement needs added when it has none.
    /// </summary>
    public static void UseNewestSet(string editionFolder)
    {
        var yaml = Path.Combine(editionFolder, "edition.yaml");
        var lines = File.ReadAllLines(yaml).Where(l => !l.TrimStart().StartsWith("template:", StringComparison.Ordinal)).ToList();
        if (!lines.Any(l => l.StartsWith("accessibility:", StringComparison.Ordinal))) lines.AddRange(AccessibilityYaml.TrimEnd('\n').Split('\n'));
        File.WriteAllLines(yaml, lines);
    }

    public const string ObjectivesYaml = """
        objectives:
          - id: fair-service
            number: 1
            title: Provide a fair service
            actions:
              - text: Listen to communities
                milestones:
                  - text: Hold four community meetings
                    due: 2025-03
        """;

    public static TempEdition Create() => new(EditionYaml, ObjectivesYaml);

    /// <summary>Every file under <paramref name="folder"/> with its bytes, keyed by relative path.</summary>
    public static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);
}

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
        """;

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

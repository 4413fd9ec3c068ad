namespace ReportGen.Content;

/// <summary>
/// One publication as loaded from its folder <c>content/&lt;organisation&gt;/&lt;edition&gt;/</c>: the validated
/// content of its YAML files and where each piece came from.
/// </summary>
public sealed record Edition(
    string Folder,
    string OrganisationKey,
    string EditionKey,
    Organisation Organisation,
    EditionInfo Info,
    Foreword? Foreword,
    Commitments? Commitments,
    IReadOnlyList<Note> Notes,
    IReadOnlyList<Objective> Objectives,
    IReadOnlyList<Achievement> Achievements,
    IReadOnlyList<GlossaryEntry> Glossary,
    DataFile Data,
    StatisticsFile Statistics,
    SourceMap Sources)
{
    public const string DefaultLanguage = "en-GB";
    public const string DefaultTemplate = "default";

    /// <summary>What edition.yaml says for the accessibility statement; null when it says nothing.</summary>
    public AccessibilityInfo? Accessibility { get; init; }

    public string Language => Info.Language ?? DefaultLanguage;
    public string TemplateSet => Info.Template ?? DefaultTemplate;
}

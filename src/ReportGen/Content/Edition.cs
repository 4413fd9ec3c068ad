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

    /// <summary>The objectives' heading, term, lead-in and closing text and themes (objectives.yaml beside its list); empty when the edition has none.</summary>
    public ObjectivesFile ObjectivesText { get; init; } = new();
    /// <summary>Whether the edition has objectives.yaml: an equality information report or a data-only report has none.</summary>
    public bool HasObjectivesFile { get; init; } = true;
    public IReadOnlyList<Section> Sections { get; init; } = [];
    public IReadOnlyList<LinkedDocument> Documents { get; init; } = [];
    /// <summary>Milestones of the whole scheme, under no objective.</summary>
    public IReadOnlyList<Milestone> SchemeMilestones { get; init; } = [];
    /// <summary>The edition's own words for the set's labels (edition.yaml's labels:), by key; null when it gives none.</summary>
    public Dictionary<string, string>? Labels { get; init; }
    public IReadOnlyList<Theme> Themes => ObjectivesText.Themes ?? [];

    /// <summary>What edition.yaml says for the accessibility statement; null when it says nothing.</summary>
    public AccessibilityInfo? Accessibility { get; init; }

    /// <summary>The languages the edition is written in, in the order its publication puts them (edition: languages:, or its language:); empty when it names none.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];
    /// <summary>The language this reading of the edition is in: one of <see cref="Languages"/>.</summary>
    public string? CurrentLanguage { get; init; }
    /// <summary>Whether the edition is written in more than one language, each published (edition: languages:).</summary>
    public bool Multilingual => Languages.Count > 1;

    public string Language => CurrentLanguage ?? Info.Language ?? DefaultLanguage;
    public string TemplateSet => Info.Template ?? DefaultTemplate;
}

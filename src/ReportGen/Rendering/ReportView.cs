namespace ReportGen.Rendering;

// The model the templates see. Plain text is string (escaped when written); text that went through the
// Markdown renderer is HtmlFragment. Templates reach members in snake_case (Scriban's default renamer).

public sealed record ReportView(
    string Lang,
    string Title,
    string? Subtitle,
    string DocumentTitle,
    string RunningHeader,
    OrganisationView Organisation,
    DateView? PeriodStart,
    DateView? PeriodEnd,
    DateView? Published,
    string? Version,
    HtmlFragment Source,
    ForewordView? Foreword,
    CommitmentsView? Commitments,
    IReadOnlyList<NoteView> Notes,
    IReadOnlyList<ObjectiveView> Objectives,
    IReadOnlyList<GlossaryEntryView> Glossary,
    IReadOnlyList<ContentsEntry> Contents,
    IReadOnlyList<DataSectionView> DataSections,
    bool ObjectivesHaveScope)
{
    /// <summary>Every correction of the edition, oldest first; empty when it was never corrected.</summary>
    public IReadOnlyList<CorrectionView> Corrections { get; init; } = [];
    /// <summary>The latest correction, for the notice at the top of the corrected edition; null when none.</summary>
    public CorrectionView? LatestCorrection => Corrections.Count > 0 && Superseded is null ? Corrections[^1] : null;
    /// <summary>For a version that a correction replaced: which, and where the current version and the corrections are.</summary>
    public SupersededView? Superseded { get; init; }
    /// <summary>The corrections page, relative to this page.</summary>
    public string CorrectionsHref { get; init; } = CorrectionsPage;
    /// <summary>The PDF beside the page, when the build prints one; null for an HTML-only build.</summary>
    public string? PdfHref { get; init; }

    public const string CorrectionsPage = "corrections.html";

    /// <summary>
    /// The publication in each of the edition's languages (edition: languages:), for hreflang and the language switch:
    /// the others on a language's page, every one on the page that lists them; empty for an edition in one language.
    /// </summary>
    public IReadOnlyList<AlternateView> Alternates { get; init; } = [];

    /// <summary>The accessibility statement, for a template set that publishes one; null otherwise.</summary>
    public AccessibilityView? Accessibility { get; init; }

    // Content model 2 (default@6). A set of model 1 never sees an edition that uses these (ContentFeatures).

    /// <summary>The heading of the objectives' section ("Our equality objectives", or the organisation's own).</summary>
    public string ObjectivesTitle { get; init; } = "Our equality objectives";
    /// <summary>What one objective is called ("Objective", "Outcome", "Priority").</summary>
    public string ObjectivesTerm { get; init; } = "Objective";
    /// <summary>Whether the edition has objectives: an equality information report has none, and no objectives section.</summary>
    public bool HasObjectives { get; init; } = true;
    public HtmlFragment ObjectivesIntro { get; init; } = HtmlFragment.Empty;
    public HtmlFragment ObjectivesClosing { get; init; } = HtmlFragment.Empty;
    /// <summary>The themes the objectives are grouped under, each with its objectives, in order; empty when they are not grouped.</summary>
    public IReadOnlyList<ThemeView> Themes { get; init; } = [];
    /// <summary>The edition's own sections, by where they go: before the objectives, after them, and after the data.</summary>
    public IReadOnlyList<SectionView> SectionsAtStart { get; init; } = [];
    public IReadOnlyList<SectionView> SectionsAfterObjectives { get; init; } = [];
    public IReadOnlyList<SectionView> SectionsAtEnd { get; init; } = [];
    /// <summary>Achievements of the whole edition (case studies), naming no objective.</summary>
    public IReadOnlyList<AchievementView> EditionAchievements { get; init; } = [];
    /// <summary>Progress since the previous edition; null when the edition names none (or the set is of model 1).</summary>
    public ProgressView? Progress { get; init; }
    /// <summary>Milestones of the whole scheme, as an action's table; null when the edition has none.</summary>
    public ActionView? SchemeMilestones { get; init; }
    public IReadOnlyList<DocumentView> Documents { get; init; } = [];
    /// <summary>The report's reference, author unit, meeting and edition number, for the title page.</summary>
    public string? Reference { get; init; }
    public string? PreparedBy { get; init; }
    public string? PresentedTo { get; init; }
    public DateView? PresentedOn { get; init; }
    public int? EditionNumber { get; init; }
    /// <summary>Whom to ask for another format, for the title page (the accessibility statement's contact).</summary>
    public ContactView? FormatsContact { get; init; }
}

/// <param name="Headings">The headings of its body, beneath it in the contents.</param>
/// <param name="Long">Whether it is long enough to start a page of its own in print; a short one follows what comes before it.</param>
public sealed record SectionView(string Anchor, string Title, HtmlFragment Body, IReadOnlyList<ContentsEntry> Headings, bool Long);

/// <param name="Long">Whether it is long enough (its text and objectives) to start a page of its own in print.</param>
public sealed record ThemeView(string Anchor, string Title, HtmlFragment Body, IReadOnlyList<ObjectiveView> Objectives, bool Long);

/// <param name="Href">The file beside the report (documents/…) or the web address.</param>
/// <param name="Format">"PDF, 1.2 MB" for a file published with the report; null for a web address.</param>
public sealed record DocumentView(string Title, string Href, string? Format, HtmlFragment Description, bool External);

/// <summary>
/// What ReportGen knows for an accessibility statement (Public Sector Bodies Accessibility Regulations 2018): the
/// organisation, the template set, the known issues (the edition's and the tool's), how to ask for another format and
/// how soon the answer comes. What the set's own tests check is the set's to say, in its statement partial: a set of
/// one's own is not tested by ReportGen's tests.
/// </summary>
public sealed record AccessibilityView(string Organisation, string TemplateSet, IReadOnlyList<string> KnownIssues,
    HtmlFragment Tested, ContactView? Contact, int ResponseDays, DateView? Prepared);

/// <param name="Address">The address's lines.</param>
public sealed record ContactView(string? Name, string? Email, string? Phone, IReadOnlyList<string> Address);

/// <param name="ReplacedHref">The replaced version's page, relative to the corrections page.</param>
public sealed record CorrectionView(string Version, DateView Date, string WhatWasWrong, string WhatChanged, string ReplacedVersion, string ReplacedHref);

/// <param name="ByVersion">The version that replaced it.</param>
public sealed record SupersededView(string Version, string ByVersion, DateView Date, string CurrentHref);

public sealed record OrganisationView(string Name, string? ShortName, string? Website);

public sealed record DateView(string Iso, string Text);

public sealed record ContentsEntry(string Anchor, string Title, IReadOnlyList<ContentsEntry> Children);

public sealed record ForewordView(string Title, HtmlFragment Body, IReadOnlyList<SignatoryView> Signatories);

public sealed record SignatoryView(string Name, string? Role);

public sealed record CommitmentsView(HtmlFragment Intro, IReadOnlyList<string> Items, HtmlFragment Closing)
{
    /// <summary>Whether the items are numbered (model 2).</summary>
    public bool Numbered { get; init; }
}

public sealed record NoteView(string Marker, string Text);

public sealed record ObjectiveView(
    string Anchor,
    int? Number,
    string Title,
    string Heading,
    string? Scope,
    HtmlFragment Summary,
    HtmlFragment Statement,
    HtmlFragment WhyImportant,
    IReadOnlyList<ActionView> Actions,
    bool ActionsAreSimple,
    IReadOnlyList<MeasureView> Measures,
    HtmlFragment Outcome,
    IReadOnlyList<string> Delivery,
    IReadOnlyList<string> Sources,
    IReadOnlyList<NoteView> Notes,
    IReadOnlyList<AchievementView> Achievements)
{
    /// <summary>The number as the heading gives it ("Objective 1:", "Outcome 1:"); null for an unnumbered objective.</summary>
    public string? Label { get; init; }
    /// <summary>The level of its heading: 3, or 4 under a theme (model 2).</summary>
    public int Level { get; init; } = 3;
    /// <summary>The title of the theme it is grouped under; null when the objectives are not grouped.</summary>
    public string? ThemeTitle { get; init; }
    /// <summary>How it is laid out in print (model 2): short (kept on one page), long (starts a page) or medium (flows).</summary>
    public string Size { get; init; } = "medium";
}

public sealed record ActionView(
    int Number,
    HtmlFragment Text,
    IReadOnlyList<MilestoneView> Milestones,
    bool MilestonesHaveDue,
    bool MilestonesHaveStatus,
    bool MilestonesHaveProgress,
    IReadOnlyList<MeasureView> Measures)
{
    /// <summary>Whether the milestones' table gives each one's status last time (model 2, with a previous edition).</summary>
    public bool MilestonesHaveLastStatus { get; init; }
}

public sealed record MilestoneView(int Number, string Text, DateView? Due, string? Status, string? StatusKey, string? Progress)
{
    /// <summary>Its status last time, when the edition has a previous one or says it (model 2).</summary>
    public string? LastStatus { get; init; }
    public string? LastStatusKey { get; init; }
    /// <summary>Its status went back since last time.</summary>
    public bool WentBack { get; init; }
    /// <summary>Due before the report's date, and its status says it is not complete (nor dropped).</summary>
    public bool Overdue { get; init; }
    /// <summary>New since the previous edition.</summary>
    public bool New { get; init; }
}

/// <summary>Progress since the previous edition (model 2): milestones that went back, milestones overdue, and what was dropped or added.</summary>
public sealed record ProgressView(string Title, string PreviousTitle, IReadOnlyList<string> WentBack, IReadOnlyList<string> Overdue,
    IReadOnlyList<string> Dropped, IReadOnlyList<string> Added);

/// <param name="Figures">The published figures bound to the measure: one for 'statistic:', one per entry of 'figures:'.</param>
public sealed record MeasureView(string Text, DateView? Due, IReadOnlyList<string> Items, IReadOnlyList<MeasureFigureView> Figures);

/// <summary>A measure bound to data: its latest figure, the change since the previous edition, and the computed status.</summary>
public sealed record MeasureFigureView(string? Label, string Latest, string? Change, string Status, string StatusKey, string Explanation, string? Figure = null);

/// <summary>
/// A key achievement as shown under one objective. An achievement serving several objectives is written
/// in full under the first of them (<see cref="IsPrimary"/>) and linked from the others.
/// </summary>
public sealed record AchievementView(
    string Anchor,
    string? Title,
    HtmlFragment Text,
    bool IsPrimary,
    string PrimaryObjectiveHeading,
    IReadOnlyList<ObjectiveLink> Objectives);

public sealed record ObjectiveLink(string Anchor, string Heading);

public sealed record GlossaryEntryView(string Term, HtmlFragment Definition);

/// <summary>The publication in one of the edition's languages: its tag, its name in itself ("Cymraeg"), where it is, its title and "Read in Welsh" in it.</summary>
public sealed record AlternateView(string Lang, string Name, string Href, string Title, string Organisation, string Read);

namespace ReportGen.Content;

// The YAML shape of an edition. Property names map to snake_case keys (UnderscoredNamingConvention).
// Everything is nullable here so that a missing field becomes a diagnostic from EditionValidator,
// not a crash; after validation the pipeline may rely on the fields the format marks as required.

public sealed class EditionFile
{
    public Organisation? Organisation { get; set; }
    public EditionInfo? Edition { get; set; }
    public Foreword? Foreword { get; set; }
    public Commitments? Commitments { get; set; }
    public List<Note>? Notes { get; set; }
    public AccessibilityInfo? Accessibility { get; set; }
    /// <summary>Free-form sections of the organisation's own (the legal duty, methodology, "About the area", a conclusion).</summary>
    public List<Section>? Sections { get; set; }
    /// <summary>Documents published with the edition (the full strategy, a Word version) and links to others (a dashboard).</summary>
    public List<LinkedDocument>? Documents { get; set; }
    /// <summary>Milestones of the whole scheme, under no objective ("Publish the annual equality report by 31 January").</summary>
    public List<Milestone>? Milestones { get; set; }
    /// <summary>
    /// The organisation's own words for any label the template set prints ("term.Objective: Outcome",
    /// "section.glossary: Terms we use"), by the label's key in the set's labels/&lt;language&gt;.yaml.
    /// </summary>
    [Words] public Dictionary<string, string>? Labels { get; set; }
}

/// <summary>
/// A free-form section: a heading and Markdown, placed at the start (after the foreword and commitments, before the
/// objectives), after the objectives, or at the end (after the data). Headings inside its body become its subsections,
/// listed beneath it in the contents.
/// </summary>
public sealed class Section
{
    public string? Id { get; set; }
    [Words] public string? Title { get; set; }
    [Words] public string? Body { get; set; }
    /// <summary>start (the default), after-objectives or end.</summary>
    public string? Place { get; set; }
}

/// <summary>A document published with the edition (a file in its folder, copied beside the report) or a link to one elsewhere.</summary>
public sealed class LinkedDocument
{
    [Words] public string? Title { get; set; }
    /// <summary>A file in the edition's folder, relative to it (documents/strategy.pdf).</summary>
    [Words(InEveryLanguage = false)] public string? File { get; set; }
    /// <summary>A web address, for a document or dashboard published elsewhere.</summary>
    [Words(InEveryLanguage = false)] public string? Href { get; set; }
    [Words] public string? Description { get; set; }
}

/// <summary>Who the report was presented to, and when: a committee or board and its meeting.</summary>
public sealed class Meeting
{
    [Words] public string? Name { get; set; }
    public PartialDate? Date { get; set; }
}

/// <summary>
/// What the edition's accessibility statement says beyond what ReportGen knows itself (the standard, the checks its
/// template set passes): who to ask for the report in another format, how soon they answer, the problems the
/// organisation knows of, and how it tested the report itself. A template set that publishes a statement needs a contact.
/// </summary>
public sealed class AccessibilityInfo
{
    public Contact? Contact { get; set; }
    /// <summary>Working days to answer a request for another format; 20 when not given (the usual promise).</summary>
    public int? ResponseDays { get; set; }
    [Words] public List<string>? KnownIssues { get; set; }
    /// <summary>How the organisation tested the report itself (Markdown), beyond the template set's checks.</summary>
    [Words] public string? Tested { get; set; }
}

public sealed class Contact
{
    [Words] public string? Name { get; set; }
    [Words(InEveryLanguage = false)] public string? Email { get; set; }
    [Words(InEveryLanguage = false)] public string? Phone { get; set; }
    [Words] public string? Address { get; set; }
}

public sealed class Organisation
{
    [Words] public string? Name { get; set; }
    [Words] public string? ShortName { get; set; }
    [Words(InEveryLanguage = false)] public string? Website { get; set; }
}

public sealed class EditionInfo
{
    [Words] public string? Title { get; set; }
    [Words] public string? Subtitle { get; set; }
    public Period? ReportingPeriod { get; set; }
    public PartialDate? Published { get; set; }
    public string? Language { get; set; }
    /// <summary>The languages the edition is written in, each published, in the order a bilingual document puts them (Welsh first, under the Welsh Language Standards): [cy, en].</summary>
    public List<string>? Languages { get; set; }
    /// <summary>With languages: also publish one PDF holding every language, in that order.</summary>
    public bool? MultilingualPdf { get; set; }
    public string? Version { get; set; }
    public string? Template { get; set; }
    [Words] public string? Source { get; set; }
    /// <summary>The previous edition of this publication: a sibling folder such as 2015-16, for change over time.</summary>
    public string? Previous { get; set; }
    /// <summary>Every correction of this edition, oldest first: each re-issued it as a new version.</summary>
    public List<Correction>? Corrections { get; set; }
    /// <summary>The organisation's reference for the report (such as a committee paper's number).</summary>
    public string? Reference { get; set; }
    /// <summary>The team or unit that wrote it.</summary>
    [Words] public string? PreparedBy { get; set; }
    public Meeting? PresentedTo { get; set; }
    /// <summary>Which edition of the publication this is: 4 for the fourth annual report.</summary>
    public int? Number { get; set; }
}

/// <summary>
/// A correction: the edition re-issued as <see cref="Version"/> on <see cref="Date"/>, with what was wrong and what
/// changed. <see cref="Replaces"/> is the folder, inside the edition, holding the version it replaces as it was
/// published (its YAML, and its data or frozen tables): it stays available in the output, marked as superseded.
/// </summary>
public sealed class Correction
{
    public string? Version { get; set; }
    public PartialDate? Date { get; set; }
    [Words] public string? WhatWasWrong { get; set; }
    [Words] public string? WhatChanged { get; set; }
    public string? Replaces { get; set; }
}

public sealed class Period
{
    public PartialDate? Start { get; set; }
    public PartialDate? End { get; set; }
}

public sealed class Foreword
{
    [Words] public string? Title { get; set; }
    [Words] public string? Body { get; set; }
    public List<Signatory>? Signatories { get; set; }
}

/// <summary>Who signs the foreword: a name, a role ("Chief Constable"), or both.</summary>
public sealed class Signatory
{
    public string? Name { get; set; }
    [Words] public string? Role { get; set; }
}

public sealed class Commitments
{
    [Words] public string? Intro { get; set; }
    [Words] public List<string>? Items { get; set; }
    [Words] public string? Closing { get; set; }
    /// <summary>Whether the items are numbered (a list the organisation refers to by number).</summary>
    public bool? Numbered { get; set; }
}

public sealed class Note
{
    public string? Marker { get; set; }
    [Words] public string? Text { get; set; }
}

public sealed class ObjectivesFile
{
    /// <summary>The heading of the objectives' section; "Our equality objectives" when not given.</summary>
    [Words] public string? Title { get; set; }
    /// <summary>What the organisation calls one objective ("Outcome", "Priority", "Goal"): "Outcome 1: …". "Objective" when not given.</summary>
    [Words] public string? Term { get; set; }
    /// <summary>Lead-in text before the objectives (Markdown): "Our current equality objectives are to:".</summary>
    [Words] public string? Intro { get; set; }
    /// <summary>Text after the objectives (Markdown).</summary>
    [Words] public string? Closing { get; set; }
    /// <summary>
    /// The organisation's own names for the statuses (a RAG scale: complete → "Green – complete"), by status; a
    /// status not named keeps its usual label. The statuses themselves, and what went back, are unchanged.
    /// </summary>
    [Words] public Dictionary<string, string>? StatusLabels { get; set; }
    /// <summary>Themes or areas the objectives are grouped under, each with its own text, in order.</summary>
    public List<Theme>? Themes { get; set; }
    public List<Objective>? Objectives { get; set; }
}

public sealed class Theme
{
    public string? Id { get; set; }
    [Words] public string? Title { get; set; }
    [Words] public string? Body { get; set; }
}

public sealed class Objective
{
    public string? Id { get; set; }
    public int? Number { get; set; }
    [Words] public string? Title { get; set; }
    /// <summary>The id of the theme the objective is grouped under.</summary>
    public string? Theme { get; set; }
    public string? Scope { get; set; }
    [Words] public string? Summary { get; set; }
    [Words] public string? Statement { get; set; }
    [Words] public string? WhyImportant { get; set; }
    public List<ObjectiveAction>? Actions { get; set; }
    public List<Measure>? Measures { get; set; }
    [Words] public string? Outcome { get; set; }
    [Words] public List<string>? Delivery { get; set; }
    [Words] public List<string>? Sources { get; set; }
    public List<Note>? Notes { get; set; }

    /// <summary>Every milestone of the objective, action by action.</summary>
    public IEnumerable<Milestone> AllMilestones() => (Actions ?? []).SelectMany(a => a.Milestones ?? []);

    /// <summary>Every measure of the objective: its own, then its actions'.</summary>
    public IEnumerable<Measure> AllMeasures() => (Measures ?? []).Concat((Actions ?? []).SelectMany(a => a.Measures ?? []));
}

public sealed class ObjectiveAction
{
    [Words] public string? Text { get; set; }
    public List<Milestone>? Milestones { get; set; }
    public List<Measure>? Measures { get; set; }
}

public sealed class Milestone
{
    /// <summary>
    /// What the milestone is known by from one edition to the next (content model 2): a later edition shows its status
    /// last time beside its status now. A milestone without one is known by its text.
    /// </summary>
    public string? Id { get; set; }
    [Words] public string? Text { get; set; }
    /// <summary>Its status as last reported, when the previous edition did not give one (content model 2).</summary>
    public string? LastStatus { get; set; }
    public PartialDate? Due { get; set; }
    public string? Status { get; set; }
    [Words] public string? Progress { get; set; }
}

public sealed class Measure
{
    /// <summary>What the measure is known by from one edition to the next (content model 2); else its text.</summary>
    public string? Id { get; set; }
    [Words] public string? Text { get; set; }
    public PartialDate? Due { get; set; }
    [Words] public List<string>? Items { get; set; }
    /// <summary>The published figure that measures progress, from a table of statistics.yaml.</summary>
    public StatisticReference? Statistic { get; set; }
    /// <summary>What counts as progress: up, down, or parity (a gap closing towards zero).</summary>
    public string? Direction { get; set; }
    /// <summary>Several published figures that measure progress, each with its label and direction ("Female", "BME").</summary>
    public List<FigureReference>? Figures { get; set; }
}

public class StatisticReference
{
    public string? Table { get; set; }
    /// <summary>The row label, such as Black or Disabled.</summary>
    public string? Row { get; set; }
    /// <summary>The column: percent, count, rate, ratio, difference or gap (the table's overall column when split).</summary>
    public string? Column { get; set; }
    /// <summary>Decimal places to show the figure to, when not the table's.</summary>
    public int? Decimals { get; set; }
}

/// <summary>One of a measure's several figures: a statistic with the label it is shown under and its own direction.</summary>
public sealed class FigureReference : StatisticReference
{
    [Words] public string? Label { get; set; }
    public string? Direction { get; set; }
}

public sealed class AchievementsFile
{
    public List<Achievement>? Achievements { get; set; }
}

public sealed class Achievement
{
    public string? Id { get; set; }
    [Words] public string? Title { get; set; }
    [Words] public string? Text { get; set; }
    /// <summary>The ids of the objectives it serves; none for an achievement of the whole edition (a case study), shown in a section of its own.</summary>
    public List<string>? Objectives { get; set; }
}

public sealed class GlossaryFile
{
    public List<GlossaryEntry>? Glossary { get; set; }
}

public sealed class GlossaryEntry
{
    [Words] public string? Term { get; set; }
    [Words] public string? Definition { get; set; }
}

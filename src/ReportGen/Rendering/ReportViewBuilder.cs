using System.Globalization;
using ReportGen.Content;
using ReportGen.Diagnostics;
using ReportGen.Statistics;

namespace ReportGen.Rendering;

/// <summary>Turns a validated edition into the view model the templates render. No markup is made here.</summary>
public static class ReportViewBuilder
{
    private static AccessibilityView Statement(Edition edition, TemplateSet set, CultureInfo culture, ReportMarkdown markdown, LabelSet labels)
    {
        var info = edition.Accessibility;
        var contact = info?.Contact is { } c ? Contact(c) : null;
        IReadOnlyList<string> known =
        [
            .. info?.KnownIssues ?? [],
            // The tool's own, true of the PDFs it completes at level 1 (level 2 puts the spaces back).
            .. set.PdfUA < 2 ? [labels.Text("accessibility.pdf_words")] : Array.Empty<string>(),
        ];
        return new AccessibilityView(edition.Organisation.Name!, set.Name, known, markdown.Html(info?.Tested, 4), contact,
            info?.ResponseDays ?? 20, Date(edition.Info.Published, culture));
    }

    /// <param name="chartText">The template set's fonts, measured, for its charts' labels (<see cref="TemplateSet.ChartText"/>).</param>
    /// <param name="statementBy">The template set, when it publishes an accessibility statement (its checks are named in it).</param>
    /// <param name="contentModel">The template set's content model (<see cref="TemplateSet.ContentModel"/>): 1 builds exactly what default@1 to default@5 published.</param>
    /// <param name="labels">The words to print, in the edition's language (<see cref="TemplateSet.Labels"/>); null for a set before labels, which prints the tool's English.</param>
    public static ReportView Build(Edition edition, IReadOnlyList<StatTable>? tables = null, IReadOnlyDictionary<Measure, IReadOnlyList<MeasureResult>>? measures = null,
        TextMeasure? chartText = null, TemplateSet? statementBy = null, int contentModel = 1, Edition? previous = null, DiagnosticBag? diagnostics = null,
        LabelSet? labels = null)
    {
        var L = labels ?? LabelSet.Tool("en");
        // A set with labels formats dates and figures from its label data, never from the machine's culture data.
        var culture = labels?.Culture ?? CultureInfo.GetCultureInfo(edition.Language);
        var markdown = new ReportMarkdown(contentModel, L);
        var model2 = contentModel >= 2;
        var bound = measures ?? new Dictionary<Measure, IReadOnlyList<MeasureResult>>();
        var dataSections = TableViewBuilder.Build(tables ?? [], DisclosureSettings.From(edition.Statistics.Disclosure), culture, chartText, L);
        var info = edition.Info;
        var organisation = edition.Organisation;
        var title = info.Title!;
        // A set with labels has the edition's term among them (ReportBuilder makes objectives.yaml's term: an override).
        var term = labels is null ? edition.ObjectivesText.Term ?? L.Text("term.Objective") : L.Text("term.Objective");

        // Grouped under themes, the objectives are in the themes' order, and by number (or as written) within each.
        var themeOrder = edition.Themes.Select((t, i) => (t.Id, i)).Where(t => t.Id is not null).ToDictionary(t => t.Id!, t => t.i, StringComparer.Ordinal);
        var objectives = edition.Objectives
            .OrderBy(o => o.Theme is { } theme && themeOrder.TryGetValue(theme, out var at) ? at : -1)
            .ThenBy(o => o.Number).ToList();
        var headings = objectives.ToDictionary(o => o.Id!, o => (Anchor: AnchorOf(o), Heading: HeadingOf(o, term, L)), StringComparer.Ordinal);
        // Progress across editions is content model 2's: model 1 published none.
        var progress = model2 ? ProgressReport.Compare(edition, previous, o => HeadingOf(o, term, L), diagnostics ?? new DiagnosticBag()) : ProgressReport.None;
        // The organisation's own names for the statuses (a RAG scale), else the usual ones.
        var ownLabels = edition.ObjectivesText.StatusLabels;
        string Label(string status) => ownLabels?.GetValueOrDefault(status) ?? L.Text("status." + status);
        string InText(string status) => ownLabels?.GetValueOrDefault(status) ?? L.Text("status_in_text." + status);

        // Text is rendered in reading order, so that its footnotes are numbered the same way on every build.
        var foreword = edition.Foreword is { } f ? markdown.Render(f.Body, 3, "foreword") : null;
        var commitments = edition.Commitments is { } c
            ? new CommitmentsView(markdown.Html(c.Intro, 3), c.Items ?? [], markdown.Html(c.Closing, 3)) { Numbered = c.Numbered == true }
            : null;
        var sections = edition.Sections.Select(section =>
        {
            var anchor = Anchors.OfSection(section);
            var body = markdown.Render(section.Body, 3, anchor);
            return (Place: section.Place ?? "start", View: new SectionView(anchor, section.Title!, body.Html, body.Headings, Words(section.Body) >= LongSectionWords));
        }).ToList();
        var objectivesIntro = markdown.Html(edition.ObjectivesText.Intro, 3);
        var level = edition.Themes.Count > 0 ? 4 : 3;
        var objectiveViews = objectives
            .Select(o => BuildObjective(o, term, AchievementsFor(o, edition.Achievements, objectives, headings, markdown), culture, bound, markdown, level, progress, Label, L)
                with
                {
                    Size = PrintedWords(o, edition.Achievements) switch { < ShortObjective => "short", > LongObjective => "long", _ => "medium" },
                    ThemeTitle = edition.Themes.FirstOrDefault(t => t.Id == o.Theme)?.Title,
                })
            .ToList();
        var themes = edition.Themes.Select(t => new ThemeView(Anchors.OfTheme(t), t.Title!, markdown.Html(t.Body, 4),
            objectiveViews.Where((_, i) => objectives[i].Theme == t.Id).ToList(),
            Words(t.Body) + objectives.Where(o => o.Theme == t.Id).Sum(o => PrintedWords(o, edition.Achievements)) > LongObjective)).ToList();
        var objectivesClosing = markdown.Html(edition.ObjectivesText.Closing, 3);
        var editionAchievements = edition.Achievements.Where(a => a.Objectives is null || a.Objectives.Count == 0)
            .Select(a => new AchievementView($"achievement-{a.Id}", a.Title, markdown.Html(a.Text, 4), true, "", [])).ToList();
        var documents = edition.Documents.Select(d => d.File is { } file
            ? new DocumentView(d.Title!, $"{Data.LinkedFiles.Folder}/{Path.GetFileName(file)}",
                Data.LinkedFiles.Describe(Data.EditionFiles.ResolveInside(edition.Folder, file)!, culture, L), markdown.Html(d.Description, 3), false)
            : new DocumentView(d.Title!, d.Href!, null, markdown.Html(d.Description, 3), true)).ToList();
        var glossary = edition.Glossary.Select(g => new GlossaryEntryView(g.Term!, markdown.Html(g.Definition, 3))).ToList();

        var objectivesTitle = labels is null ? edition.ObjectivesText.Title ?? L.Text("objectives.title") : L.Text("objectives.title");
        var contents = new List<ContentsEntry>();
        if (edition.Foreword is { } fw) contents.Add(new("foreword", fw.Title!, foreword!.Headings));
        if (edition.Commitments is not null) contents.Add(new("commitments", L.Text("section.commitments"), []));
        void AddSections(string place) =>
            contents.AddRange(sections.Where(s => s.Place == place).Select(s => new ContentsEntry(s.View.Anchor, s.View.Title, s.View.Headings)));
        AddSections("start");
        if (edition.HasObjectivesFile)
            contents.Add(new("objectives", objectivesTitle, themes.Count > 0
                ? themes.Select(t => new ContentsEntry(t.Anchor, t.Title, t.Objectives.Select(o => new ContentsEntry(o.Anchor, o.Heading, [])).ToList())).ToList()
                : objectiveViews.Select(o => new ContentsEntry(o.Anchor, o.Heading, [])).ToList()));
        var schemeMilestones = edition.SchemeMilestones.Count == 0 ? null : MilestonesOf(edition.SchemeMilestones, culture, progress, Label);
        if (schemeMilestones is not null) contents.Add(new("scheme-milestones", L.Text("section.scheme_milestones"), []));
        var progressView = Progress(progress, culture, InText, L);
        if (progressView is not null) contents.Add(new("progress", progressView.Title, []));
        if (editionAchievements.Count > 0) contents.Add(new("achievements", L.Text("section.achievements"), []));
        AddSections("after-objectives");
        foreach (var section in dataSections)
            contents.Add(new(section.Anchor, section.Title, section.Tables.Select(t => new ContentsEntry(t.Anchor, t.Title, [])).ToList()));
        AddSections("end");
        if (documents.Count > 0) contents.Add(new("documents", L.Text("section.documents"), []));
        if (edition.Glossary.Count > 0) contents.Add(new("glossary", L.Text("section.glossary"), []));
        if (statementBy is not null) contents.Add(new("accessibility", L.Text("section.accessibility"), []));

        var runningHeader = L.Text("document.running_header", ("organisation", organisation.ShortName ?? organisation.Name), ("title", title));
        return new ReportView(
            Lang: edition.Language,
            Title: title,
            Subtitle: info.Subtitle,
            DocumentTitle: L.Text("document.title", ("title", title), ("organisation", organisation.Name)),
            RunningHeader: model2 ? OneLine(runningHeader, chartText) : runningHeader,
            Organisation: new OrganisationView(organisation.Name!, organisation.ShortName, organisation.Website),
            PeriodStart: Date(info.ReportingPeriod?.Start, culture),
            PeriodEnd: Date(info.ReportingPeriod?.End, culture),
            Published: Date(info.Published, culture),
            Version: info.Version,
            Source: markdown.Html(info.Source, 3),
            Foreword: edition.Foreword is { } fv
                ? new ForewordView(fv.Title!, foreword!.Html, (fv.Signatories ?? []).Select(s => new SignatoryView(s.Name ?? s.Role!, s.Name is null ? null : s.Role)).ToList())
                : null,
            Commitments: commitments,
            Notes: Notes(edition.Notes),
            Objectives: objectiveViews,
            Glossary: glossary,
            Contents: contents,
            DataSections: dataSections,
            ObjectivesHaveScope: objectiveViews.Any(o => o.Scope is not null))
        {
            Accessibility = statementBy is null ? null : Statement(edition, statementBy, culture, markdown, L),
            ObjectivesTitle = objectivesTitle,
            ObjectivesTerm = term,
            HasObjectives = edition.HasObjectivesFile,
            ObjectivesIntro = objectivesIntro,
            ObjectivesClosing = objectivesClosing,
            Themes = themes,
            SectionsAtStart = sections.Where(s => s.Place == "start").Select(s => s.View).ToList(),
            SectionsAfterObjectives = sections.Where(s => s.Place == "after-objectives").Select(s => s.View).ToList(),
            SectionsAtEnd = sections.Where(s => s.Place == "end").Select(s => s.View).ToList(),
            EditionAchievements = editionAchievements,
            Progress = progressView,
            SchemeMilestones = schemeMilestones,
            Documents = documents,
            Reference = info.Reference,
            PreparedBy = info.PreparedBy,
            PresentedTo = info.PresentedTo?.Name,
            PresentedOn = Date(info.PresentedTo?.Date, culture),
            EditionNumber = info.Number,
            FormatsContact = model2 && edition.Accessibility?.Contact is { } contact ? Contact(contact) : null,
        };
    }

    /// <summary>Milestones as an action's table shows them (an action of its own for the scheme's), with their progress.</summary>
    private static ActionView MilestonesOf(IEnumerable<Milestone> source, CultureInfo culture, ProgressReport progress, Func<string, string> label)
    {
        var milestones = source.Select((m, i) =>
        {
            var view = new MilestoneView(i + 1, m.Text!, Date(m.Due, culture), m.Status is null ? null : label(m.Status), m.Status, m.Progress);
            return progress.Milestones.TryGetValue(m, out var p)
                ? view with { LastStatus = p.LastStatus is null ? null : label(p.LastStatus), LastStatusKey = p.LastStatus, WentBack = p.Regressed, Overdue = p.Overdue, New = p.New }
                : view;
        }).ToList();
        return new ActionView(0, HtmlFragment.Empty, milestones,
            milestones.Any(m => m.Due is not null), milestones.Any(m => m.Status is not null), milestones.Any(m => m.Progress is not null), [])
        {
            MilestonesHaveLastStatus = progress.PreviousTitle is not null || milestones.Any(m => m.LastStatus is not null),
        };
    }

    /// <summary>The section on progress since the previous edition; null without one.</summary>
    private static ProgressView? Progress(ProgressReport progress, CultureInfo culture, Func<string, string> inText, LabelSet labels)
    {
        if (progress.PreviousTitle is not { } previous) return null;
        var milestones = progress.Milestones.Select(p => (Milestone: p.Key, Progress: p.Value)).ToList();
        string Item(ProgressItem item) => labels.Text($"progress.{item.Kind}_item", ("text", item.Text),
            ("objective", item.Objective ?? labels.Text("progress.whole_scheme")));
        return new ProgressView(labels.Text("progress.title", ("previous", previous)), previous,
            milestones.Where(m => m.Progress.Regressed).Select(m => labels.Text("progress.went_back_item", ("milestone", m.Milestone.Text),
                ("was", inText(m.Progress.LastStatus!)), ("now", inText(m.Milestone.Status!)))).ToList(),
            milestones.Where(m => m.Progress.Overdue).Select(m => labels.Text("progress.overdue_item", ("milestone", m.Milestone.Text), ("due", m.Milestone.Due!.Value.Display(culture)))).ToList(),
            progress.Dropped.Select(Item).ToList(),
            progress.Added.Select(Item).ToList());
    }

    /// <summary>A section of fewer words than this follows what comes before it in print, rather than starting a page.</summary>
    internal const int LongSectionWords = 250;

    /// <summary>The words of a text, as a reader counts them.</summary>
    internal static int Words(string? text) =>
        text is null ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    /// <summary>The printed header's width: A4 less the margins (174 mm at 96 px to the inch), less a tenth to spare.</summary>
    internal const double HeaderWidthPx = 174 / 25.4 * 96 * 0.9;
    internal const double HeaderFontPx = 8.5 / 72 * 96;

    /// <summary>
    /// The running header shortened to one line of the printed header (model 2): whole words of the title, then an
    /// ellipsis. Measured in the set's fonts; without them, at a width per character that errs on the short side.
    /// </summary>
    internal static string OneLine(string header, TextMeasure? fonts)
    {
        double Width(string text) => fonts?.Width(text, HeaderFontPx) ?? text.Length * HeaderFontPx * 0.6;
        if (Width(header) <= HeaderWidthPx) return header;
        var words = header.Split(' ');
        for (var n = words.Length - 1; n > 1; n--)
        {
            var shorter = string.Join(' ', words[..n]).TrimEnd(',', ';', ':', '·', '-', '–', '—', ' ') + "…";
            if (Width(shorter) <= HeaderWidthPx) return shorter;
        }
        return words[0] + "…";
    }

    private static ContactView Contact(Contact c) =>
        new(c.Name, c.Email, c.Phone, (c.Address ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>objective-1 for a numbered objective (as every set has named it), objective-{id} for an unnumbered one.</summary>
    private static string AnchorOf(Objective objective) =>
        objective.Number is { } number ? $"objective-{number}" : $"objective-{objective.Id}";

    private static string? LabelOf(Objective objective, string term, LabelSet labels) =>
        objective.Number is { } number ? labels.Text("objective.label", ("term", term), ("number", number.ToString(CultureInfo.InvariantCulture))) : null;

    private static string HeadingOf(Objective objective, string term, LabelSet labels) =>
        LabelOf(objective, term, labels) is { } label ? labels.Text("objective.heading", ("label", label), ("title", objective.Title)) : objective.Title!;

    /// <summary>Word-equivalents an objective of fewer than <see cref="ShortObjective"/> fits on part of a page, and of more than <see cref="LongObjective"/> fills one.</summary>
    internal const int ShortObjective = 220, LongObjective = 520;

    /// <summary>
    /// How long an objective prints, in words, counting each heading and list item as the words of the line it takes
    /// up: its text, actions, milestones, measures, outcome, delivery, sources, notes and achievements.
    /// </summary>
    internal static int PrintedWords(Objective objective, IReadOnlyList<Achievement> achievements)
    {
        const int line = 8, heading = 14;
        var words = Words(objective.Title) + heading + Words(objective.Summary) + Words(objective.Statement) + Words(objective.WhyImportant) + Words(objective.Outcome);
        foreach (var action in objective.Actions ?? [])
        {
            words += Words(action.Text) + line;
            foreach (var milestone in action.Milestones ?? []) words += Words(milestone.Text) + Words(milestone.Progress) + 2 * line;
            foreach (var measure in action.Measures ?? []) words += Words(measure.Text) + 2 * line + (measure.Items ?? []).Sum(i => Words(i) + line);
        }
        foreach (var measure in objective.Measures ?? []) words += Words(measure.Text) + 2 * line + (measure.Items ?? []).Sum(i => Words(i) + line) + (measure.Figures?.Count ?? 0) * 2 * line;
        words += (objective.Delivery ?? []).Sum(d => Words(d) + line) + (objective.Sources ?? []).Sum(d => Words(d) + line) + (objective.Notes ?? []).Sum(n => Words(n.Text) + line);
        words += achievements.Where(a => a.Objectives?.Contains(objective.Id!) == true).Sum(a => Words(a.Title) + Words(a.Text) + line);
        var headings = new[] { objective.WhyImportant, objective.Outcome }.Count(t => t is not null)
                       + new[] { objective.Actions?.Count, objective.Measures?.Count, objective.Delivery?.Count, objective.Sources?.Count }.Count(n => n > 0);
        return words + headings * heading;
    }

    private static ObjectiveView BuildObjective(Objective objective, string term, IReadOnlyList<AchievementView> achievements, CultureInfo culture,
        IReadOnlyDictionary<Measure, IReadOnlyList<MeasureResult>> bound, ReportMarkdown markdown, int level, ProgressReport progress, Func<string, string> label, LabelSet labels)
    {
        var textLevel = level + 2;
        var actions = (objective.Actions ?? []).Select((action, index) =>
            MilestonesOf(action.Milestones ?? [], culture, progress, label) with
            {
                Number = index + 1,
                Text = markdown.Html(action.Text, textLevel + 1),
                Measures = Measures(action.Measures, culture, bound, labels),
            }).ToList();

        return new ObjectiveView(
            Anchor: AnchorOf(objective),
            Number: objective.Number,
            Title: objective.Title!,
            Heading: HeadingOf(objective, term, labels),
            Scope: objective.Scope is { } scope ? labels.Text("scope." + scope) : null,
            // The statement sits under the objective's own heading; the other texts under a sub-heading ("Why this is important").
            Summary: markdown.Html(objective.Summary, level + 1),
            Statement: markdown.Html(objective.Statement, level + 1),
            WhyImportant: markdown.Html(objective.WhyImportant, textLevel),
            Actions: actions,
            ActionsAreSimple: actions.All(a => a.Milestones.Count == 0 && a.Measures.Count == 0),
            Measures: Measures(objective.Measures, culture, bound, labels),
            Outcome: markdown.Html(objective.Outcome, textLevel),
            Delivery: objective.Delivery ?? [],
            Sources: objective.Sources ?? [],
            Notes: Notes(objective.Notes),
            Achievements: achievements)
        {
            Label = LabelOf(objective, term, labels),
            Level = level,
        };
    }

    private static List<AchievementView> AchievementsFor(Objective objective, IReadOnlyList<Achievement> achievements,
        IReadOnlyList<Objective> ordered, Dictionary<string, (string Anchor, string Heading)> headings, ReportMarkdown markdown)
    {
        var views = new List<AchievementView>();
        foreach (var achievement in achievements.Where(a => a.Objectives?.Contains(objective.Id!) == true))
        {
            // The achievement is written out under the first objective it serves, in objective order.
            var primary = ordered.First(o => achievement.Objectives!.Contains(o.Id!));
            var links = ordered.Where(o => achievement.Objectives!.Contains(o.Id!))
                .Select(o => new ObjectiveLink(headings[o.Id!].Anchor, headings[o.Id!].Heading)).ToList();
            views.Add(new AchievementView($"achievement-{achievement.Id}", achievement.Title,
                markdown.Html(achievement.Text), ReferenceEquals(primary, objective), headings[primary.Id!].Heading, links));
        }
        return views;
    }

    private static List<MeasureView> Measures(List<Measure>? measures, CultureInfo culture, IReadOnlyDictionary<Measure, IReadOnlyList<MeasureResult>> bound, LabelSet labels) =>
        (measures ?? []).Select(m => new MeasureView(m.Text!, Date(m.Due, culture), m.Items ?? [],
            (bound.GetValueOrDefault(m) ?? []).Select(r => MeasureFigure(r, culture, labels)).ToList())).ToList();

    private static MeasureFigureView MeasureFigure(MeasureResult result, CultureInfo culture, LabelSet labels)
    {
        var decimals = result.Decimals;
        string? change = null;
        if (result.Change is { } difference)
        {
            var points = result.Latest.Kind is FigureKind.Percent or FigureKind.PercentagePoints;
            change = labels.Text(points ? "measure.change.points" : "measure.change",
                ("change", FigureFormat.Signed(Figure.Round(difference, decimals), decimals, culture)),
                ("previous", FigureFormat.ForPeople(result.Previous!, culture, decimals, labels)));
        }
        var key = result.Status switch
        {
            MeasureStatus.Improved => "improved",
            MeasureStatus.Worsened => "worsened",
            MeasureStatus.NoSignificantChange => "no-change",
            _ => "not-enough-data",
        };
        var status = labels.Text("measure." + key);
        var shown = FigureFormat.ForPeople(result.Latest, culture, decimals, labels);
        var latest = result.Latest is { Kind: FigureKind.PercentagePoints, Published: not null } ? labels.Text("measure.latest.points", ("value", shown)) : shown;
        return new MeasureFigureView(result.Label, latest, change, status, key, labels.Render(result.Why), result.FigureId);
    }

    private static List<NoteView> Notes(IEnumerable<Note>? notes) =>
        (notes ?? []).Select(n => new NoteView(n.Marker!, n.Text!)).ToList();

    private static DateView? Date(PartialDate? date, CultureInfo culture) =>
        date is { } d ? new DateView(d.Iso, d.Display(culture)) : null;
}

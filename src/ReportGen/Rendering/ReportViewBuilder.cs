using System.Globalization;
using ReportGen.Content;
using ReportGen.Statistics;

namespace ReportGen.Rendering;

/// <summary>Turns a validated edition into the view model the templates render. No markup is made here.</summary>
public static class ReportViewBuilder
{
    private static AccessibilityView Statement(Edition edition, TemplateSet set, CultureInfo culture)
    {
        var info = edition.Accessibility;
        var contact = info?.Contact is { } c
            ? new ContactView(c.Name, c.Email, c.Phone, (c.Address ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : null;
        IReadOnlyList<string> known =
        [
            .. info?.KnownIssues ?? [],
            // The tool's own, true of the PDFs it completes at level 1 (level 2 puts the spaces back).
            .. set.PdfUA < 2 ? ["In the PDF, a screen reader may read the last word of a line and the first word of the next as one word, where the browser that prints the PDF broke a paragraph into lines."] : Array.Empty<string>(),
        ];
        return new AccessibilityView(edition.Organisation.Name!, set.Name, known, MarkdownRenderer.ToHtml(info?.Tested), contact,
            info?.ResponseDays ?? 20, Date(edition.Info.Published, culture));
    }

    private static readonly Dictionary<string, string> StatusLabels = new(StringComparer.Ordinal)
    {
        ["not-started"] = "Not started",
        ["in-progress"] = "In progress",
        ["complete"] = "Complete",
        ["overdue"] = "Overdue",
        ["dropped"] = "Dropped",
    };

    /// <param name="chartText">The template set's fonts, measured, for its charts' labels (<see cref="TemplateSet.ChartText"/>).</param>
    /// <param name="statementBy">The template set, when it publishes an accessibility statement (its checks are named in it).</param>
    public static ReportView Build(Edition edition, IReadOnlyList<StatTable>? tables = null, IReadOnlyDictionary<Measure, IReadOnlyList<MeasureResult>>? measures = null,
        TextMeasure? chartText = null, TemplateSet? statementBy = null)
    {
        var culture = CultureInfo.GetCultureInfo(edition.Language);
        var bound = measures ?? new Dictionary<Measure, IReadOnlyList<MeasureResult>>();
        var dataSections = TableViewBuilder.Build(tables ?? [], DisclosureSettings.From(edition.Statistics.Disclosure), culture, chartText);
        var info = edition.Info;
        var organisation = edition.Organisation;
        var title = info.Title!;

        var objectives = edition.Objectives.OrderBy(o => o.Number).ToList();
        var headings = objectives.ToDictionary(o => o.Id!, o => (Anchor: AnchorOf(o), Heading: HeadingOf(o)), StringComparer.Ordinal);
        var objectiveViews = objectives
            .Select(o => BuildObjective(o, AchievementsFor(o, edition.Achievements, objectives, headings), culture, bound))
            .ToList();

        var contents = new List<ContentsEntry>();
        if (edition.Foreword is { } foreword) contents.Add(new("foreword", foreword.Title!, []));
        if (edition.Commitments is not null) contents.Add(new("commitments", "Our commitments", []));
        contents.Add(new("objectives", "Our equality objectives", objectiveViews.Select(o => new ContentsEntry(o.Anchor, o.Heading, [])).ToList()));
        foreach (var section in dataSections)
            contents.Add(new(section.Anchor, section.Title, section.Tables.Select(t => new ContentsEntry(t.Anchor, t.Title, [])).ToList()));
        if (edition.Glossary.Count > 0) contents.Add(new("glossary", "Glossary", []));
        if (statementBy is not null) contents.Add(new("accessibility", "Accessibility statement", []));

        return new ReportView(
            Lang: edition.Language,
            Title: title,
            Subtitle: info.Subtitle,
            DocumentTitle: $"{title} — {organisation.Name}",
            RunningHeader: $"{organisation.ShortName ?? organisation.Name} · {title}",
            Organisation: new OrganisationView(organisation.Name!, organisation.ShortName, organisation.Website),
            PeriodStart: Date(info.ReportingPeriod?.Start, culture),
            PeriodEnd: Date(info.ReportingPeriod?.End, culture),
            Published: Date(info.Published, culture),
            Version: info.Version,
            Source: MarkdownRenderer.ToHtml(info.Source),
            Foreword: edition.Foreword is { } f
                ? new ForewordView(f.Title!, MarkdownRenderer.ToHtml(f.Body), (f.Signatories ?? []).Select(s => new SignatoryView(s.Name!, s.Role)).ToList())
                : null,
            Commitments: edition.Commitments is { } c
                ? new CommitmentsView(MarkdownRenderer.ToHtml(c.Intro), c.Items ?? [], MarkdownRenderer.ToHtml(c.Closing))
                : null,
            Notes: Notes(edition.Notes),
            Objectives: objectiveViews,
            Glossary: edition.Glossary.Select(g => new GlossaryEntryView(g.Term!, MarkdownRenderer.ToHtml(g.Definition))).ToList(),
            Contents: contents,
            DataSections: dataSections,
            ObjectivesHaveScope: objectiveViews.Any(o => o.Scope is not null))
        {
            Accessibility = statementBy is null ? null : Statement(edition, statementBy, culture),
        };
    }

    private static string AnchorOf(Objective objective) => $"objective-{objective.Number}";

    private static string HeadingOf(Objective objective) => $"Objective {objective.Number}: {objective.Title}";

    private static ObjectiveView BuildObjective(Objective objective, IReadOnlyList<AchievementView> achievements, CultureInfo culture,
        IReadOnlyDictionary<Measure, IReadOnlyList<MeasureResult>> bound)
    {
        var actions = (objective.Actions ?? []).Select((action, index) =>
        {
            var milestones = (action.Milestones ?? []).Select((m, i) => new MilestoneView(
                i + 1, m.Text!, Date(m.Due, culture),
                m.Status is null ? null : StatusLabels[m.Status], m.Status, m.Progress)).ToList();
            return new ActionView(index + 1, MarkdownRenderer.ToHtml(action.Text), milestones,
                milestones.Any(m => m.Due is not null), milestones.Any(m => m.Status is not null), milestones.Any(m => m.Progress is not null),
                Measures(action.Measures, culture, bound));
        }).ToList();

        return new ObjectiveView(
            Anchor: AnchorOf(objective),
            Number: objective.Number!.Value,
            Title: objective.Title!,
            Heading: HeadingOf(objective),
            Scope: objective.Scope is null ? null : culture.TextInfo.ToTitleCase(objective.Scope),
            Summary: MarkdownRenderer.ToHtml(objective.Summary),
            Statement: MarkdownRenderer.ToHtml(objective.Statement),
            WhyImportant: MarkdownRenderer.ToHtml(objective.WhyImportant),
            Actions: actions,
            ActionsAreSimple: actions.All(a => a.Milestones.Count == 0 && a.Measures.Count == 0),
            Measures: Measures(objective.Measures, culture, bound),
            Outcome: MarkdownRenderer.ToHtml(objective.Outcome),
            Delivery: objective.Delivery ?? [],
            Sources: objective.Sources ?? [],
            Notes: Notes(objective.Notes),
            Achievements: achievements);
    }

    private static List<AchievementView> AchievementsFor(Objective objective, IReadOnlyList<Achievement> achievements,
        IReadOnlyList<Objective> ordered, Dictionary<string, (string Anchor, string Heading)> headings)
    {
        var views = new List<AchievementView>();
        foreach (var achievement in achievements.Where(a => a.Objectives!.Contains(objective.Id!)))
        {
            // The achievement is written out under the first objective it serves, in objective order.
            var primary = ordered.First(o => achievement.Objectives!.Contains(o.Id!));
            var links = ordered.Where(o => achievement.Objectives!.Contains(o.Id!))
                .Select(o => new ObjectiveLink(headings[o.Id!].Anchor, headings[o.Id!].Heading)).ToList();
            views.Add(new AchievementView($"achievement-{achievement.Id}", achievement.Title,
                MarkdownRenderer.ToHtml(achievement.Text), ReferenceEquals(primary, objective), headings[primary.Id!].Heading, links));
        }
        return views;
    }

    private static List<MeasureView> Measures(List<Measure>? measures, CultureInfo culture, IReadOnlyDictionary<Measure, IReadOnlyList<MeasureResult>> bound) =>
        (measures ?? []).Select(m => new MeasureView(m.Text!, Date(m.Due, culture), m.Items ?? [],
            (bound.GetValueOrDefault(m) ?? []).Select(r => MeasureFigure(r, culture)).ToList())).ToList();

    private static MeasureFigureView MeasureFigure(MeasureResult result, CultureInfo culture)
    {
        var decimals = result.Decimals;
        string? change = null;
        if (result.Change is { } difference)
        {
            var unit = result.Latest.Kind switch
            {
                FigureKind.Percent or FigureKind.PercentagePoints => " percentage points",
                _ => "",
            };
            change = FigureFormat.Signed(Figure.Round(difference, decimals), decimals, culture) + unit +
                     $" (from {FigureFormat.ForPeople(result.Previous!, culture, decimals)})";
        }
        var (status, key) = result.Status switch
        {
            MeasureStatus.Improved => ("Improved", "improved"),
            MeasureStatus.Worsened => ("Worsened", "worsened"),
            MeasureStatus.NoSignificantChange => ("No significant change", "no-change"),
            _ => ("Not enough data", "not-enough-data"),
        };
        var latest = FigureFormat.ForPeople(result.Latest, culture, decimals) +
                     (result.Latest is { Kind: FigureKind.PercentagePoints, Published: not null } ? " percentage points" : "");
        return new MeasureFigureView(result.Label, latest, change, status, key, result.Explanation, result.FigureId);
    }

    private static List<NoteView> Notes(IEnumerable<Note>? notes) =>
        (notes ?? []).Select(n => new NoteView(n.Marker!, n.Text!)).ToList();

    private static DateView? Date(PartialDate? date, CultureInfo culture) =>
        date is { } d ? new DateView(d.Iso, d.Display(culture)) : null;
}

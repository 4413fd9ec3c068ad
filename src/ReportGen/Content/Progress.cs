using ReportGen.Diagnostics;

namespace ReportGen.Content;

/// <summary>One milestone's progress: its status last time (from the previous edition, or as this one says it was) and now.</summary>
/// <param name="LastStatus">Its status last time; null when not known.</param>
/// <param name="Regressed">Its status went back since last time (complete → in progress or not started; in progress → not started).</param>
/// <param name="Overdue">It was due before the report's date, and its status says it is not complete (nor dropped).</param>
/// <param name="New">It is new since the previous edition (which did not have it).</param>
public sealed record MilestoneProgress(string? LastStatus, bool Regressed, bool Overdue, bool New);

/// <summary>A milestone or measure of the previous edition that this one no longer reports, or one this edition adds.</summary>
/// <param name="Objective">The heading of the objective it is (or was) under.</param>
/// <param name="Objective">The heading of the objective it was under; null for a milestone of the whole scheme.</param>
public sealed record ProgressItem(string Kind, string Text, string? Objective);

/// <summary>
/// Progress across editions (content model 2): each milestone's status last time and now, the ones that went back or
/// are overdue by their date, and what was dropped or added since the previous edition. Milestones and measures are
/// matched by their <c>id</c>, or by their text when they have none.
/// </summary>
public sealed record ProgressReport(
    string? PreviousTitle,
    IReadOnlyDictionary<Milestone, MilestoneProgress> Milestones,
    IReadOnlyList<ProgressItem> Dropped,
    IReadOnlyList<ProgressItem> Added)
{
    public static readonly ProgressReport None = new(null, new Dictionary<Milestone, MilestoneProgress>(), [], []);

    /// <summary>The order statuses advance in; overdue ranks with not started, and dropped is outside it.</summary>
    private static int? Rank(string? status) => status switch
    {
        "not-started" or "overdue" => 0,
        "in-progress" => 1,
        "complete" => 2,
        _ => null,
    };

    /// <summary>What a milestone or measure is known by from one edition to the next: its id, else its text with spaces made single.</summary>
    public static string KeyOf(string? id, string? text) =>
        id is not null ? "id:" + id : "text:" + string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Every milestone, with its objective (null for a milestone of the whole scheme).</summary>
    private static IEnumerable<(Objective? Objective, Milestone Milestone)> MilestonesOf(Edition edition) =>
        edition.Objectives.SelectMany(o => o.AllMilestones().Select(m => ((Objective?)o, m)))
            .Concat(edition.SchemeMilestones.Select(m => ((Objective?)null, m)));


    private static IEnumerable<(Objective Objective, Measure Measure)> MeasuresOf(Edition edition) =>
        edition.Objectives.SelectMany(o => o.AllMeasures().Select(m => (o, m)));

    /// <param name="headingOf">An objective's heading as the report gives it.</param>
    /// <param name="diagnostics">Where a milestone's last_status that disagrees with the previous edition is reported.</param>
    public static ProgressReport Compare(Edition current, Edition? previous, Func<Objective, string> headingOf, DiagnosticBag diagnostics)
    {
        var date = current.Info.Published ?? current.Info.ReportingPeriod?.End;
        var before = previous is null ? [] : MilestonesOf(previous).GroupBy(p => KeyOf(p.Milestone.Id, p.Milestone.Text)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var file = new DisplayPaths(current.Folder).Of(EditionLoader.ObjectivesFileName);
        var milestones = new Dictionary<Milestone, MilestoneProgress>(ReferenceEqualityComparer.Instance);
        var added = new List<ProgressItem>();
        foreach (var (objective, milestone) in MilestonesOf(current))
        {
            var matched = before.TryGetValue(KeyOf(milestone.Id, milestone.Text), out var was) ? was.Milestone : null;
            if (matched?.Status is { } given && milestone.LastStatus is { } said && said != given)
                diagnostics.Error(DiagnosticCodes.InvalidValue,
                    $"last_status '{said}' is not what the previous edition gives ('{given}'); remove last_status, which is only for a milestone the previous edition gave no status",
                    current.Sources.Of(milestone, "last_status", file));
            var last = matched?.Status ?? milestone.LastStatus;
            // Overdue by its date: due before the report's date, and reported as not yet complete (a milestone with no
            // status is not said to be anything).
            var overdue = milestone is { Due: { } due, Status: "not-started" or "in-progress" or "overdue" } && date is { } at && due.EndExclusive <= at.Start;
            var isNew = previous is not null && matched is null && milestone.LastStatus is null;
            if (isNew) added.Add(new("milestone", milestone.Text!, objective is null ? null : headingOf(objective)));
            milestones[milestone] = new MilestoneProgress(last, Rank(milestone.Status) < Rank(last), overdue, isNew);
        }
        if (previous is null) return new(null, milestones, [], []);

        var now = MilestonesOf(current).Select(p => KeyOf(p.Milestone.Id, p.Milestone.Text)).ToHashSet(StringComparer.Ordinal);
        var dropped = MilestonesOf(previous).Where(p => !now.Contains(KeyOf(p.Milestone.Id, p.Milestone.Text)))
            .Select(p => new ProgressItem("milestone", p.Milestone.Text!, p.Objective is null ? null : headingOf(p.Objective))).ToList();
        var measuresBefore = MeasuresOf(previous).Select(p => KeyOf(p.Measure.Id, p.Measure.Text)).ToHashSet(StringComparer.Ordinal);
        var measuresNow = MeasuresOf(current).Select(p => KeyOf(p.Measure.Id, p.Measure.Text)).ToHashSet(StringComparer.Ordinal);
        dropped.AddRange(MeasuresOf(previous).Where(p => !measuresNow.Contains(KeyOf(p.Measure.Id, p.Measure.Text)))
            .Select(p => new ProgressItem("measure", p.Measure.Text!, headingOf(p.Objective))));
        added.AddRange(MeasuresOf(current).Where(p => !measuresBefore.Contains(KeyOf(p.Measure.Id, p.Measure.Text)))
            .Select(p => new ProgressItem("measure", p.Measure.Text!, headingOf(p.Objective))));
        return new(previous.Info.Title, milestones, dropped, added);
    }
}

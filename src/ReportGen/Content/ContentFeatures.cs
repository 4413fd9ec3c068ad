namespace ReportGen.Content;

/// <summary>
/// The parts of an edition that only content model 2 publishes (<see cref="Rendering.TemplateSet.ContentModel"/>,
/// default@6): built with a set of model 1, each would be missing from the report, or misnamed, so each is an error
/// naming its place. Model 1's editions (every edition published before default@6) use none of them.
/// </summary>
public static class ContentFeatures
{
    /// <summary>One use of a model-2 part: what it is, the object it was read as (for its line) and its file.</summary>
    public sealed record Use(string What, object? Owner, string File);

    public static IEnumerable<Use> OfModel2(Edition edition)
    {
        const string editionFile = EditionLoader.EditionFileName, objectivesFile = EditionLoader.ObjectivesFileName;
        foreach (var section in edition.Sections) yield return new("a section ('sections:')", section, editionFile);
        foreach (var document in edition.Documents) yield return new("a linked document ('documents:')", document, editionFile);
        foreach (var milestone in edition.SchemeMilestones) yield return new("a milestone of the whole scheme ('milestones:' in edition.yaml)", milestone, editionFile);
        if (edition.Info.ReportingPeriod is { Start: not null, End: null } open) yield return new("an open-ended reporting period (a start without an end)", open, editionFile);
        var info = edition.Info;
        if (info.Reference is not null || info.PreparedBy is not null || info.PresentedTo is not null || info.Number is not null)
            yield return new("the report's reference, author, meeting or number ('reference:', 'prepared_by:', 'presented_to:', 'number:')", info, editionFile);
        if (edition.Commitments is { Numbered: true } commitments) yield return new("numbered commitments ('numbered: true')", commitments, editionFile);
        foreach (var signatory in edition.Foreword?.Signatories ?? [])
            if (string.IsNullOrWhiteSpace(signatory.Name)) yield return new("a signatory known by role alone", signatory, editionFile);
        if (!edition.HasObjectivesFile) yield return new($"an edition without objectives (no {objectivesFile})", null, editionFile);
        var text = edition.ObjectivesText;
        if (text.StatusLabels is not null) yield return new("the organisation's own status labels ('status_labels:')", text, objectivesFile);
        if (text.Title is not null || text.Term is not null || text.Intro is not null || text.Closing is not null)
            yield return new("the objectives' own heading, term, lead-in or closing text ('title:', 'term:', 'intro:', 'closing:')", text, objectivesFile);
        foreach (var theme in edition.Themes) yield return new("a theme ('themes:')", theme, objectivesFile);
        foreach (var objective in edition.Objectives)
        {
            if (objective.Number is null) yield return new("an unnumbered objective", objective, objectivesFile);
            if (objective.Scope == "internal-and-external") yield return new("scope 'internal-and-external'", objective, objectivesFile);
            foreach (var milestone in objective.AllMilestones())
                if (milestone.Id is not null || milestone.LastStatus is not null)
                    yield return new("a milestone's id or last_status (progress across editions)", milestone, objectivesFile);
            foreach (var measure in objective.AllMeasures())
                if (measure.Id is not null) yield return new("a measure's id (progress across editions)", measure, objectivesFile);
        }
        foreach (var achievement in edition.Achievements)
            if (achievement.Objectives is null || achievement.Objectives.Count == 0)
                yield return new("an achievement of the whole edition (one naming no objectives)", achievement, EditionLoader.AchievementsFileName);
    }
}

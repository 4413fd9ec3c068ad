using System.Text.RegularExpressions;
using ReportGen.Diagnostics;

namespace ReportGen.Content;

/// <summary>
/// The checks that YAML types alone cannot make: required fields, allowed values, unique ids and links
/// between files. Each problem points at the mapping it concerns.
/// </summary>
internal sealed partial class EditionValidator(Edition edition, DisplayPaths display, DiagnosticBag diagnostics)
{
    public static readonly string[] Scopes = ["internal", "external", "internal-and-external"];
    public static readonly string[] SectionPlaces = ["start", "after-objectives", "end"];
    public static readonly string[] Statuses = ["not-started", "in-progress", "complete", "overdue", "dropped"];

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[1-9][0-9]{0,3}$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^[a-z]{2,3}(-[A-Z]{2})?$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ()-]{6,24}$")]
    private static partial Regex PhonePattern();


    private string _file = "";

    public void Validate(EditionFile editionFile, ObjectivesFile objectivesFile)
    {
        _file = display.Of(EditionLoader.EditionFileName);
        ValidateEditionFile(editionFile);

        _file = display.Of(EditionLoader.ObjectivesFileName);
        if (edition.Objectives.Count == 0 && edition.HasObjectivesFile)
            Error(DiagnosticCodes.MissingField, $"there are no objectives; add at least one under 'objectives:', or delete {EditionLoader.ObjectivesFileName} for a report without objectives (an equality information report)", objectivesFile);
        Unique(edition.Objectives, o => o.Id, "objective id");
        Unique(edition.Objectives, o => o.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture), "objective number");
        ValidateObjectivesText(objectivesFile);
        foreach (var objective in edition.Objectives) ValidateObjective(objective);
        // Milestones and measures are known by their ids from one edition to the next: each names one.
        Unique(edition.Objectives.SelectMany(o => o.AllMilestones()), m => m.Id, "milestone id");
        Unique(edition.Objectives.SelectMany(o => o.AllMeasures()), m => m.Id, "measure id");

        _file = display.Of(EditionLoader.AchievementsFileName);
        Unique(edition.Achievements, a => a.Id, "achievement id");
        var objectiveIds = edition.Objectives.Select(o => o.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var achievement in edition.Achievements) ValidateAchievement(achievement, objectiveIds);

        _file = display.Of(EditionLoader.GlossaryFileName);
        // Terms that look the same to a reader are the same term: "ASB", "asb" and "A\u200BSB" (with a zero-width space).
        Unique(edition.Glossary, g => g.Term is null ? null : LookAlike(g.Term), "glossary term", g => g.Term);
        foreach (var entry in edition.Glossary)
        {
            Required(entry, entry.Term, "term");
            Required(entry, entry.Definition, "definition");
            Markdown(entry, entry.Definition, "definition");
        }

        ValidateData();
        ValidateStatistics();
    }

    private void ValidateEditionFile(EditionFile file)
    {
        if (Required(file, file.Organisation, "organisation") is { } organisation)
        {
            Required(organisation, organisation.Name, "name");
            if (organisation.Website is { } website)
            {
                if (!(Uri.TryCreate(website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
                    Error(DiagnosticCodes.InvalidValue, $"website '{website}' is not a web address; write it in full, like https://www.example.police.uk", organisation, "website");
                else if (uri.UserInfo.Length > 0)
                    // https://www.herts.police.uk@evil.example/ goes to evil.example: what comes before the @ only looks like the site.
                    Error(DiagnosticCodes.InvalidValue, $"website '{website}' leads to {uri.Host}, not to what comes before the '@' (a user name, which a public web address never has); write the organisation's own address, like https://www.example.police.uk", organisation, "website");
            }
        }

        if (Required(file, file.Edition, "edition") is { } info)
        {
            Required(info, info.Title, "title");
            if (info.Language is { } language && !LanguagePattern().IsMatch(language))
                Error(DiagnosticCodes.InvalidValue, $"language '{language}' is not a language tag; write one such as en-GB or cy-GB", info, "language");
            if (info.Languages is { } languages)
            {
                if (info.Language is not null)
                    Error(DiagnosticCodes.InvalidValue, "the edition gives both language: and languages:; keep languages: (the first is read first) and remove language:", info, "language");
                foreach (var tag in languages.Where(l => !LanguagePattern().IsMatch(l)))
                    Error(DiagnosticCodes.InvalidValue, $"'{tag}' in languages: is not a language tag; write tags such as cy and en", info, "languages");
                if (languages.Count == 0)
                    Error(DiagnosticCodes.MissingField, "languages: is empty; list the languages the edition is written in, such as [cy, en], or remove it", info, "languages");
                if (languages.GroupBy(l => Rendering.LabelSet.Primary(l)).FirstOrDefault(g => g.Count() > 1) is { } twice)
                    Error(DiagnosticCodes.InvalidValue, $"languages: names {string.Join(" and ", twice)}, the same language twice; name each once", info, "languages");
            }
            if (info.MultilingualPdf == true && info.Languages is not { Count: > 1 })
                Error(DiagnosticCodes.InvalidValue, "multilingual_pdf: true needs an edition written in several languages (languages: [cy, en]); remove it, or add languages:", info, "multilingual_pdf");
            if (info.Previous is { } previous && (previous.Contains('/') || previous.Contains('\\') || previous is "." or ".."))
                Error(DiagnosticCodes.InvalidValue, $"previous '{previous}' must name a sibling edition folder, such as 2015-16", info);
            else if (info.Previous is { } own && own == new DirectoryInfo(edition.Folder).Name)
                Error(DiagnosticCodes.InvalidValue, $"previous '{own}' names this edition itself, so every change since it would be nought; name the edition before this one, or remove 'previous:'", info);
            else if (info.Previous is not null && PreviousCycle() is { } cycle)
                diagnostics.Warning(DiagnosticCodes.InvalidValue,
                    $"the editions' previous: form a cycle ({string.Join(" → ", cycle)}): each names an earlier edition, so one of them names the wrong one; correct it",
                    edition.Sources.Of(info, _file));
            if (info.Template is { } template && !(template.Split('@') is [var set] && IdPattern().IsMatch(set) ||
                                                   template.Split('@') is [var named, var version] && IdPattern().IsMatch(named) && VersionPattern().IsMatch(version)))
                Error(DiagnosticCodes.InvalidValue, $"template '{template}' is not a template set and version; write the set's name and the version the edition was published with, such as default@1", info, "template");
            Corrections(info);
            if (info.ReportingPeriod is { } period)
            {
                Required(period, period.Start, "start");
                // A period without its end is open-ended ("from April 2016"): content model 2 publishes it (ContentFeatures).
                if (period.Start > period.End)
                    Error(DiagnosticCodes.InvalidValue, $"the reporting period ends ({period.End}) before it starts ({period.Start}); swap start and end", period);
            }
        }

        if (file.Edition is { } about) Markdown(about, about.Source, "source");
        if (file.Commitments is { } said)
        {
            Markdown(said, said.Intro, "intro");
            Markdown(said, said.Closing, "closing");
        }
        if (file.Foreword is { } foreword)
        {
            Required(foreword, foreword.Title, "title");
            Required(foreword, foreword.Body, "body");
            Markdown(foreword, foreword.Body, "body");
            foreach (var signatory in foreword.Signatories ?? [])
                if (string.IsNullOrWhiteSpace(signatory.Name) && string.IsNullOrWhiteSpace(signatory.Role))
                    Error(DiagnosticCodes.MissingField, "a signatory needs a 'name:', a 'role:' (such as Chief Constable) or both", signatory);
        }
        if (file.Commitments is { } commitments && (commitments.Items is null || commitments.Items.Count == 0))
            Error(DiagnosticCodes.MissingField, "commitments need at least one entry under 'items:'", commitments);
        ValidateNotes(file.Notes);
        if (file.Accessibility is { } accessibility) ValidateAccessibility(accessibility);
        if (file.Edition is { } metadata) ValidateMetadata(metadata);
        foreach (var milestone in file.Milestones ?? [])
        {
            Required(milestone, milestone.Text, "text");
            Id(milestone, milestone.Id, "publish-annual-report");
            if (milestone.Status is { } status && !Statuses.Contains(status))
                Error(DiagnosticCodes.InvalidValue, $"status '{status}' is not allowed; use one of {string.Join(", ", Statuses)}", milestone, "status");
        }
        ValidateSections(file.Sections ?? []);
        ValidateDocuments(file.Documents ?? []);
    }

    private void ValidateMetadata(EditionInfo info)
    {
        if (info.Number is <= 0) Error(DiagnosticCodes.InvalidValue, $"number {info.Number} must be 1 or more: which edition of the publication this is", info, "number");
        if (info.Reference is { } reference && string.IsNullOrWhiteSpace(reference)) Error(DiagnosticCodes.MissingField, "'reference' is empty; give the report's reference or remove the line", info);
        if (info.PresentedTo is { } meeting) Required(meeting, meeting.Name, "name");
    }

    /// <summary>The anchors ReportGen gives its own sections: a section of the edition's may not take one.</summary>
    public static readonly string[] ReservedAnchors = ["top", "main", "contents-heading", "about", "foreword", "commitments", "objectives", "objectives-heading", "at-a-glance",
        "achievements", "scheme-milestones", "progress", "documents", "corrections", "glossary", "accessibility", "notice-heading",
        .. Rendering.TableViewBuilder.Sections];

    /// <summary>The beginnings of the place names ReportGen gives the parts it numbers or names itself (objectives, tables, charts, footnotes, headings).</summary>
    private static readonly string[] ReservedPrefixes = ["objective-", "theme-", "achievement-", "table-", "chart-", "foreword-"];

    private void ValidateSections(List<Section> sections)
    {
        var anchors = new Dictionary<string, Section>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            Required(section, section.Title, "title");
            Required(section, section.Body, "body");
            Markdown(section, section.Body, "body");
            if (section.Place is { } place && !SectionPlaces.Contains(place))
                Error(DiagnosticCodes.InvalidValue, $"place '{place}' is not allowed; use {string.Join(", ", SectionPlaces)} (start: before the objectives, the default)", section, "place");
            if (section.Id is { } id && !IdPattern().IsMatch(id))
            {
                Error(DiagnosticCodes.InvalidValue, $"id '{id}' may only hold lower-case letters, digits and hyphens, like 'legal-duty'", section, "id");
                continue;
            }
            if (section.Title is null) continue;
            var anchor = Rendering.Anchors.OfSection(section);
            if (ReservedAnchors.Contains(anchor) || ReservedPrefixes.Any(p => anchor.StartsWith(p, StringComparison.Ordinal)) || System.Text.RegularExpressions.Regex.IsMatch(anchor, "^(fn|text)[0-9]"))
                Error(DiagnosticCodes.DuplicateId, $"section '{section.Title}' would take the place name '{anchor}', which ReportGen uses for a section of its own; give it another 'id:'", section);
            else if (anchors.TryGetValue(anchor, out var first))
                Error(DiagnosticCodes.DuplicateId, $"section '{section.Title}' has the same place name '{anchor}' as the section at line {edition.Sources.Of(first, _file).Line}; give one of them another 'id:'", section);
            else
                anchors[anchor] = section;
        }
    }

    private void ValidateDocuments(List<LinkedDocument> documents)
    {
        var files = new Dictionary<string, LinkedDocument>(StringComparer.OrdinalIgnoreCase);
        foreach (var document in documents)
        {
            Required(document, document.Title, "title");
            Markdown(document, document.Description, "description");
            if (document.File is null == document.Href is null)
            {
                Error(DiagnosticCodes.MissingField, "a document needs either 'file:' (a file in the edition's folder, published beside the report) or 'href:' (a web address), not both", document);
                continue;
            }
            if (document.Href is { } href)
            {
                if (!(Uri.TryCreate(href, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)) || uri.UserInfo.Length > 0)
                    Error(DiagnosticCodes.InvalidValue, $"href '{href}' is not a web address; write it in full, like https://www.example.police.uk/equality", document);
                continue;
            }
            var file = document.File!;
            var problem = Data.LinkedFiles.Problem(edition.Folder, file, (edition.Data.Sources ?? []).Select(d => d.File).OfType<string>());
            if (problem is not null)
                Error(DiagnosticCodes.InvalidValue, $"file '{file}' {problem}", document);
            else if (files.TryGetValue(Path.GetFileName(file), out var first))
                Error(DiagnosticCodes.DuplicateId, $"file '{file}' has the same name as the document at line {edition.Sources.Of(first, _file).Line}; the report publishes both in one folder, so rename one", document);
            else
                files[Path.GetFileName(file)] = document;
        }
    }

    private void ValidateObjectivesText(ObjectivesFile file)
    {
        Markdown(file, file.Intro, "intro");
        Markdown(file, file.Closing, "closing");
        if (file.Term is { } term && (string.IsNullOrWhiteSpace(term) || term.Length > 40))
            Error(DiagnosticCodes.InvalidValue, "'term' is what one objective is called, such as Outcome or Priority: a word or two", file);
        if (file.Title is { } title && string.IsNullOrWhiteSpace(title))
            Error(DiagnosticCodes.MissingField, "'title' is empty; give the section's heading or remove the line", file);
        // Numbered objectives are printed "Objective 1:"; the reader cannot tell why one among them has no number.
        var numbered = edition.Objectives.Count(o => o.Number is not null);
        if (numbered > 0 && numbered < edition.Objectives.Count)
            foreach (var objective in edition.Objectives.Where(o => o.Number is null && !edition.Sources.WasSkipped(o, "number")))
                Error(DiagnosticCodes.MissingField, "the other objectives have numbers and this one has none; number every objective, or none", objective);
        foreach (var (status, label) in file.StatusLabels ?? [])
        {
            if (!Statuses.Contains(status))
                Error(DiagnosticCodes.InvalidValue, $"status_labels: '{status}' is not a status; give labels for {string.Join(", ", Statuses)}", file, "status_labels");
            else if (string.IsNullOrWhiteSpace(label))
                Error(DiagnosticCodes.MissingField, $"status_labels: the label for '{status}' is empty; give the organisation's own name for it, such as Green", file, "status_labels");
        }
        var themes = file.Themes ?? [];
        Unique(themes, t => t.Id, "theme id");
        foreach (var theme in themes)
        {
            if (Required(theme, theme.Id, "id") is { } id && !IdPattern().IsMatch(id))
                Error(DiagnosticCodes.InvalidValue, $"id '{id}' may only hold lower-case letters, digits and hyphens, like 'our-people'", theme, "id");
            Required(theme, theme.Title, "title");
            Markdown(theme, theme.Body, "body");
            if (theme.Id is { } used && !edition.Objectives.Any(o => o.Theme == used))
                diagnostics.Warning(DiagnosticCodes.InvalidValue, $"no objective is under theme '{used}', so it is shown with its text alone; give it objectives ('theme: {used}') or remove it", edition.Sources.Of(theme, _file));
        }
    }

    private void ValidateAccessibility(AccessibilityInfo accessibility)
    {
        if (accessibility.Contact is { } contact)
        {
            if (contact.Email is null && contact.Phone is null && contact.Address is null)
                Error(DiagnosticCodes.MissingField, "the accessibility contact needs an email, a phone number or an address, so that a reader can ask for the report in another format", contact);
            if (contact.Email is { } email && !EmailPattern().IsMatch(email))
                Error(DiagnosticCodes.InvalidValue, $"email '{email}' is not an email address; write one such as equality@example.police.uk", contact, "email");
            if (contact.Phone is { } phone && !PhonePattern().IsMatch(phone))
                Error(DiagnosticCodes.InvalidValue, $"phone '{phone}' is not a phone number; write digits, spaces and + ( ) - only, such as 01707 354000", contact, "phone");
        }
        if (accessibility.ResponseDays is { } days && days is < 1 or > 60)
            Error(DiagnosticCodes.InvalidValue, $"response_days {days} is not a number of working days from 1 to 60; the usual promise is 20", accessibility);
        foreach (var issue in accessibility.KnownIssues ?? [])
            if (string.IsNullOrWhiteSpace(issue)) Error(DiagnosticCodes.MissingField, "a known issue is empty; describe it or remove the line", accessibility);
        Markdown(accessibility, accessibility.Tested, "tested");
    }

    private void ValidateObjective(Objective objective)
    {
        if (Required(objective, objective.Id, "id") is { } id && !IdPattern().IsMatch(id))
            Error(DiagnosticCodes.InvalidValue, $"id '{id}' may only hold lower-case letters, digits and hyphens, like 'vulnerable-victims'", objective, "id");
        if (objective.Number is <= 0)
            Error(DiagnosticCodes.InvalidValue, $"number {objective.Number} must be 1 or more", objective, "number");
        Required(objective, objective.Title, "title");
        var themes = edition.Themes.Select(t => t.Id).OfType<string>().ToList();
        if (objective.Theme is { } theme && !themes.Contains(theme, StringComparer.Ordinal))
            Error(DiagnosticCodes.InvalidValue, themes.Count == 0
                ? $"theme '{theme}' is not defined; list the themes under 'themes:' at the top of {EditionLoader.ObjectivesFileName}, or remove 'theme:'"
                : $"there is no theme '{theme}'" + (Suggest.Closest(theme, themes) is { } meant ? $" — did you mean '{meant}'?" : $"; the themes are: {string.Join(", ", themes)}"), objective);
        else if (objective.Theme is null && themes.Count > 0)
            Error(DiagnosticCodes.MissingField, $"the objectives are grouped under themes, and this one names none; add 'theme:' with one of: {string.Join(", ", themes)}", objective);
        if (objective.Scope is { } scope && !Scopes.Contains(scope))
            Error(DiagnosticCodes.InvalidValue, $"scope '{scope}' is not allowed; use {string.Join(" or ", Scopes)}", objective, "scope");

        Markdown(objective, objective.Summary, "summary");
        Markdown(objective, objective.Statement, "statement");
        Markdown(objective, objective.WhyImportant, "why_important");
        Markdown(objective, objective.Outcome, "outcome");
        foreach (var action in objective.Actions ?? [])
        {
            Required(action, action.Text, "text");
            Markdown(action, action.Text, "text");
            foreach (var milestone in action.Milestones ?? [])
            {
                Required(milestone, milestone.Text, "text");
                Id(milestone, milestone.Id, "survey-victims");
                if (milestone.LastStatus is { } last && !Statuses.Contains(last))
                    Error(DiagnosticCodes.InvalidValue, $"last_status '{last}' is not allowed; use one of {string.Join(", ", Statuses)}", milestone, "last_status");
                if (milestone.Status is { } status && !Statuses.Contains(status))
                    Error(DiagnosticCodes.InvalidValue, $"status '{status}' is not allowed; use one of {string.Join(", ", Statuses)}", milestone, "status");
                // Due before the report's own date and not started: a status not brought up to date, or a milestone
                // overdue that should say so. The report's date, not today's, so that check says the same on any day.
                if (milestone is { Status: "not-started", Due: { } due } && ReportDate() is { } date && due.EndExclusive <= date.Start)
                    diagnostics.Warning(DiagnosticCodes.InvalidValue,
                        $"this milestone was due by {due.Iso}, before the report's date ({date.Iso}), and its status is not-started; bring the status up to date (overdue, in-progress, complete or dropped)",
                        edition.Sources.Of(milestone, _file));
            }
            foreach (var measure in action.Measures ?? []) ValidateMeasure(measure);
        }
        foreach (var measure in objective.Measures ?? []) ValidateMeasure(measure);
        ValidateNotes(objective.Notes);
    }

    public static readonly string[] Directions = ["up", "down", "parity"];

    /// <summary>An optional id, which may only hold lower-case letters, digits and hyphens.</summary>
    private void Id(object owner, string? id, string example)
    {
        if (id is not null && !IdPattern().IsMatch(id))
            Error(DiagnosticCodes.InvalidValue, $"id '{id}' may only hold lower-case letters, digits and hyphens, like '{example}'", owner, "id");
    }

    private void ValidateMeasure(Measure measure)
    {
        Required(measure, measure.Text, "text");
        Id(measure, measure.Id, "recruits-bme");
        if (measure.Statistic is { } statistic)
        {
            ValidateStatistic(statistic);
            if (Required(measure, measure.Direction, "direction") is { } direction && !Directions.Contains(direction))
                Error(DiagnosticCodes.InvalidValue, $"direction '{direction}' is not allowed; use {string.Join(", ", Directions)}", measure, "direction");
        }
        else if (measure.Direction is not null)
        {
            Error(DiagnosticCodes.MissingField, "'direction' needs a 'statistic' to apply to; add one or remove the direction", measure);
        }
        foreach (var figure in measure.Figures ?? [])
        {
            Required(figure, figure.Label, "label");
            ValidateStatistic(figure);
            if (Required(figure, figure.Direction, "direction") is { } direction && !Directions.Contains(direction))
                Error(DiagnosticCodes.InvalidValue, $"direction '{direction}' is not allowed; use {string.Join(", ", Directions)}", figure, "direction");
        }
    }

    private void ValidateStatistic(StatisticReference statistic)
    {
        // statistics.yaml that could not be read has had its error: a measure naming its tables is not another.
        if (Required(statistic, statistic.Table, "table") is { } table && !StatisticsUnreadable && edition.Statistics.Tables?.Any(t => t.Id == table) != true)
            Error(DiagnosticCodes.InvalidValue, $"there is no table '{table}' in {EditionLoader.StatisticsFileName}" +
                (Suggest.Closest(table, (edition.Statistics.Tables ?? []).Select(t => t.Id).OfType<string>()) is { } s ? $" — did you mean '{s}'?" : ""), statistic);
        Required(statistic, statistic.Row, "row");
        Required(statistic, statistic.Column, "column");
        if (statistic.Decimals is < 0 or > Statistics.Precision.MaxDecimals)
            Error(DiagnosticCodes.InvalidValue, $"decimals must be from 0 to {Statistics.Precision.MaxDecimals}", statistic);
    }

    private void ValidateAchievement(Achievement achievement, HashSet<string> objectiveIds)
    {
        if (Required(achievement, achievement.Id, "id") is { } id && !IdPattern().IsMatch(id))
            Error(DiagnosticCodes.InvalidValue, $"id '{id}' may only hold lower-case letters, digits and hyphens, such as 'hate-crime-app'", achievement, "id");
        Required(achievement, achievement.Text, "text");
        Markdown(achievement, achievement.Text, "text");
        // An achievement naming no objectives is the whole edition's (a case study), shown in a section of its own.
        foreach (var link in (achievement.Objectives ?? []).Where(l => !objectiveIds.Contains(l)))
        {
            if (!edition.HasObjectivesFile)
            {
                Error(DiagnosticCodes.UnknownObjective,
                    $"achievement '{achievement.Id}' links to objective '{link}', and the edition has no objectives (it has no {EditionLoader.ObjectivesFileName}); " +
                    "remove 'objectives:' for an achievement of the whole edition, or add the objectives", achievement);
                continue;
            }
            var suggestion = Suggest.Closest(link, objectiveIds);
            Error(DiagnosticCodes.UnknownObjective,
                $"achievement '{achievement.Id}' links to objective '{link}', which does not exist" +
                (suggestion is null ? $"; the objective ids are: {string.Join(", ", objectiveIds.Order(StringComparer.Ordinal))}" : $" — did you mean '{suggestion}'?"),
                achievement);
        }
    }

    private void ValidateNotes(List<Note>? notes)
    {
        foreach (var note in notes ?? [])
        {
            Required(note, note.Marker, "marker");
            Required(note, note.Text, "text");
        }
    }

    private void Unique<T>(IEnumerable<T> items, Func<T, string?> key, string what, Func<T, string?>? shown = null) where T : class
    {
        var seen = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (key(item) is not { } value) continue;
            if (seen.TryGetValue(value, out var first))
            {
                var name = shown?.Invoke(item) ?? value;
                var firstName = shown?.Invoke(first) ?? value;
                Error(DiagnosticCodes.DuplicateId, $"{what} '{Visible(name)}' is used twice (first at line {edition.Sources.Of(first, _file).Line}" +
                    (firstName == name ? "" : $", as '{Visible(firstName)}', which reads the same") + "); each must be different", item);
            }
            else
                seen[value] = item;
        }
    }

    /// <summary>A term as a reader sees it: compatibility forms folded (NFKC), invisible characters removed, case ignored.</summary>
    internal static string LookAlike(string term) =>
        new string(term.Normalize(System.Text.NormalizationForm.FormKC)
            .Where(c => char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray())
            .Trim().ToUpperInvariant();

    /// <summary>Invisible characters shown as \uXXXX, so that a message can say why two terms differ.</summary>
    private static string Visible(string text) =>
        string.Concat(text.Select(c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format
            ? "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString()));

    private TValue? Required<TValue>(object owner, TValue? value, string key)
    {
        // A value that could not be read was reported as it was read, and left out: it is not missing as well.
        if (value is null && edition.Sources.WasSkipped(owner, key)) return value;
        if (value is null || value is string s && string.IsNullOrWhiteSpace(s))
            Error(DiagnosticCodes.MissingField, $"'{key}' is required here; add it (see 'Writing an edition' in README.md)", owner);
        return value;
    }

    /// <summary>A Markdown field that could not be rendered is an error here, at its place, before anything is built.</summary>
    private void Markdown(object owner, string? text, string key)
    {
        if (Rendering.MarkdownRenderer.Problem(text) is { } problem)
        {
            Error(DiagnosticCodes.InvalidValue, $"{key}: {problem}", owner);
            return;
        }
        // A link or image that is not published is shown as its text: said, at its line, so that it is not a surprise.
        foreach (var (shown, why) in Rendering.MarkdownRenderer.Refused(text))
            diagnostics.Warning(DiagnosticCodes.InvalidValue,
                $"{key}: {why}; the report shows its text ('{shown}') instead. Link to a web page, or remove the link",
                LineOf(owner, shown));
    }

    private readonly Dictionary<string, string[]> _lines = new(StringComparer.Ordinal);

    /// <summary>
    /// The line of <paramref name="text"/> in the current file, from the line where <paramref name="owner"/> begins:
    /// where a message about part of a long text belongs. The owner's own line when the text is not found there as written.
    /// </summary>
    private SourceLocation LineOf(object owner, string text)
    {
        var at = edition.Sources.Of(owner, _file);
        var path = Path.Combine(edition.Folder, Path.GetFileName(_file));
        if (at.Line <= 0 || text.Length == 0) return at;
        if (!_lines.TryGetValue(path, out var lines))
            _lines[path] = lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        for (var i = at.Line - 1; i < lines.Length; i++)
            if (lines[i].IndexOf(text, StringComparison.Ordinal) is var column and >= 0)
                return at with { Line = i + 1, Column = column + 1 };
        return at;
    }

    /// <summary>
    /// Following previous: from this edition through its sibling folders, the chain that comes back to an edition
    /// already in it (this edition's folder name first), or null when the chain ends (at most 100 editions are read).
    /// </summary>
    private List<string>? PreviousCycle()
    {
        var parent = Path.GetDirectoryName(edition.Folder)!;
        var chain = new List<string> { new DirectoryInfo(edition.Folder).Name };
        var next = edition.Info.Previous;
        while (next is not null && chain.Count <= 100)
        {
            if (chain.Contains(next, StringComparer.Ordinal)) return [.. chain, next];
            chain.Add(next);
            var file = Path.Combine(parent, next, EditionLoader.EditionFileName);
            if (next.Contains('/') || next.Contains('\\') || !File.Exists(file)) return null;
            var read = new YamlReader(new SourceMap(), new DiagnosticBag()).Read<EditionFile>(file, file);
            next = read?.Edition?.Previous;
        }
        return null;
    }

    /// <summary>The date the report speaks as of: its publication date, else the end of its reporting period.</summary>
    private PartialDate? ReportDate() => edition.Info.Published ?? edition.Info.ReportingPeriod?.End;

    private void Error(string code, string message, object owner) =>
        diagnostics.Error(code, message, edition.Sources.Of(owner, _file));

    /// <summary>An error about the value of <paramref name="key"/> of <paramref name="owner"/>, at the value's own line.</summary>
    private void Error(string code, string message, object owner, string key) =>
        diagnostics.Error(code, message, edition.Sources.Of(owner, key, _file));
}

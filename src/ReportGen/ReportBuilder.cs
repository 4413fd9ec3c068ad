using ReportGen.Content;
using ReportGen.Diagnostics;
using ReportGen.Publishing;
using ReportGen.Rendering;
using ReportGen.Statistics;

namespace ReportGen;

[Flags]
public enum OutputFormats
{
    Html = 1,
    Pdf = 2,
    All = Html | Pdf,
}

/// <param name="OutputRoot">Editions are written to OutputRoot/&lt;organisation&gt;/&lt;edition&gt;/.</param>
/// <param name="TemplatesRoot">A folder of template sets; null to find them beside the content or the tool.</param>
/// <param name="BrowserPath">The browser that prints PDFs; null to find one.</param>
public sealed record BuildOptions(string OutputRoot, OutputFormats Formats = OutputFormats.All, string? TemplatesRoot = null, string? BrowserPath = null);

/// <param name="Html">The page; null when the edition has errors.</param>
/// <param name="AssetsFolder">The template set's assets (CSS, fonts), which the page links to as <c>assets/</c>.</param>
public sealed record PagePreview(IReadOnlyList<Diagnostic> Diagnostics, string? Html, string? AssetsFolder);

public sealed record EditionBuildResult(string EditionFolder, string? OutputFolder, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The tables whose figures came from the edition's frozen tables, because a workbook was gone; empty when none.</summary>
    public IReadOnlyList<string> FrozenTables { get; init; } = [];

    public bool Succeeded => OutputFolder is not null && Diagnostics.All(d => d.Severity != Severity.Error);
}

/// <summary>
/// The whole pipeline, top to bottom: content → data → statistics under disclosure control → view model → HTML,
/// data downloads → PDF → output swapped in atomically.
/// One builder may build several editions; the browser is started once, on the first PDF, and reused.
/// </summary>
public sealed class ReportBuilder(BuildOptions options, IProgress<string>? progress = null) : IAsyncDisposable
{
    public const string PdfFileName = "report.pdf";

    private PdfPrinter? _printer;

    /// <summary>The statistics of the editions this builder built, reused when it builds one again and its data did not change.</summary>
    public StatisticsCache Statistics { get; } = new();

    /// <summary>Everything a build checks, without writing output or printing: for <c>reportgen check</c>.</summary>
    public IReadOnlyList<Diagnostic> Check(string editionFolder, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        PrepareEveryLanguage(editionFolder, diagnostics, cancellationToken);
        return diagnostics.Items;
    }

    /// <summary>
    /// Stages 1 to 4 for each language the edition is written in (edition: languages:), in its order; one preparation
    /// for an edition in one language. Each language is checked even when another has errors, so that one check finds
    /// every missing translation; a problem every language's reading finds is reported once. Null when any has errors.
    /// </summary>
    private IReadOnlyList<Prepared>? PrepareEveryLanguage(string editionFolder, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var languages = YamlReader.DeclaredLanguages(Path.Combine(Path.GetFullPath(editionFolder), EditionLoader.EditionFileName));
        if (languages is not { Count: > 1 })
            return Prepare(editionFolder, diagnostics, cancellationToken) is { } only ? [only] : null;
        var prepared = new List<Prepared?>();
        foreach (var language in languages.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var own = new DiagnosticBag();
            prepared.Add(Prepare(editionFolder, own, cancellationToken, language: language));
            diagnostics.AddRange(own.Items.Where(d => !diagnostics.Items.Contains(d)));
        }
        return prepared.All(p => p is not null) && !diagnostics.HasErrors ? prepared.Select(p => p!).ToList() : null;
    }

    /// <summary>The folder a language's publication is written to, beside the others: cy/, en/.</summary>
    public static string LanguageFolder(string language) => language.ToLowerInvariant();

    /// <summary>The page that lists an edition's languages, at the top of its output, in a set that has one.</summary>
    public const string LanguagesTemplate = "languages.sbn-html";

    /// <summary>
    /// The edition's web page as a build would write it (<c>index.html</c>), made without writing anything: for a
    /// live preview, which shows it beside the set's assets folder. With this builder's <see cref="Statistics"/>, a
    /// page made again after an edit to the narrative does not read the workbooks again.
    /// </summary>
    public PagePreview Preview(string editionFolder, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        var prepared = Prepare(editionFolder, diagnostics, cancellationToken);
        return new PagePreview(diagnostics.Items, prepared?.Html, prepared?.Templates.AssetsPath);
    }

    /// <summary>
    /// <c>reportgen freeze</c>: checks the edition as a build does, then writes its published tables (after disclosure
    /// control) to its frozen/ folder. The workbooks must be there: a frozen edition is frozen again only from them.
    /// </summary>
    /// <returns>The diagnostics, and the frozen folder when it was written.</returns>
    public (IReadOnlyList<Diagnostic> Diagnostics, string? Folder, int Tables) Freeze(string editionFolder, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        var loaded = EditionLoader.Load(editionFolder, new DiagnosticBag());
        if (loaded is not null && FrozenTables.InUse(loaded))
        {
            var missing = FrozenTables.UsedWorkbooks(loaded).Where(w => w.Path is null || !File.Exists(w.Path)).Select(w => w.Name).ToList();
            diagnostics.Error(Diagnostics.DiagnosticCodes.DataFileMissing,
                $"cannot be frozen again: {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} gone, and frozen tables are only ever made from the workbooks themselves; put {(missing.Count == 1 ? "it" : "them")} back, or keep frozen/ as it is",
                new SourceLocation(new DisplayPaths(loaded.Folder).Of(EditionLoader.DataFileName)));
            return (diagnostics.Items, null, 0);
        }
        if (Prepare(editionFolder, diagnostics, cancellationToken) is not { } prepared) return (diagnostics.Items, null, 0);
        cancellationToken.ThrowIfCancellationRequested();
        FrozenTables.Write(prepared.Edition, prepared.Published);
        return (diagnostics.Items, FrozenTables.FolderOf(prepared.Edition), prepared.Published.Count);
    }

    public async Task<EditionBuildResult> BuildAsync(string editionFolder, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        // Stages 1 to 4 run aside, so that cancelling stops waiting for them at once, even in the middle of opening a
        // large workbook, which cannot be interrupted: nothing has been written yet, and the process ends.
        var preparing = Task.Run(() => PrepareEveryLanguage(editionFolder, diagnostics, cancellationToken), cancellationToken);
        // The browser is started when the first page is ready to print, not while the content is read: started
        // alongside, a Ctrl-C during the start (which cannot be cut short) made ending take longer than promised
        // (3 s; measured 3.5 s once in CI) or left the browser running, for about 0.2 s saved at 1x.
        if (await preparing.WaitAsync(cancellationToken) is not { } every) return new EditionBuildResult(editionFolder, null, diagnostics.Items);
        var prepared = every[0];
        var (edition, tables, _, sources, frozenTables, templates, html) = prepared;

        // 5. Publishing: write into a staging folder; swap it in only when everything succeeded. An edition in several
        // languages is published once in each, in a folder of its own (cy/, en/), under a page that lists them.
        cancellationToken.ThrowIfCancellationRequested();
        using var output = StagedOutput.Begin(Path.Combine(options.OutputRoot, edition.OrganisationKey, edition.EditionKey));
        if (every.Count == 1) await WriteAsync(output.StagingFolder, prepared, cancellationToken);
        else
        {
            foreach (var language in every)
                await WriteAsync(Directory.CreateDirectory(Path.Combine(output.StagingFolder, LanguageFolder(language.Edition.Language))).FullName, language, cancellationToken);
            if (options.Formats.HasFlag(OutputFormats.Html) && prepared.LanguagesHtml is { } list)
                HtmlPublisher.WritePage(Path.Combine(output.StagingFolder, HtmlPublisher.PageFileName), list);
            if (edition.Info.MultilingualPdf == true && options.Formats.HasFlag(OutputFormats.Pdf))
                await WriteMultilingualPdfAsync(output.StagingFolder, every, cancellationToken);
        }

        // A corrected edition: its corrections page, and every version a correction replaced, marked as superseded.
        foreach (var superseded in prepared.Superseded)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var folder = Directory.CreateDirectory(Path.Combine(output.StagingFolder, SupersededFolder, superseded.Version)).FullName;
            await WriteAsync(folder, superseded.Prepared, cancellationToken);
        }
        if (prepared.CorrectionsHtml is { } corrections && options.Formats.HasFlag(OutputFormats.Html))
            HtmlPublisher.WritePage(Path.Combine(output.StagingFolder, ReportView.CorrectionsPage), corrections);

        Manifest.Write(output.StagingFolder, edition, templates, EditionInputs.Of(edition), options.Formats,
            options.Formats.HasFlag(OutputFormats.Pdf) ? _printer!.BrowserVersion : null);
        // The audit trail, beside the public output and never inside it: it may hold withheld values.
        using var audit = StagedOutput.Begin(AuditTrail.FolderOf(options.OutputRoot, edition.OrganisationKey, edition.EditionKey));
        AuditTrail.Write(audit.StagingFolder, AuditTrail.Build(edition, tables, sources, frozenTables.ToHashSet(StringComparer.Ordinal)));
        cancellationToken.ThrowIfCancellationRequested();
        output.Commit();
        audit.Commit();
        return new EditionBuildResult(editionFolder, output.FinalFolder, diagnostics.Items) { FrozenTables = frozenTables };
    }

    /// <summary>The folder of the output holding the versions that corrections replaced: versions/1.0/.</summary>
    public const string SupersededFolder = "versions";

    /// <summary>Writes one prepared edition (or superseded version) into <paramref name="folder"/>: page, assets, downloads, PDF.</summary>
    private async Task WriteAsync(string folder, Prepared prepared, CancellationToken cancellationToken)
    {
        var page = HtmlPublisher.Write(folder, prepared.Html, prepared.Templates);
        Data.LinkedFiles.Write(folder, prepared.Edition);
        DataDownloads.Write(folder, prepared.Tables, prepared.Edition, prepared.Templates.FigureIds, prepared.Templates.OnsSpreadsheets);
        if (options.Formats.HasFlag(OutputFormats.Pdf))
        {
            progress?.Report("printing PDF");
            _printer ??= await PdfPrinter.StartAsync(BrowserLocator.Locate(options.BrowserPath), cancellationToken);
            var pdf = Path.Combine(folder, PdfFileName);
            if (prepared.Templates.ContentsPages) await PrintWithContentsPagesAsync(_printer, page, pdf, cancellationToken);
            else await _printer.PrintAsync(page, pdf, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            PdfNormaliser.MakeReproducible(pdf, prepared.Edition);
            if (prepared.Templates.PdfUA > 0) CompleteForPdfUA(pdf, prepared.Edition, prepared.Templates.PdfUA, prepared.Labels);
        }
        if (!options.Formats.HasFlag(OutputFormats.Html))
        {
            // The page and its assets were needed to print; a PDF-only build publishes just the PDF.
            File.Delete(page);
            Directory.Delete(Path.Combine(folder, TemplateSet.AssetsFolder), recursive: true);
        }
    }

    /// <summary>The PDF of an edition in several languages that holds every one, Welsh first: report-cy-en.pdf.</summary>
    public static string MultilingualPdfName(IEnumerable<string> languages) => $"report-{string.Join("-", languages.Select(LanguageFolder))}.pdf";

    /// <summary>
    /// Prints one PDF of every language's publication, in the edition's order (<see cref="MultilingualPage"/>), beside
    /// the language folders. The page it prints from is made in the first language's folder, beside its assets, and
    /// removed once printed: it is not published.
    /// </summary>
    private async Task WriteMultilingualPdfAsync(string folder, IReadOnlyList<Prepared> every, CancellationToken cancellationToken)
    {
        progress?.Report("printing the PDF of every language");
        var first = every[0];
        var page = Path.Combine(folder, LanguageFolder(first.Edition.Language), "multilingual.html");
        HtmlPublisher.WritePage(page, MultilingualPage.Combine(every.Select(p => (p.Edition.Language, p.Html)).ToList()));
        // A PDF-only build kept no page or assets: they are written for the print, and removed after it.
        var languageFolder = Path.Combine(folder, LanguageFolder(first.Edition.Language));
        var assetsMade = !Directory.Exists(Path.Combine(languageFolder, TemplateSet.AssetsFolder));
        if (assetsMade) HtmlPublisher.Write(languageFolder, first.Html, first.Templates);
        _printer ??= await PdfPrinter.StartAsync(BrowserLocator.Locate(options.BrowserPath), cancellationToken);
        var pdf = Path.Combine(folder, MultilingualPdfName(every.Select(p => p.Edition.Language)));
        if (first.Templates.ContentsPages) await PrintWithContentsPagesAsync(_printer, page, pdf, cancellationToken);
        else await _printer.PrintAsync(page, pdf, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        File.Delete(page);
        if (assetsMade)
        {
            File.Delete(Path.Combine(languageFolder, HtmlPublisher.PageFileName));
            Directory.Delete(Path.Combine(languageFolder, TemplateSet.AssetsFolder), recursive: true);
        }
        PdfNormaliser.MakeReproducible(pdf, first.Edition);
        if (first.Templates.PdfUA > 0) CompleteForPdfUA(pdf, first.Edition, first.Templates.PdfUA, first.Labels);
    }

    /// <summary>
    /// Prints the page with its contents' page numbers (<see cref="ContentsPages"/>): first with a placeholder, then with
    /// the pages the destinations give, until a print puts every entry on the page its number says.
    /// </summary>
    private static async Task PrintWithContentsPagesAsync(PdfPrinter printer, string page, string pdf, CancellationToken cancellationToken)
    {
        var places = await printer.PrintAsync(page, pdf, new Dictionary<string, string> { ["*"] = ContentsPages.Placeholder }, cancellationToken);
        if (places.Count == 0) return;
        // Each print's destinations are read once: they give the numbers to print next, and say whether the ones just
        // printed were right.
        var numbers = ContentsPages.Numbers(places, ContentsPages.Destinations(pdf));
        for (var print = 2; print <= ContentsPages.MaximumPrints; print++)
        {
            await printer.PrintAsync(page, pdf, numbers, cancellationToken);
            var found = ContentsPages.Numbers(places, ContentsPages.Destinations(pdf));
            if (found.All(n => numbers[n.Key] == n.Value)) return;
            numbers = found;
        }
        throw new EnvironmentProblemException(new Diagnostic(Severity.Error, Diagnostics.DiagnosticCodes.PrintFailed,
            $"the contents' page numbers did not settle after {ContentsPages.MaximumPrints} prints: each print moved a page break. " +
            "Nothing was published. Shorten a contents entry that is a line long, or use a template set without \"contentsPages\" in its set.json"));
    }

    /// <summary>
    /// PDF/UA completion of the browser's PDF. The file is the browser's own output, not the user's; if it cannot be
    /// read as expected (another browser, a new version), the build stops with a diagnostic, never a stack trace.
    /// </summary>
    private static void CompleteForPdfUA(string pdf, Edition edition, int level, LabelSet? labels)
    {
        try
        {
            PdfAccessibility.Apply(pdf, edition, level, labels);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            throw new EnvironmentProblemException(new Diagnostic(Severity.Error, Diagnostics.DiagnosticCodes.PrintFailed,
                $"the PDF the browser printed could not be completed for PDF/UA-1 ({ex.Message}); try another Chromium build with --browser, " +
                "or use a template set without \"pdfUA\" in its set.json"), ex);
        }
    }

    private static bool IsDataDeclaration(Diagnostic diagnostic) =>
        diagnostic.Location?.File is { } file &&
        (file.EndsWith(EditionLoader.DataFileName, StringComparison.Ordinal) || file.EndsWith(EditionLoader.StatisticsFileName, StringComparison.Ordinal));

    /// <param name="Published">The tables as statistics and disclosure control made them, before change over time is added: what freeze keeps.</param>
    private sealed record Prepared(Edition Edition, IReadOnlyList<StatTable> Tables, IReadOnlyList<StatTable> Published, IReadOnlyDictionary<string, Data.RecordSet> Sources,
        IReadOnlyList<string> FrozenTables, TemplateSet Templates, string Html)
    {
        /// <summary>The corrections page of a corrected edition; null when it has none.</summary>
        public string? CorrectionsHtml { get; init; }
        /// <summary>For an edition in several languages, the page that lists them (its first language's preparation makes it).</summary>
        public string? LanguagesHtml { get; init; }
        /// <summary>The words the set prints in the edition's language; null for a set before labels.</summary>
        public LabelSet? Labels { get; init; }
        /// <summary>The versions its corrections replaced, each prepared as superseded.</summary>
        public IReadOnlyList<(string Version, Prepared Prepared)> Superseded { get; init; } = [];
    }

    /// <summary>How to prepare a version that a correction replaced: with the current version's templates and names, marked as superseded.</summary>
    /// <param name="Accessibility">The current version's accessibility statement: a replaced version is published with it (the statement is about the publication today).</param>
    private sealed record Superseding(TemplateSet Templates, string OrganisationKey, string EditionKey, SupersededView View, AccessibilityInfo? Accessibility);

    /// <summary>Stages 1 to 4: content, data, statistics under disclosure control, rendering. Null when any has errors.</summary>
    /// <remarks>Cancellation is checked between stages and between workbooks and tables, so that Ctrl-C is prompt.</remarks>
    /// <param name="language">For an edition in several languages, the one to prepare; null for the first.</param>
    private Prepared? Prepare(string editionFolder, DiagnosticBag diagnostics, CancellationToken cancellationToken, Superseding? superseding = null, string? language = null)
    {
        // 1. Content: YAML → validated edition.
        progress?.Report(superseding is null ? language is null ? "reading content" : $"reading content ({language})" : $"reading version {superseding.View.Version}, which a correction replaced");
        var edition = EditionLoader.Load(editionFolder, diagnostics, evenWithErrors: true, language);
        if (edition is null) return null;
        if (superseding is not null)
            edition = edition with { OrganisationKey = superseding.OrganisationKey, EditionKey = superseding.EditionKey, Accessibility = superseding.Accessibility };
        if (edition.OrganisationKey == AuditTrail.Folder)
        {
            diagnostics.Error(Diagnostics.DiagnosticCodes.InvalidValue,
                $"the organisation's folder may not be called '{AuditTrail.Folder}': builds write audit trails to OUT/{AuditTrail.Folder}/; rename the folder",
                new SourceLocation(new DisplayPaths(edition.Folder).Of(EditionLoader.EditionFileName)));
            return null;
        }

        // 2. Data: the declared workbooks → standardised records (row-level data goes no further than statistics).
        // Errors elsewhere in the content do not stop the workbooks being checked, so that every problem is found in
        // one pass; errors in data.yaml or statistics.yaml do, since the reading depends on them.
        if (diagnostics.HasErrors && diagnostics.Items.Any(d => d.Severity == Severity.Error && IsDataDeclaration(d))) return null;
        cancellationToken.ThrowIfCancellationRequested();
        var frozen = FrozenTables.InUse(edition);
        progress?.Report(frozen ? "reading frozen tables (a workbook is gone)" : "reading data");

        // 3. Statistics: records → tables, then disclosure control, once, for every output; measures bound to them.
        // The tables whose sources could be read are built even when something else has errors, so that their own
        // problems (a filter that matches nothing) are found in the same pass; measures only when all is well so far.
        // When a workbook is gone and the edition was frozen, every table is read from frozen/ as it was published.
        var (tables, sources, _) = Statistics.Compute(edition, diagnostics, cancellationToken);
        if (diagnostics.HasErrors) return null;
        var (previousEdition, previous) = MeasureBinder.Previous(edition, diagnostics);
        var measures = MeasureBinder.Bind(edition, tables, previous, diagnostics);
        var published = tables;
        tables = ChangeOverTime.Add(tables, previous, edition.Info.Previous);
        // The template set decides what the downloads carry (figure ids), so it is found before they are checked.
        var templates = superseding?.Templates ?? TemplateSet.Locate(edition.TemplateSet, options.TemplatesRoot, edition.Folder, diagnostics);
        if (templates is null) return null;
        var corrections = superseding is null ? edition.Info.Corrections ?? [] : [];
        if (corrections.Count > 0 && !templates.HasCorrections)
        {
            diagnostics.Error(Diagnostics.DiagnosticCodes.TemplateNotFound,
                $"the edition has corrections, and template set {templates.Name} cannot publish them (it has no {TemplateSet.CorrectionsTemplate}); re-issue it with a set that can, such as default@2",
                edition.Sources.Of(edition.Info, new DisplayPaths(edition.Folder).Of(EditionLoader.EditionFileName)));
            return null;
        }
        if (edition.Multilingual && !templates.Labels)
            diagnostics.Error(Diagnostics.DiagnosticCodes.InvalidValue,
                $"the edition is written in {string.Join(" and ", edition.Languages.Select(Languages.EnglishNameOf))}, and template set {templates.Name} prints fixed English words: " +
                $"use a set with labels (template: default@{TemplateSet.FirstWithLabels}), or write the edition in one language",
                edition.Sources.Of(edition.Info, "languages", new DisplayPaths(edition.Folder).Of(EditionLoader.EditionFileName)));
        if (edition.Multilingual && corrections.Count > 0)
            diagnostics.Error(Diagnostics.DiagnosticCodes.InvalidValue,
                "corrections of an edition in several languages are not published yet: a corrected version would replace each language's; publish the correction as a new edition, or write the edition in one language",
                edition.Sources.Of(edition.Info, "corrections", new DisplayPaths(edition.Folder).Of(EditionLoader.EditionFileName)));
        if (templates.ContentModel < 2)
        {
            var display = new DisplayPaths(edition.Folder);
            foreach (var use in ContentFeatures.OfModel2(edition))
                diagnostics.Error(Diagnostics.DiagnosticCodes.InvalidValue,
                    $"{use.What} is published by template sets of content model 2, and {templates.Name} is of model {templates.ContentModel}: the report would leave it out; " +
                    $"use a newer set (template: default@{TemplateSet.FirstOfModel2}) or remove it",
                    edition.Sources.Of(use.Owner, display.Of(use.File)));
        }
        if (templates.HasStatement && edition.Accessibility?.Contact is null)
            diagnostics.Error(Diagnostics.DiagnosticCodes.MissingField,
                $"template set {templates.Name} publishes an accessibility statement, which must say how to ask for the report in another format (large print, easy read, audio, Braille): " +
                "add 'accessibility:' with 'contact:' and an 'email:', 'phone:' or 'address:' to edition.yaml",
                edition.Accessibility is { } given ? edition.Sources.Of(given, new DisplayPaths(edition.Folder).Of(EditionLoader.EditionFileName))
                    : new SourceLocation(new DisplayPaths(edition.Folder).Of(EditionLoader.EditionFileName)));
        var labels = Labels(edition, templates, diagnostics);
        if (labels is not null) CheckTableWords(edition, tables, labels, diagnostics);
        DataDownloads.Check(tables, edition, diagnostics, templates.FigureIds, templates.OnsSpreadsheets);
        if (diagnostics.HasErrors) return null;

        // 4. Rendering: edition and tables → view model → HTML through the edition's template set.
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report("rendering HTML");
        // The previous edition, loaded once for its figures, gives its milestones for progress (content model 2).
        var view = ReportViewBuilder.Build(edition, tables, measures, templates.ChartText, templates.HasStatement ? templates : null, templates.ContentModel,
            previousEdition, diagnostics, labels);
        if (diagnostics.HasErrors) return null;
        if (options.Formats.HasFlag(OutputFormats.Pdf)) view = view with { PdfHref = PdfFileName };
        string? languagesHtml = null;
        if (edition.Multilingual && labels is not null)
        {
            // Each language's page links to the others (hreflang, and a switch on the page); the page above them lists every one.
            var alternates = Alternates(edition, templates);
            if (alternates is null) return null;
            view = view with { Alternates = alternates.Where(a => a.Lang != edition.Language).Select(a => a with { Href = $"../{a.Href}" }).ToList() };
            if (templates.Has(LanguagesTemplate) && edition.Language == edition.Languages[0])
                languagesHtml = TemplateRenderer.Render(view with { Alternates = alternates }, templates, diagnostics, LanguagesTemplate, labels);
        }
        var culture = labels?.Culture ?? System.Globalization.CultureInfo.GetCultureInfo(edition.Language);
        var superseded = new List<(string Version, Prepared Prepared)>();
        if (superseding is not null)
            view = view with { Superseded = superseding.View, CorrectionsHref = $"../../{ReportView.CorrectionsPage}" };
        else if (corrections.Count > 0)
        {
            // Every version a correction replaced is built beside this one, from the folder that keeps it as published.
            var views = new List<CorrectionView>();
            for (var i = 0; i < corrections.Count; i++)
            {
                var correction = corrections[i];
                var folder = Data.EditionFiles.ResolveReplaced(edition.Folder, correction.Replaces!)!;
                var replacedVersion = i > 0 ? corrections[i - 1].Version! : EditionLoader.Load(folder, new DiagnosticBag())?.Info.Version ?? "1.0";
                var date = new DateView(correction.Date!.Value.Iso, correction.Date.Value.Display(culture));
                views.Add(new CorrectionView(correction.Version!, date, correction.WhatWasWrong!, correction.WhatChanged!, replacedVersion,
                    $"{SupersededFolder}/{replacedVersion}/{HtmlPublisher.PageFileName}"));
                var replaced = Prepare(folder, diagnostics, cancellationToken,
                    new Superseding(templates, edition.OrganisationKey, edition.EditionKey, new SupersededView(replacedVersion, correction.Version!, date, $"../../{HtmlPublisher.PageFileName}"), edition.Accessibility));
                if (replaced is null) return null;
                superseded.Add((replacedVersion, replaced));
            }
            view = view with { Corrections = views };
        }
        var html = TemplateRenderer.Render(view, templates, diagnostics, labels: labels);
        var correctionsHtml = view.Corrections.Count > 0 ? TemplateRenderer.Render(view, templates, diagnostics, TemplateSet.CorrectionsTemplate, labels) : null;
        if (html is null || view.Corrections.Count > 0 && correctionsHtml is null) return null;
        return new Prepared(edition, tables, published, sources, frozen ? tables.Select(t => t.Id).ToList() : [], templates, html)
        {
            CorrectionsHtml = correctionsHtml,
            LanguagesHtml = languagesHtml,
            Labels = labels,
            Superseded = superseded,
        };
    }

    /// <summary>
    /// The words the set prints in the edition's language, with the edition's own: its labels: and, from objectives.yaml,
    /// its term for objectives and the heading it gives them. Null for a set before labels (which prints the tool's
    /// English; an edition's labels: is then an error) or, with a diagnostic, when they cannot be made.
    /// </summary>
    private static LabelSet? Labels(Edition edition, TemplateSet templates, DiagnosticBag diagnostics)
    {
        var display = new DisplayPaths(edition.Folder);
        var editionFile = display.Of(EditionLoader.EditionFileName);
        if (!templates.Labels)
        {
            if (edition.Labels is { Count: > 0 } given)
                diagnostics.Error(Diagnostics.DiagnosticCodes.InvalidValue,
                    $"'labels:' gives the organisation's own words for the template set's labels, and {templates.Name} has none (it prints fixed English words): " +
                    $"use a set with labels (template: default@{TemplateSet.FirstWithLabels}) or remove 'labels:'",
                    edition.Sources.Of(given, editionFile));
            return null;
        }
        TemplateWords.Check(templates, diagnostics);
        var language = edition.Sources.Of(edition.Info, "language", editionFile);
        if (LabelSet.ForSet(templates, edition.Language, diagnostics, language) is not { } labels) return null;

        var overrides = new List<(string Key, string Text, Diagnostics.SourceLocation At)>();
        var objectivesFile = display.Of(EditionLoader.ObjectivesFileName);
        var text = edition.ObjectivesText;
        if (text.Term is { } term)
        {
            // objectives.yaml's term names an objective; its plural (which the tool cannot guess) is the edition's to give.
            var at = edition.Sources.Of(text, "term", objectivesFile);
            overrides.Add(("term.Objective", term, at));
            overrides.Add(("term.objective", ChartBuilder.InSentence(term), at));
            var missing = ((string[])["term.Objectives", "term.objectives"]).Where(plural => edition.Labels?.ContainsKey(plural) != true).ToList();
            if (missing.Count > 0)
                    diagnostics.Error(Diagnostics.DiagnosticCodes.MissingField,
                        $"term: '{term}' renames the objectives, and the template set also prints their plural; give it in edition.yaml: " +
                        $"labels: {{ {string.Join(", ", missing.Select(m => m + ": ..."))} }} (such as \"{term}s\" and \"{ChartBuilder.InSentence(term)}s\"), so that no heading still says \"objectives\"",
                        at);
        }
        if (text.Title is { } title) overrides.Add(("objectives.title", title, edition.Sources.Of(text, "title", objectivesFile)));
        foreach (var (key, value) in edition.Labels ?? [])
            overrides.Add((key, value, edition.Sources.Of(edition.Labels, key, editionFile)));
        foreach (var file in labels.Unreviewed)
            diagnostics.Warning(Diagnostics.DiagnosticCodes.LabelUnreviewed,
                $"the report prints the words of this label file, which no {labels.Language} translator has reviewed (it says reviewed: false): have them reviewed before publishing, " +
                "and give any corrections as labels: in edition.yaml", new Diagnostics.SourceLocation(file));
        return labels.WithOverrides(overrides, diagnostics)?.WithCategories(edition.Statistics.Names ?? []);
    }

    /// <summary>
    /// In an edition in several languages, every word a table prints in a language other than English comes from a
    /// label or from statistics.yaml's names:; a workbook's own value (a role, a rank) without a name there would be
    /// printed in English in the Welsh publication, and is an error at the table, naming the value.
    /// </summary>
    private static void CheckTableWords(Edition edition, IReadOnlyList<StatTable> tables, LabelSet labels, DiagnosticBag diagnostics)
    {
        if (!edition.Multilingual || LabelSet.Primary(edition.Language) == "en") return;
        var statisticsFile = new DisplayPaths(edition.Folder).Of(EditionLoader.StatisticsFileName);
        foreach (var table in tables)
        {
            // The rows and the column groups are values of the data (a category, a rank, a role); the headers are the
            // tool's labels and the edition's own words, in this language already, as is a benchmark's name.
            var declaration = edition.Statistics.Tables?.FirstOrDefault(t => t.Id == table.Id);
            var own = new[] { declaration?.Benchmark?.Label, declaration?.Label }.OfType<string>().ToHashSet(StringComparer.Ordinal);
            var printed = table.Rows.Select(r => r.Label).Concat(table.Columns.Select(c => c.Group).OfType<string>());
            var untranslated = printed.Distinct(StringComparer.Ordinal)
                .Where(t => t.Any(char.IsLetter) && !own.Contains(t) && labels.Translate(t) == t && !labels.HasCategory(t)).ToList();
            if (untranslated.Count == 0) continue;
            diagnostics.Error(Diagnostics.DiagnosticCodes.TranslationMissing,
                $"table '{table.Id}' prints {string.Join(", ", untranslated.Select(u => $"'{u}'"))} from the data, which {(untranslated.Count == 1 ? "has" : "have")} no {Languages.EnglishNameOf(edition.Language)} name: " +
                $"give {(untranslated.Count == 1 ? "it" : "each")} under names: in statistics.yaml, such as names: {{ \"{untranslated[0]}\": {{ {string.Join(", ", edition.Languages.Select(l => l + ": ..."))} }} }}",
                declaration is null ? new SourceLocation(statisticsFile) : edition.Sources.Of(declaration, statisticsFile));
        }
    }

    /// <summary>
    /// The publication in each of an edition's languages: where it is (cy/index.html), its title and organisation, and
    /// "Read in Welsh" in its own words. Null, with a diagnostic, when a language's text cannot be read.
    /// </summary>
    private static List<AlternateView>? Alternates(Edition edition, TemplateSet templates)
    {
        var result = new List<AlternateView>();
        foreach (var language in edition.Languages)
        {
            // The other languages' texts are read again in their language; their problems are reported by their own preparation.
            var other = language == edition.Language ? edition : EditionLoader.Load(edition.Folder, new DiagnosticBag(), evenWithErrors: true, language);
            var labels = LabelSet.ForSet(templates, language, new DiagnosticBag(), new SourceLocation(EditionLoader.EditionFileName));
            if (other is null || labels is null) return null;
            result.Add(new AlternateView(language, Languages.NameOf(language), $"{LanguageFolder(language)}/{HtmlPublisher.PageFileName}",
                other.Info.Title ?? "", other.Organisation.Name ?? "", labels.Text("page.read_in")));
        }
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        if (_printer is not null) await _printer.DisposeAsync();
    }
}

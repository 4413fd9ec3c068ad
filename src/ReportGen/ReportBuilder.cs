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

public sealed record EditionBuildResult(string EditionFolder, string? OutputFolder, IReadOnlyList<Diagnostic> Diagnostics)
{
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

    /// <summary>Everything a build checks, without writing output or printing: for <c>reportgen check</c>.</summary>
    public IReadOnlyList<Diagnostic> Check(string editionFolder, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        Prepare(editionFolder, diagnostics, cancellationToken);
        return diagnostics.Items;
    }

    public async Task<EditionBuildResult> BuildAsync(string editionFolder, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        // Stages 1 to 4 run aside, so that cancelling stops waiting for them at once, even in the middle of opening a
        // large workbook, which cannot be interrupted: nothing has been written yet, and the process ends.
        var preparing = Task.Run(() => Prepare(editionFolder, diagnostics, cancellationToken), cancellationToken);
        if (await preparing.WaitAsync(cancellationToken) is not { } prepared) return new EditionBuildResult(editionFolder, null, diagnostics.Items);
        var (edition, tables, templates, html) = prepared;

        // 5. Publishing: write into a staging folder; swap it in only when everything succeeded.
        cancellationToken.ThrowIfCancellationRequested();
        using var output = StagedOutput.Begin(Path.Combine(options.OutputRoot, edition.OrganisationKey, edition.EditionKey));
        var page = HtmlPublisher.Write(output.StagingFolder, html, templates);
        DataDownloads.Write(output.StagingFolder, tables, edition);

        if (options.Formats.HasFlag(OutputFormats.Pdf))
        {
            progress?.Report("printing PDF");
            _printer ??= await PdfPrinter.StartAsync(BrowserLocator.Locate(options.BrowserPath), cancellationToken);
            var pdf = Path.Combine(output.StagingFolder, PdfFileName);
            await _printer.PrintAsync(page, pdf, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            PdfNormaliser.MakeReproducible(pdf, edition);
        }
        if (!options.Formats.HasFlag(OutputFormats.Html))
        {
            // The page and its assets were needed to print; a PDF-only build publishes just the PDF.
            File.Delete(page);
            Directory.Delete(Path.Combine(output.StagingFolder, TemplateSet.AssetsFolder), recursive: true);
        }

        Manifest.Write(output.StagingFolder, edition, templates, EditionInputs.Of(edition), options.Formats,
            options.Formats.HasFlag(OutputFormats.Pdf) ? _printer!.BrowserVersion : null);
        cancellationToken.ThrowIfCancellationRequested();
        output.Commit();
        return new EditionBuildResult(editionFolder, output.FinalFolder, diagnostics.Items);
    }

    private static bool IsDataDeclaration(Diagnostic diagnostic) =>
        diagnostic.Location?.File is { } file &&
        (file.EndsWith(EditionLoader.DataFileName, StringComparison.Ordinal) || file.EndsWith(EditionLoader.StatisticsFileName, StringComparison.Ordinal));

    private sealed record Prepared(Edition Edition, IReadOnlyList<StatTable> Tables, TemplateSet Templates, string Html);

    /// <summary>Stages 1 to 4: content, data, statistics under disclosure control, rendering. Null when any has errors.</summary>
    /// <remarks>Cancellation is checked between stages and between workbooks and tables, so that Ctrl-C is prompt.</remarks>
    private Prepared? Prepare(string editionFolder, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        // 1. Content: YAML → validated edition.
        progress?.Report("reading content");
        var edition = EditionLoader.Load(editionFolder, diagnostics, evenWithErrors: true);
        if (edition is null) return null;

        // 2. Data: the declared workbooks → standardised records (row-level data goes no further than statistics).
        // Errors elsewhere in the content do not stop the workbooks being checked, so that every problem is found in
        // one pass; errors in data.yaml or statistics.yaml do, since the reading depends on them.
        if (diagnostics.HasErrors && diagnostics.Items.Any(d => d.Severity == Severity.Error && IsDataDeclaration(d))) return null;
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report("reading data");
        var sources = StatisticsBuilder.ReadSources(edition, diagnostics, cancellationToken);

        // 3. Statistics: records → tables, then disclosure control, once, for every output; measures bound to them.
        // The tables whose sources could be read are built even when something else has errors, so that their own
        // problems (a filter that matches nothing) are found in the same pass; measures only when all is well so far.
        var tables = StatisticsBuilder.Build(edition, sources, diagnostics, cancellationToken);
        if (diagnostics.HasErrors) return null;
        var previous = MeasureBinder.PreviousTables(edition, diagnostics);
        var measures = MeasureBinder.Bind(edition, tables, previous, diagnostics);
        tables = ChangeOverTime.Add(tables, previous, edition.Info.Previous);
        DataDownloads.Check(tables, edition, diagnostics);
        if (diagnostics.HasErrors) return null;

        // 4. Rendering: edition and tables → view model → HTML through the edition's template set.
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report("rendering HTML");
        var templates = TemplateSet.Locate(edition.TemplateSet, options.TemplatesRoot, edition.Folder, diagnostics);
        if (templates is null) return null;
        var html = TemplateRenderer.Render(ReportViewBuilder.Build(edition, tables, measures), templates, diagnostics);
        return html is null ? null : new Prepared(edition, tables, templates, html);
    }

    public async ValueTask DisposeAsync()
    {
        if (_printer is not null) await _printer.DisposeAsync();
    }
}

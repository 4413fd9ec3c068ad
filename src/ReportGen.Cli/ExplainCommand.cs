using ReportGen.Diagnostics;
using ReportGen.Publishing;

namespace ReportGen.Cli;

/// <summary>
/// <c>reportgen explain</c>: prints one published figure's chain from its built edition's audit trail, down to the
/// workbook cells. Exit 0 when explained; 1 when the trail or the figure is not found.
/// </summary>
internal sealed class ExplainCommand(TextWriter stdout, TextWriter stderr, bool colour)
{
    public async Task<int> RunAsync(string builtFolder, string figureId, string? auditFolder)
    {
        var printer = new DiagnosticPrinter(stdout, stderr, colour);
        var shown = Content.DisplayPaths.Relative(Path.GetFullPath(builtFolder));
        if (auditFolder is null)
        {
            if (Verifier.Names(builtFolder) is not var (organisation, edition))
            {
                await printer.WriteAsync(new Diagnostic(Severity.Error, DiagnosticCodes.ManifestUnreadable,
                    $"has no readable {Manifest.FileName}, so its audit trail cannot be found; give the folder of one built edition, such as out/hertfordshire/2016-17, or its audit folder with --audit",
                    new SourceLocation(shown)));
                return ExitCodes.ContentErrors;
            }
            var outputRoot = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(builtFolder).TrimEnd(Path.DirectorySeparatorChar)))!;
            auditFolder = AuditTrail.FolderOf(outputRoot, organisation, edition);
        }

        var audit = Explainer.Read(auditFolder, out var problem);
        if (audit is null)
        {
            await printer.WriteAsync(new Diagnostic(Severity.Error, DiagnosticCodes.ManifestUnreadable, problem!,
                new SourceLocation(Content.DisplayPaths.Relative(Path.GetFullPath(auditFolder)))));
            return ExitCodes.ContentErrors;
        }
        if (Explainer.Explain(audit, figureId) is not { } lines)
        {
            var nearest = Explainer.Nearest(audit, figureId);
            await printer.WriteAsync(new Diagnostic(Severity.Error, DiagnosticCodes.InvalidValue,
                SafeText.ForTerminal($"has no figure '{figureId}'; figure ids are on the web page's cells (data-figure) and in data/figure-ids.csv" +
                    (nearest.Count > 0 ? $"; the nearest are: {string.Join(", ", nearest)}" : "")),
                new SourceLocation(shown)));
            return ExitCodes.ContentErrors;
        }
        foreach (var line in lines) await stdout.WriteLineAsync(SafeText.ForTerminal(line));
        return ExitCodes.Success;
    }
}

using ReportGen.Diagnostics;

namespace ReportGen.Cli;

/// <summary>
/// <c>reportgen check</c>: runs everything a build runs except writing output and printing the PDF, and reports every
/// problem found. Exit 0 when there are no errors (warnings allowed unless --warnings-as-errors), 1 when there are.
/// </summary>
internal sealed class CheckCommand(TextWriter stdout, TextWriter stderr, bool colour)
{
    public async Task<int> RunAsync(IReadOnlyList<string> editionFolders, string? templatesRoot, bool json, bool warningsAsErrors, CancellationToken cancellationToken = default)
    {
        var printer = new DiagnosticPrinter(stdout, stderr, colour);
        var all = new List<Diagnostic>();
        await using var builder = new ReportBuilder(new BuildOptions(OutputRoot: ".", TemplatesRoot: templatesRoot));
        foreach (var folder in editionFolders)
        {
            IReadOnlyList<Diagnostic> diagnostics;
            try
            {
                diagnostics = builder.Check(folder, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await stderr.WriteLineAsync("Check cancelled.");
                return ExitCodes.Cancelled;
            }
            all.AddRange(diagnostics);
            if (json) continue;
            foreach (var diagnostic in diagnostics) await printer.WriteAsync(diagnostic);
            var errors = diagnostics.Count(d => d.Severity == Severity.Error);
            var warnings = diagnostics.Count - errors;
            await stdout.WriteLineAsync(errors + warnings == 0
                ? $"{folder}: no problems found"
                : $"{folder}: {errors} error(s), {warnings} warning(s)");
        }
        if (json) await printer.WriteJsonAsync(all);
        var failed = all.Any(d => d.Severity == Severity.Error || warningsAsErrors && d.Severity == Severity.Warning);
        return failed ? ExitCodes.ContentErrors : ExitCodes.Success;
    }
}

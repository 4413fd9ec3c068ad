using ReportGen.Diagnostics;
using ReportGen.Publishing;

namespace ReportGen.Cli;

/// <summary>
/// <c>reportgen freeze</c>: checks each edition as a build does and writes its published tables (after disclosure
/// control) to its frozen/ folder, with the hashes of the workbooks they came from. Exit 0 when every edition was
/// frozen; 1 when one has errors (its frozen/ is left as it was).
/// </summary>
internal sealed class FreezeCommand(TextWriter stdout, TextWriter stderr, bool colour)
{
    public async Task<int> RunAsync(IReadOnlyList<string> editionFolders, string? templatesRoot, CancellationToken cancellationToken)
    {
        var printer = new DiagnosticPrinter(stdout, stderr, colour);
        var failed = false;
        await using var builder = new ReportBuilder(new BuildOptions(OutputRoot: ".", TemplatesRoot: templatesRoot));
        foreach (var folder in editionFolders)
        {
            IReadOnlyList<Diagnostic> diagnostics;
            string? frozen;
            int count;
            try
            {
                (diagnostics, frozen, count) = builder.Freeze(folder, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await stderr.WriteLineAsync("Freeze cancelled; frozen/ was left as it was.");
                return ExitCodes.Cancelled;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync(SafeText.ForTerminal($"{folder}: error {DiagnosticCodes.CannotWrite}: cannot write the frozen tables: {ex.Message}; check that the edition folder can be written"));
                return ExitCodes.EnvironmentProblem;
            }
            foreach (var diagnostic in diagnostics) await printer.WriteAsync(diagnostic);
            if (frozen is null)
            {
                failed = true;
                await stderr.WriteLineAsync(SafeText.ForTerminal($"{folder}: not frozen; fix the errors above and run again. Its frozen/ was left as it was."));
                continue;
            }
            await stdout.WriteLineAsync(SafeText.ForTerminal(
                $"{folder}: froze {count} table(s) into {Content.DisplayPaths.Relative(frozen)}; a build uses them when a workbook is gone"));
        }
        return failed ? ExitCodes.ContentErrors : ExitCodes.Success;
    }
}

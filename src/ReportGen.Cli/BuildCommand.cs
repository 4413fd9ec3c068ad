using ReportGen.Diagnostics;
using Spectre.Console;

namespace ReportGen.Cli;

/// <summary>
/// Runs the build of each edition, shows progress (a live status on a terminal, plain lines otherwise),
/// prints diagnostics in the compiler format, and maps the outcome to an exit code.
/// </summary>
internal sealed class BuildCommand(TextWriter stdout, TextWriter stderr)
{
    private readonly bool _interactive = CommandLine.IsInteractive(stdout);

    public async Task<int> RunAsync(IReadOnlyList<string> editionFolders, BuildOptions options, CancellationToken cancellationToken)
    {
        var exitCode = ExitCodes.Success;
        try
        {
            await using var builder = new ReportBuilder(options, new Progress(this));
            for (var i = 0; i < editionFolders.Count; i++)
            {
                var folder = editionFolders[i];
                _current = $"[{i + 1}/{editionFolders.Count}] {folder}";
                var result = _interactive
                    ? await AnsiConsole.Status().StartAsync(_current, ctx => { _status = ctx; return builder.BuildAsync(folder, cancellationToken); })
                    : await builder.BuildAsync(folder, cancellationToken);
                _status = null;
                foreach (var diagnostic in result.Diagnostics) await WriteDiagnosticAsync(diagnostic);
                if (result.Succeeded)
                {
                    await stdout.WriteLineAsync($"{_current}: built {Content.DisplayPaths.Relative(result.OutputFolder!)}");
                    if (result.FrozenTables.Count > 0)
                        await stdout.WriteLineAsync(Publishing.SafeText.ForTerminal(
                            $"{_current}: a workbook is gone, so the figures of all {result.FrozenTables.Count} tables came from the frozen tables (frozen/): {string.Join(", ", result.FrozenTables)}"));
                }
                else
                {
                    await stderr.WriteLineAsync($"{_current}: not built; fix the errors above and run again. The previous output was left as it was.");
                    exitCode = ExitCodes.ContentErrors;
                }
            }
        }
        catch (EnvironmentProblemException ex)
        {
            await WriteDiagnosticAsync(ex.Diagnostic);
            return ExitCodes.EnvironmentProblem;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("Build cancelled; the previous output was left as it was.");
            return ExitCodes.Cancelled;
        }
        return exitCode;
    }

    private string _current = "";
    private StatusContext? _status;

    private void Report(string step)
    {
        if (_status is not null) _status.Status($"{Markup.Escape(_current)}: {Markup.Escape(step)}");
        else stdout.WriteLine($"{_current}: {step}");
    }

    private Task WriteDiagnosticAsync(Diagnostic diagnostic) => new DiagnosticPrinter(stdout, stderr, _interactive).WriteAsync(diagnostic);


    private sealed class Progress(BuildCommand owner) : IProgress<string>
    {
        public void Report(string value) => owner.Report(value);
    }
}

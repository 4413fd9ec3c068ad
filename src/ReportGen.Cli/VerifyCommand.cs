using System.Text.Json;
using ReportGen.Diagnostics;
using ReportGen.Publishing;

namespace ReportGen.Cli;

/// <summary>
/// <c>reportgen verify</c>: rebuilds a built edition from the inputs its manifest names and compares file by file.
/// Exit 0 when every file is identical and no input changed; 1 when anything differs (or the edition has errors).
/// </summary>
internal sealed class VerifyCommand(TextWriter stdout, TextWriter stderr, bool colour)
{
    public async Task<int> RunAsync(string builtFolder, string? editionFolder, string? templatesRoot, string? browserPath, bool json, CancellationToken cancellationToken)
    {
        var printer = new DiagnosticPrinter(stdout, stderr, colour);
        var shown = Content.DisplayPaths.Relative(Path.GetFullPath(builtFolder));
        if (editionFolder is null)
        {
            if (Verifier.Names(builtFolder) is not var (organisation, edition))
            {
                await printer.WriteAsync(new Diagnostic(Severity.Error, DiagnosticCodes.ManifestUnreadable,
                    $"has no readable {Manifest.FileName}; give the folder of one built edition, such as out/hertfordshire/2016-17", new SourceLocation(shown)));
                return ExitCodes.ContentErrors;
            }
            editionFolder = Path.Combine("content", organisation, edition);
        }

        VerifyResult result;
        try
        {
            result = await Verifier.VerifyAsync(builtFolder, editionFolder, templatesRoot, browserPath, cancellationToken);
        }
        catch (EnvironmentProblemException ex)
        {
            await printer.WriteAsync(ex.Diagnostic);
            return ExitCodes.EnvironmentProblem;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("Verify cancelled.");
            return ExitCodes.Cancelled;
        }

        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(new
            {
                verified = result.Passed,
                edition = Content.DisplayPaths.Relative(Path.GetFullPath(editionFolder)),
                tool = new { then = result.ToolThen, now = result.ToolNow },
                browser = new { then = result.BrowserThen, now = result.BrowserNow },
                inputs = result.Inputs.Select(i => new { name = i.Name, change = i.Change, role = i.Role }),
                files = result.Files.Select(f => new { name = f.Name, verdict = f.Verdict, reason = f.Reason }),
                diagnostics = result.Diagnostics.Select(d => d.ToString()),
            }, new JsonSerializerOptions { WriteIndented = true }));
            return result.Passed ? ExitCodes.Success : ExitCodes.ContentErrors;
        }

        foreach (var diagnostic in result.Diagnostics) await printer.WriteAsync(diagnostic);
        foreach (var change in result.Inputs)
            await stdout.WriteLineAsync(SafeText.ForTerminal(change.Counts
                ? $"{change.Role} {change.Change} since the build: {change.Name}"
                : $"input gone since the build: {change.Name}; its figures come from the frozen tables (frozen/), frozen from this same workbook (its SHA-256 matches the manifest's)"));
        foreach (var file in result.Files)
            await stdout.WriteLineAsync(SafeText.ForTerminal(file.Verdict switch
            {
                FileVerdict.Identical => $"  identical  {file.Name}",
                FileVerdict.SameContent => $"  same text  {file.Name}: {file.Reason}",
                _ => $"  {file.Verdict.ToUpperInvariant(),-9}  {file.Name}: {file.Reason}",
            }));
        var differing = result.Files.Count(f => !f.Matches);
        var sameText = result.Files.Count(f => f.Verdict == FileVerdict.SameContent);
        await (result.Passed ? stdout : stderr).WriteLineAsync(SafeText.ForTerminal(result.Passed
            ? sameText == 0
                ? $"{shown}: verified: all {result.Files.Count} files are identical to a rebuild from {Content.DisplayPaths.Relative(Path.GetFullPath(editionFolder))}"
                : $"{shown}: verified: {result.Files.Count - sameText} of {result.Files.Count} files are identical to a rebuild from {Content.DisplayPaths.Relative(Path.GetFullPath(editionFolder))}, and {sameText} PDF(s) printed by another browser read the same"
            : result.Files.Count == 0
                ? $"{shown}: not verified: the edition could not be rebuilt"
                : differing == 0
                    ? $"{shown}: not verified: every file is identical to a rebuild, but {result.Inputs.Count(i => i.Counts)} input or template file(s) changed since the build, so the manifest no longer describes them (a change too small to alter a published figure, after rounding, still counts)"
                    : $"{shown}: not verified: {differing} of {result.Files.Count} files differ from a rebuild{(result.Inputs.Any(i => i.Counts) ? $", and {result.Inputs.Count(i => i.Counts)} input or template file(s) changed since the build" : "")}"));
        return result.Passed ? ExitCodes.Success : ExitCodes.ContentErrors;
    }
}

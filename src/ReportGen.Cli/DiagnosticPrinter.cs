using System.Text.Json;
using ReportGen.Diagnostics;
using Spectre.Console;

namespace ReportGen.Cli;

/// <summary>
/// Prints diagnostics in the compiler format editors and CI understand: in colour on a terminal, as plain lines
/// otherwise, or as one JSON document for tools.
/// </summary>
internal sealed class DiagnosticPrinter(TextWriter stdout, TextWriter stderr, bool colour)
{
    private static readonly IAnsiConsole ErrorConsole =
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public async Task WriteAsync(Diagnostic diagnostic)
    {
        // A message quotes content and workbook text, which must not drive the terminal (ESC, BEL): shown as \uXXXX.
        var text = Publishing.SafeText.ForTerminal(diagnostic.ToString());
        if (colour)
            ErrorConsole.MarkupLine($"[{(diagnostic.Severity == Severity.Error ? "red" : "yellow")}]{Markup.Escape(text)}[/]");
        else
            await stderr.WriteLineAsync(text);
    }

    public async Task WriteJsonAsync(IReadOnlyList<Diagnostic> diagnostics)
    {
        var document = new
        {
            errors = diagnostics.Count(d => d.Severity == Severity.Error),
            warnings = diagnostics.Count(d => d.Severity == Severity.Warning),
            diagnostics = diagnostics.Select(d => new
            {
                severity = d.Severity == Severity.Error ? "error" : "warning",
                code = d.Code,
                message = d.Message,
                file = d.Location?.File,
                line = d.Location is { Line: > 0 } l ? l.Line : (int?)null,
                column = d.Location is { Column: > 0 } c ? c.Column : (int?)null,
                cell = d.Location?.Cell,
                text = d.ToString(),
            }),
        };
        await stdout.WriteLineAsync(JsonSerializer.Serialize(document, Publishing.JsonOutput.Options));
    }
}

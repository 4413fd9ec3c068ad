using System.CommandLine;
using System.CommandLine.Parsing;
using System.Runtime.InteropServices;

namespace ReportGen.Cli;

/// <summary>Parses arguments and hands each command to its handler. No report logic lives here.</summary>
public static class CommandLine
{
    private const string RootDescription = """
        ReportGen builds an equality monitoring publication (web page and accessible PDF) from an edition folder of YAML content.

        Examples:
          reportgen build content/hertfordshire/2016-17
          reportgen build content/*/* --out public
          reportgen build content/northumbria/joint-equality-objectives --format html
          reportgen check content/hertfordshire/2016-17
          reportgen verify out/hertfordshire/2016-17
          reportgen freeze content/hertfordshire/2016-17
          reportgen explain out/hertfordshire/2016-17 workforce-ethnicity:black:percent
        """;

    private const string ExplainDescription = """
        Explain one published figure of a built edition, from its audit trail (OUT/audit/<organisation>/<edition>/):
        the table and where it is declared, the value published and the disclosure-control rule that decided it, and,
        down to the counts, the workbook (with its SHA-256), the sheet, the filter as written, the columns and the
        sheet rows that fed it. A figure's id is on its cell in the web page (data-figure="…") and in
        data/figure-ids.csv. The audit trail may hold withheld values: it is never published.

        Exit codes: 0 explained, 1 no audit trail or no such figure, 2 usage error.

        Examples:
          reportgen explain out/hertfordshire/2016-17 workforce-ethnicity:black:percent
          reportgen explain public/hertfordshire/2016-17 stop-search-rates:black:rate --audit archive/audit/hertfordshire/2016-17
        """;

    private const string FreezeDescription = """
        Freeze one or more editions: check each as a build does, then write its published tables (after disclosure
        control, only as the public output shows them) to the edition's frozen/ folder, one JSON file per table, with
        the SHA-256 of the workbooks they came from. Once a workbook is gone (row-level data deleted under a retention
        schedule), build and verify use the frozen tables, so the edition is still regenerated exactly.

        Exit codes: 0 frozen, 1 content errors (frozen/ is left as it was), 2 usage error, 3 cannot write, 130 cancelled.

        Examples:
          reportgen freeze content/hertfordshire/2016-17
        """;

    private const string CheckDescription = """
        Check one or more editions: everything a build does except writing output and printing the PDF. Every problem
        found is reported, in the compiler format (path(line,col) or path(Sheet!Cell): error RGxxxx: message).

        Exit codes: 0 no errors (warnings allowed), 1 errors (or warnings, with --warnings-as-errors), 2 usage error,
        130 cancelled (Ctrl-C, SIGTERM).

        Examples:
          reportgen check content/hertfordshire/2016-17
          reportgen check content/*/* --format json
          reportgen check content/hertfordshire/2016-17 --warnings-as-errors
        """;

    private const string BuildDescription = """
        Build one or more editions into OUT/<organisation>/<edition>/ (index.html, assets/, report.pdf, data/, manifest.json).
        A failed build leaves the previous output of that edition as it was.

        Exit codes: 0 done, 1 content errors, 2 usage error, 3 environment problem (no browser, cannot write),
        130 cancelled (Ctrl-C, SIGTERM; the previous output is left as it was).

        Examples:
          reportgen build content/hertfordshire/2016-17
          reportgen build content/hertfordshire/2016-17 content/northumbria/joint-equality-objectives --out public
          reportgen build content/hertfordshire/2016-17 --format pdf --browser "/opt/google/chrome/chrome"
        """;

    private const string VerifyDescription = """
        Verify a built edition: rebuild it from the inputs its manifest.json names, into a temporary folder, and compare
        every file. Each file is printed as identical or different; a difference says why: an input or template file
        that changed since the build (its hash against the manifest's), another version of ReportGen, or another browser.

        Exit codes: 0 every file identical and no input changed, 1 something differs or the edition has errors,
        2 usage error, 3 environment problem, 130 cancelled.

        Examples:
          reportgen verify out/hertfordshire/2016-17
          reportgen verify public/hertfordshire/2016-17 --edition archive/hertfordshire/2016-17 --format json
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var editions = new Argument<string[]>("edition-dir")
        {
            Description = "Edition folders, such as content/hertfordshire/2016-17",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Output folder; each edition goes to OUT/<organisation>/<edition>/",
            DefaultValueFactory = _ => "out",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Comma-separated outputs to make: html, pdf",
            DefaultValueFactory = _ => "html,pdf",
        };
        var browser = new Option<string?>("--browser")
        {
            Description = "Path of Chromium, Chrome or Edge, used to print the PDF (default: $REPORTGEN_BROWSER, then the usual install locations)",
        };
        var templates = new Option<string?>("--templates")
        {
            Description = "Folder holding template sets (default: the nearest templates/ folder above the edition, then the tool's own)",
        };

        var build = new Command("build", BuildDescription) { editions, output, format, browser, templates };
        var checkEditions = new Argument<string[]>("edition-dir") { Description = editions.Description, Arity = ArgumentArity.OneOrMore };
        var checkFormat = new Option<string>("--format", "-f") { Description = "How to print problems: text or json", DefaultValueFactory = _ => "text" };
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Fail (exit 1) on warnings too" };
        var checkTemplates = new Option<string?>("--templates") { Description = templates.Description };
        var check = new Command("check", CheckDescription) { checkEditions, checkFormat, warningsAsErrors, checkTemplates };
        var verifyBuilt = new Argument<string>("built-edition-dir") { Description = "The folder of one built edition, such as out/hertfordshire/2016-17" };
        var verifyEdition = new Option<string?>("--edition") { Description = "The edition folder to rebuild from (default: content/<organisation>/<edition>, as the manifest names them)" };
        var verifyFormat = new Option<string>("--format", "-f") { Description = "How to print the result: text or json", DefaultValueFactory = _ => "text" };
        var verifyTemplates = new Option<string?>("--templates") { Description = templates.Description };
        var verifyBrowser = new Option<string?>("--browser") { Description = browser.Description };
        var verify = new Command("verify", VerifyDescription) { verifyBuilt, verifyEdition, verifyFormat, verifyTemplates, verifyBrowser };
        var explainBuilt = new Argument<string>("built-edition-dir") { Description = verifyBuilt.Description };
        var explainFigure = new Argument<string>("figure-id") { Description = "The figure's id, such as workforce-ethnicity:black:percent" };
        var explainAudit = new Option<string?>("--audit") { Description = "The edition's audit folder (default: OUT/audit/<organisation>/<edition>/ beside the built edition)" };
        var explain = new Command("explain", ExplainDescription) { explainBuilt, explainFigure, explainAudit };
        var freezeEditions = new Argument<string[]>("edition-dir") { Description = editions.Description, Arity = ArgumentArity.OneOrMore };
        var freezeTemplates = new Option<string?>("--templates") { Description = templates.Description };
        var freeze = new Command("freeze", FreezeDescription) { freezeEditions, freezeTemplates };
        var root = new RootCommand(RootDescription) { build, check, verify, explain, freeze };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) await stderr.WriteLineAsync($"error: {error.Message}");
            await stderr.WriteLineAsync("Run 'reportgen build --help' for usage and examples.");
            return ExitCodes.UsageError;
        }
        if (parsed.Action is not null)
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        if (parsed.CommandResult.Command == check)
        {
            var folders = parsed.GetValue(checkEditions)!;
            if (folders.FirstOrDefault(e => e.StartsWith('-')) is { } unknownOption)
            {
                await stderr.WriteLineAsync($"error: unknown option '{unknownOption}'. Run 'reportgen check --help' for the options.");
                return ExitCodes.UsageError;
            }
            var diagnosticsFormat = parsed.GetValue(checkFormat)!.ToLowerInvariant();
            if (diagnosticsFormat is not ("text" or "json"))
            {
                await stderr.WriteLineAsync($"error: --format takes text or json (got '{diagnosticsFormat}')");
                return ExitCodes.UsageError;
            }
            using var checkInterrupt = new Interrupt();
            return await new CheckCommand(stdout, stderr, IsInteractive(stdout))
                .RunAsync(folders, parsed.GetValue(checkTemplates), diagnosticsFormat == "json", parsed.GetValue(warningsAsErrors), checkInterrupt.Token);
        }
        if (parsed.CommandResult.Command == verify)
        {
            var verifyAs = parsed.GetValue(verifyFormat)!.ToLowerInvariant();
            if (verifyAs is not ("text" or "json"))
            {
                await stderr.WriteLineAsync($"error: --format takes text or json (got '{verifyAs}')");
                return ExitCodes.UsageError;
            }
            using var verifyInterrupt = new Interrupt();
            return await new VerifyCommand(stdout, stderr, IsInteractive(stdout)).RunAsync(parsed.GetValue(verifyBuilt)!, parsed.GetValue(verifyEdition),
                parsed.GetValue(verifyTemplates), parsed.GetValue(verifyBrowser), verifyAs == "json", verifyInterrupt.Token);
        }
        if (parsed.CommandResult.Command == freeze)
        {
            using var freezeInterrupt = new Interrupt();
            return await new FreezeCommand(stdout, stderr, IsInteractive(stdout)).RunAsync(parsed.GetValue(freezeEditions)!, parsed.GetValue(freezeTemplates), freezeInterrupt.Token);
        }
        if (parsed.CommandResult.Command == explain)
            return await new ExplainCommand(stdout, stderr, IsInteractive(stdout))
                .RunAsync(parsed.GetValue(explainBuilt)!, parsed.GetValue(explainFigure)!, parsed.GetValue(explainAudit));
        if (parsed.CommandResult.Command != build)
        {
            await stderr.WriteLineAsync("error: name a command, such as: reportgen build content/hertfordshire/2016-17");
            await stderr.WriteLineAsync("Run 'reportgen --help' for usage and examples.");
            return ExitCodes.UsageError;
        }

        if (parsed.GetValue(editions)!.FirstOrDefault(e => e.StartsWith('-')) is { } unknown)
        {
            await stderr.WriteLineAsync($"error: unknown option '{unknown}'. Run 'reportgen build --help' for the options.");
            return ExitCodes.UsageError;
        }
        if (!TryParseFormats(parsed.GetValue(format)!, out var formats))
        {
            await stderr.WriteLineAsync($"error: --format takes html, pdf or html,pdf (got '{parsed.GetValue(format)}')");
            return ExitCodes.UsageError;
        }

        var options = new BuildOptions(parsed.GetValue(output)!, formats, parsed.GetValue(templates), parsed.GetValue(browser));
        using var interrupt = new Interrupt();
        return await new BuildCommand(stdout, stderr).RunAsync(parsed.GetValue(editions)!, options, interrupt.Token);
    }

    /// <summary>
    /// Ctrl-C, SIGTERM and SIGHUP cancel the command: it stops at once, cleans up (a build leaves its previous
    /// output as it was, and no staging or browser folder behind) and exits with <see cref="ExitCodes.Cancelled"/>.
    /// A second signal while that clean-up runs ends the process straight away, as the user asked twice.
    /// </summary>
    private sealed class Interrupt : IDisposable
    {
        private readonly CancellationTokenSource _source = new();
        private readonly PosixSignalRegistration[] _registrations;

        public Interrupt()
        {
            _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }.Select(signal => PosixSignalRegistration.Create(signal, OnSignal))];
        }

        public CancellationToken Token => _source.Token;

        private void OnSignal(PosixSignalContext context)
        {
            if (_source.IsCancellationRequested) return; // the default action: end now
            context.Cancel = true;
            _source.Cancel();
        }

        public void Dispose()
        {
            foreach (var registration in _registrations) registration.Dispose();
            _source.Dispose();
        }
    }

    /// <summary>Colour and live progress only on a real terminal, never in CI or when output is redirected.</summary>
    internal static bool IsInteractive(TextWriter stdout) =>
        !Console.IsOutputRedirected && !Console.IsErrorRedirected && ReferenceEquals(stdout, Console.Out)
        && Environment.GetEnvironmentVariable("CI") is null;

    internal static bool TryParseFormats(string text, out OutputFormats formats)
    {
        formats = 0;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (part.ToLowerInvariant())
            {
                case "html": formats |= OutputFormats.Html; break;
                case "pdf": formats |= OutputFormats.Pdf; break;
                default: return false;
            }
        }
        return formats != 0;
    }
}

using Microsoft.Playwright;
using ReportGen.Diagnostics;

namespace ReportGen.Publishing;

/// <summary>
/// Prints HTML files to tagged PDF with the browser's own print engine, through Playwright driving the
/// installed browser (no browser is downloaded). The browser gets a fresh profile in a temporary folder,
/// deleted on dispose, and no network: only file: URLs load.
/// </summary>
public sealed class PdfPrinter : IAsyncDisposable
{
    private static readonly string[] BrowserArguments =
    [
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
        "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--no-first-run",
        "--no-default-browser-check", "--disable-gpu", "--font-render-hinting=none",
        "--host-resolver-rules=MAP * ~NOTFOUND",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _context;

    public string ProfileFolder { get; }

    private PdfPrinter(IPlaywright playwright, IBrowserContext context, string profileFolder)
    {
        _playwright = playwright;
        _context = context;
        ProfileFolder = profileFolder;
    }

    public static async Task<PdfPrinter> StartAsync(string browserPath)
    {
        var profile = Directory.CreateTempSubdirectory("reportgen-browser-").FullName;
        IPlaywright? playwright = null;
        try
        {
            playwright = await Playwright.CreateAsync();
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = browserPath,
                Headless = true,
                Args = BrowserArguments,
                Offline = true,
                ServiceWorkers = ServiceWorkerPolicy.Block,
                AcceptDownloads = false,
            });
            // Only the report's own files may load; anything else (http, https, ws) is refused.
            await context.RouteAsync("**/*", route =>
                route.Request.Url.StartsWith("file:", StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
            return new PdfPrinter(playwright, context, profile);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or IOException or InvalidOperationException)
        {
            playwright?.Dispose();
            TryDelete(profile);
            throw new EnvironmentProblemException(new Diagnostic(Severity.Error, DiagnosticCodes.PrintFailed,
                $"the browser at {browserPath} could not be started to print the PDF ({FirstLine(ex.Message)}). " +
                $"Check that it is Chromium, Chrome or Edge and runs on this machine, or pass --browser PATH"), ex);
        }
    }

    public async Task PrintAsync(string htmlPath, string pdfPath)
    {
        var page = await _context.NewPageAsync();
        try
        {
            await page.GotoAsync(new Uri(htmlPath).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
            await page.PdfAsync(new PagePdfOptions
            {
                Path = pdfPath,
                PreferCSSPageSize = true,
                PrintBackground = true,
                Tagged = true,
                Outline = true,
            });
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            throw new EnvironmentProblemException(new Diagnostic(Severity.Error, DiagnosticCodes.PrintFailed,
                $"the browser failed to print {Path.GetFileName(htmlPath)} to PDF ({FirstLine(ex.Message)}). Try again; if it persists, try another browser with --browser PATH"), ex);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _context.CloseAsync();
        }
        finally
        {
            _playwright.Dispose();
            TryDelete(ProfileFolder);
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The browser may hold a lock file for a moment after closing; a leftover temp folder is harmless.
        }
    }
}

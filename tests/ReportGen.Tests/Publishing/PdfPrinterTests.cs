using System.Net;
using System.Net.Sockets;
using ReportGen.Diagnostics;
using ReportGen.Publishing;
using ReportGen.Tests.TestSupport;
using UglyToad.PdfPig;

namespace ReportGen.Tests.Publishing;

/// <summary>The real browser: a fresh profile that is removed afterwards, and no network.</summary>
public sealed class PdfPrinterTests
{
    [Fact]
    public async Task Printing_never_reaches_the_network_and_removes_the_browser_profile()
    {
        var folder = Directory.CreateTempSubdirectory("reportgen-print-").FullName;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var connections = 0;
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var client = await listener.AcceptTcpClientAsync();
                    Interlocked.Increment(ref connections);
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { }
        });
        try
        {
            var html = Path.Combine(folder, "page.html");
            // The page uses the font that ships with the templates, never a system font: what a machine happens to have
            // installed (and its ligatures, such as "ﬄ") must not change what is printed.
            var font = new Uri(Path.Combine(RepoPaths.Templates, "default@1", "assets", "fonts", "atkinson-hyperlegible-latin-400-normal.woff2")).AbsoluteUri;
            File.WriteAllText(html, $$"""
                <!DOCTYPE html><html lang="en"><head><title>Offline</title>
                <style>@font-face { font-family: Shipped; src: url("{{font}}") format("woff2"); } body, h1 { font-family: Shipped; font-weight: 400; font-variant-ligatures: none; }</style>
                <link rel="stylesheet" href="http://127.0.0.1:{{port}}/style.css"></head>
                <body><h1>Offline page</h1><img src="http://127.0.0.1:{{port}}/image.png" alt="">
                <img src="https://example.org/image.png" alt=""></body></html>
                """);
            var pdf = Path.Combine(folder, "page.pdf");

            string profile;
            await using (var printer = await PdfPrinter.StartAsync(BrowserLocator.Locate(null)))
            {
                profile = printer.Folder;
                Assert.True(Directory.Exists(Path.Combine(profile, "profile")));
                // The driver's own temporary folder is inside the printer's, so that nothing outlives it.
                Assert.NotEmpty(Directory.EnumerateDirectories(Path.Combine(profile, "tmp"), "playwright-artifacts-*"));
                await printer.PrintAsync(html, pdf);
            }

            Assert.Equal(0, connections);
            Assert.False(Directory.Exists(profile), "the browser profile folder was left behind");
            using var document = PdfDocument.Open(pdf);
            var page = document.GetPage(1);
            Assert.Contains("Offline page", page.Text);
            Assert.All(page.Letters, l => Assert.Contains("Atkinson", l.FontName, StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            listener.Stop();
            await accepting;
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Browser_given_by_path_that_does_not_exist_is_reported_with_what_to_do()
    {
        var ex = Assert.Throws<EnvironmentProblemException>(() => BrowserLocator.Locate("/nonexistent/chrome"));
        Assert.Equal(DiagnosticCodes.BrowserNotFound, ex.Diagnostic.Code);
        Assert.Contains("/nonexistent/chrome", ex.Diagnostic.Message);
        Assert.Contains("full path", ex.Diagnostic.Message);
    }
}

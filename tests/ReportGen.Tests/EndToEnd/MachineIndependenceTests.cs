using System.Diagnostics;
using System.Globalization;
using ReportGen.Tests.TestSupport;
using UglyToad.PdfPig;

namespace ReportGen.Tests.EndToEnd;

/// <summary>
/// The same inputs give the same bytes on any machine: every sample edition built again by the real command in
/// another process, with German culture and number formats, a time zone thirteen and three-quarter hours from UTC,
/// no system fonts at all and font rendering set otherwise (full hinting, sub-pixel order, no anti-aliasing),
/// another temporary folder, and its content, templates and output in other folders (with a space and an umlaut in
/// their path) and another working directory, gives every output file byte for byte as the shared build does, PDF
/// included. No published PDF's text holds a ligature code point, whatever the fonts.
/// </summary>
[Collection(SampleBuildCollection.Name)]
public sealed class MachineIndependenceTests(SampleBuildFixture fixture)
{
    [Fact]
    public async Task Another_culture_time_zone_and_folder_give_the_same_bytes_for_every_output()
    {
        // The runtime has the culture's data (ICU), so LANG really makes numbers German in the other process.
        Assert.Equal(".", new CultureInfo("de-DE").NumberFormat.NumberGroupSeparator);

        var root = Directory.CreateTempSubdirectory("reportgen-machine-").FullName;
        try
        {
            var elsewhere = Path.Combine(root, "Ausgabe mit Leerzeichen ü");
            TestFolders.Copy(RepoPaths.Content, Path.Combine(elsewhere, "content"));
            TestFolders.Copy(RepoPaths.Templates, Path.Combine(elsewhere, "templates"));
            var output = Path.Combine(elsewhere, "out");
            var temporary = Directory.CreateDirectory(Path.Combine(root, "tmp")).FullName;
            // A machine with no fonts at all, and font rendering set as differently as fontconfig allows.
            var fonts = Path.Combine(root, "fonts.conf");
            File.WriteAllText(fonts, $"""
                <?xml version="1.0"?>
                <fontconfig>
                  <cachedir>{Path.Combine(root, "font-cache")}</cachedir>
                  <match target="font">
                    <edit name="hinting" mode="assign"><bool>true</bool></edit>
                    <edit name="hintstyle" mode="assign"><const>hintfull</const></edit>
                    <edit name="autohint" mode="assign"><bool>true</bool></edit>
                    <edit name="rgba" mode="assign"><const>rgb</const></edit>
                    <edit name="antialias" mode="assign"><bool>false</bool></edit>
                  </match>
                </fontconfig>
                """);
            var start = new ProcessStartInfo("dotnet",
                [Path.Combine(AppContext.BaseDirectory, "reportgen.dll"), "build", .. SampleBuildFixture.Everything.Select(s => Path.Combine("content", s)), "--out", output, "--templates", "templates"])
            {
                WorkingDirectory = elsewhere,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["LANG"] = "de_DE.UTF-8", ["LC_ALL"] = "de_DE.UTF-8", ["TZ"] = "Pacific/Chatham", ["TMPDIR"] = temporary, ["FONTCONFIG_FILE"] = fonts,
                    ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "false", ["CI"] = "true",
                },
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await stdout + await stderr);

            foreach (var sample in SampleBuildFixture.Everything)
            {
                var here = SampleEditions.Snapshot(fixture.OutputOf(sample));
                var there = SampleEditions.Snapshot(Path.Combine(output, sample));
                Assert.Equal(here.Keys.Order(StringComparer.Ordinal), there.Keys.Order(StringComparer.Ordinal));
                foreach (var (file, bytes) in here)
                    Assert.True(bytes.AsSpan().SequenceEqual(there[file]), $"{sample}/{file} differs when built with another culture, time zone and folder");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(SampleEditionBuildTests.Samples), MemberType = typeof(SampleEditionBuildTests))]
    public void No_pdf_text_holds_a_ligature(string sample)
    {
        using var pdf = PdfDocument.Open(Path.Combine(fixture.OutputOf(sample), ReportBuilder.PdfFileName));
        var ligatures = pdf.GetPages().SelectMany(p => p.Letters).Where(l => l.Value.Any(c => c is >= '\uFB00' and <= '\uFB06')).ToList();
        Assert.True(ligatures.Count == 0, $"ligatures in the PDF text: {string.Join(", ", ligatures.Take(10).Select(l => l.Value))}");
    }
}

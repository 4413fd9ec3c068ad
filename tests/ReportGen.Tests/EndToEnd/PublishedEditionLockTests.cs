using System.Text.Json;
using ReportGen.Publishing;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.EndToEnd;

/// <summary>
/// Published editions never change silently: each sample edition's published.lock.json holds the SHA-256 of every
/// file its build publishes, and a build that changes one byte fails here, naming the edition and the file. Only the
/// PDF may differ in its bytes, and only when another browser version printed it (the lock says which one printed
/// it): then each PDF's page count and the SHA-256 of its text and of its bookmarks are compared instead (every PDF
/// of the edition, a superseded version's too). An edition deliberately re-issued
/// gets a new lock with REPORTGEN_UPDATE_GOLDEN=1, which shows in review as a change to that file.
/// </summary>
[Collection(SampleBuildCollection.Name)]
public sealed class PublishedEditionLockTests(SampleBuildFixture fixture)
{
    public const string LockFileName = "published.lock.json";

    public static TheoryData<string> Samples => new(SampleBuildFixture.Everything);

    private sealed record PdfText(int Pages, string TextSha256, string BookmarksSha256);

    private sealed record EditionLock(string Edition, string? Browser, SortedDictionary<string, string> Files, SortedDictionary<string, PdfText> Pdfs);

    private static PdfText TextOf(string pdf)
    {
        var content = PdfContent.Read(pdf) ?? throw new InvalidDataException($"{pdf} cannot be read as a PDF");
        return new PdfText(content.Pages, content.TextSha256, content.BookmarksSha256);
    }

    [Theory, MemberData(nameof(Samples))]
    public void Not_a_byte_of_a_published_edition_changes(string sample)
    {
        var folder = fixture.OutputOf(sample);
        var browser = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, Manifest.FileName))).RootElement
            .GetProperty("predicate").GetProperty("runDetails").GetProperty("builder").GetProperty("version").GetProperty("browser").GetString();
        // The manifest names the tool's commit, which changes with every commit; it is not part of the publication.
        var files = new SortedDictionary<string, string>(
            Manifest.Files(folder).Where(f => f != Manifest.FileName).ToDictionary(f => f, f => Manifest.Sha256(Path.Combine(folder, f))), StringComparer.Ordinal);
        var pdfs = new SortedDictionary<string, PdfText>(files.Keys.Where(f => f.EndsWith(".pdf", StringComparison.Ordinal))
            .ToDictionary(f => f, f => TextOf(Path.Combine(folder, f))), StringComparer.Ordinal);
        Assert.Contains(pdfs.Keys, f => Path.GetFileName(f) == ReportBuilder.PdfFileName);
        var current = new EditionLock(sample, browser, files, pdfs);
        var lockPath = Path.Combine(RepoPaths.Content, sample, LockFileName);
        if (Environment.GetEnvironmentVariable("REPORTGEN_UPDATE_GOLDEN") == "1")
            File.WriteAllText(lockPath, JsonSerializer.Serialize(current, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }) + "\n");

        Assert.True(File.Exists(lockPath), $"{sample} has no {LockFileName}; write it with REPORTGEN_UPDATE_GOLDEN=1 once the edition is published");
        var locked = JsonSerializer.Deserialize<EditionLock>(File.ReadAllText(lockPath), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase })!;
        const string reissue = "a published edition never changes silently: if this is a deliberate re-issue, review it and run REPORTGEN_UPDATE_GOLDEN=1 dotnet test";
        foreach (var file in locked.Files.Keys.Except(files.Keys)) Assert.Fail($"{sample}: {file} was published and is no longer built; {reissue}");
        foreach (var file in files.Keys.Except(locked.Files.Keys)) Assert.Fail($"{sample}: {file} is built but was not published; {reissue}");
        foreach (var (file, hash) in locked.Files)
        {
            if (files[file] == hash) continue;
            if (file.EndsWith(".pdf", StringComparison.Ordinal) && locked.Browser != browser)
            {
                // Another browser build prints other bytes; the document must still read the same.
                Assert.True(locked.Pdfs.GetValueOrDefault(file) == current.Pdfs[file],
                    $"{sample}: {file} was printed by {locked.Browser} and is now printed by {browser}, and its text, page count or bookmarks changed ({locked.Pdfs.GetValueOrDefault(file)} → {current.Pdfs[file]}); {reissue}");
                continue;
            }
            Assert.Fail($"{sample}: {file} changed (SHA-256 {hash} → {files[file]}); {reissue}");
        }
    }
}

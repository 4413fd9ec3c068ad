using System.Globalization;

namespace ReportGen.Data;

/// <summary>
/// The documents an edition publishes beside its report (<c>documents:</c> with <c>file:</c>): the full strategy as a
/// PDF, a Word version. Each is a file inside the edition folder, of a format a reader can open, copied into the
/// output's <see cref="Folder"/>. Row-level data never goes this way: a file in the data or frozen folders, or a
/// workbook that data.yaml reads, is refused.
/// </summary>
public static class LinkedFiles
{
    public const string Folder = "documents";

    /// <summary>The largest file published: a bigger one is a mistake (a video, a whole archive), or belongs on the website.</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    /// <summary>The formats a document may have, by extension, with the name a reader knows each by in English (the label document.kind.&lt;extension&gt; prints it).</summary>
    public static readonly IReadOnlyDictionary<string, string> Formats = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "PDF",
        [".docx"] = "Word",
        [".odt"] = "OpenDocument text",
        [".rtf"] = "Rich Text",
        [".txt"] = "plain text",
        [".xlsx"] = "Excel",
        [".ods"] = "OpenDocument spreadsheet",
        [".csv"] = "CSV",
        [".pptx"] = "PowerPoint",
    };

    /// <summary>Why <paramref name="relative"/> cannot be published (a phrase following "file 'x'"), or null when it can.</summary>
    public static string? Problem(string editionFolder, string relative, IEnumerable<string>? dataFiles = null)
    {
        if (Path.IsPathRooted(relative) || relative.Split('/', '\\').Any(p => p is ".." or ""))
            return "must be a path inside the edition folder, such as documents/strategy.pdf";
        var first = relative.Split('/', '\\')[0];
        if (first is Publishing.DataDownloads.Folder or Statistics.FrozenTables.Folder or "versions"
            || (dataFiles ?? []).Any(d => Normal(d) == Normal(relative)))
            return "is in the edition's data (row-level data is never published); put the document in a folder of its own, such as documents/";
        if (!Formats.ContainsKey(Path.GetExtension(relative)))
            return $"is not of a format published as a document; publish a {string.Join(", ", Formats.Values.Distinct())} file";
        var real = EditionFiles.ResolveInside(editionFolder, relative);
        if (real is null) return "leads outside the edition folder (through a link); copy the document into the edition's folder";
        if (!File.Exists(real)) return "does not exist; check the path, which is relative to the edition folder";
        if (new FileInfo(real).Length > MaxBytes) return $"is larger than {MaxBytes / 1024 / 1024} MB; publish it on the website and link to it with 'href:'";
        return null;
    }

    private static string Normal(string path) => path.Replace('\\', '/').TrimStart('.', '/');

    /// <summary>The format and size as a link to the file says them: "PDF, 1.2 MB".</summary>
    /// <summary>"PDF, 120 KB": the format's name (the label document.kind.&lt;extension&gt;) and the file's size, in the labels' words.</summary>
    public static string Describe(string path, CultureInfo culture, Rendering.LabelSet? labels = null)
    {
        labels ??= Rendering.LabelSet.Tool("en");
        var bytes = new FileInfo(path).Length;
        var size = bytes < 1024 * 1024
            ? labels.Text("document.size.kb", ("size", Math.Max(1, (int)Math.Ceiling(bytes / 1024.0)).ToString(culture)))
            : labels.Text("document.size.mb", ("size", Math.Round(bytes / 1024.0 / 1024.0, 1, MidpointRounding.AwayFromZero).ToString("0.0", culture)));
        return labels.Text("document.format", ("format", labels.Text("document.kind." + Path.GetExtension(path).TrimStart('.').ToLowerInvariant())), ("size", size));
    }

    /// <summary>Copies the edition's documents into <paramref name="outputFolder"/>/documents/, as they are.</summary>
    public static void Write(string outputFolder, Content.Edition edition)
    {
        var files = edition.Documents.Select(d => d.File).OfType<string>().ToList();
        if (files.Count == 0) return;
        var target = Directory.CreateDirectory(Path.Combine(outputFolder, Folder)).FullName;
        foreach (var file in files)
            File.Copy(EditionFiles.ResolveInside(edition.Folder, file)!, Path.Combine(target, Path.GetFileName(file)));
    }
}

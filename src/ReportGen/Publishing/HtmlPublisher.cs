using System.Text;
using ReportGen.Rendering;

namespace ReportGen.Publishing;

/// <summary>Writes the rendered page and the template set's assets (CSS, fonts) into an output folder.</summary>
public static class HtmlPublisher
{
    public const string PageFileName = "index.html";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <returns>The path of the written page.</returns>
    public static string Write(string folder, string html, TemplateSet set)
    {
        var page = Path.Combine(folder, PageFileName);
        File.WriteAllText(page, html.ReplaceLineEndings("\n"), Utf8NoBom);
        if (Directory.Exists(set.AssetsPath)) CopyFolder(set.AssetsPath, Path.Combine(folder, TemplateSet.AssetsFolder));
        return page;
    }

    /// <summary>Another page of the edition (its corrections page), beside the report and sharing its assets.</summary>
    public static void WritePage(string path, string html) => File.WriteAllText(path, html.ReplaceLineEndings("\n"), Utf8NoBom);

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source).Order(StringComparer.Ordinal))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(source).Order(StringComparer.Ordinal))
            CopyFolder(dir, Path.Combine(target, Path.GetFileName(dir)));
    }
}

using System.Security.Cryptography;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace ReportGen.Publishing;

/// <summary>
/// What a reader gets from a PDF, whatever the bytes: its pages, the text of each page as extracted (what copy-paste
/// and screen readers read) and its bookmarks. Two PDFs printed from the same page by different browser builds differ
/// in their bytes; they are the same publication when these are the same.
/// </summary>
public sealed record PdfContent(IReadOnlyList<string> PageTexts, IReadOnlyList<string> Bookmarks)
{
    public int Pages => PageTexts.Count;

    /// <summary>The SHA-256 of the text of every page, one page a line: to record in a lock file.</summary>
    public string TextSha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", PageTexts))));

    /// <summary>The SHA-256 of the bookmarks, one a line, indented by level.</summary>
    public string BookmarksSha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", Bookmarks))));

    /// <summary>Reads a PDF's content; null when it cannot be read as a PDF.</summary>
    public static PdfContent? Read(string path)
    {
        try
        {
            using var document = PdfDocument.Open(path);
            var texts = document.GetPages().Select(p => p.Text).ToList();
            var bookmarks = new List<string>();
            if (document.TryGetBookmarks(out var outline))
                foreach (var root in outline.Roots) Walk(root, 0, bookmarks);
            return new PdfContent(texts, bookmarks);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // PdfPig throws its own exception types for a damaged file; any of them means "not readable".
            return null;
        }
    }

    private static void Walk(BookmarkNode node, int level, List<string> into)
    {
        into.Add(new string(' ', level * 2) + node.Title);
        foreach (var child in node.Children) Walk(child, level + 1, into);
    }

    /// <summary>How <paramref name="other"/> differs from this, in words; null when its pages, text and bookmarks are the same.</summary>
    public string? Difference(PdfContent other)
    {
        if (other.Pages != Pages) return $"it has {other.Pages} pages, not {Pages}";
        for (var i = 0; i < Pages; i++)
            if (!string.Equals(PageTexts[i], other.PageTexts[i], StringComparison.Ordinal))
                return $"the text of page {i + 1} differs";
        if (!Bookmarks.SequenceEqual(other.Bookmarks, StringComparer.Ordinal))
        {
            var at = Bookmarks.Zip(other.Bookmarks).Select((pair, i) => (pair, i)).FirstOrDefault(p => p.pair.First != p.pair.Second);
            return other.Bookmarks.Count != Bookmarks.Count
                ? $"it has {other.Bookmarks.Count} bookmarks, not {Bookmarks.Count}"
                : $"bookmark {at.i + 1} is '{at.pair.Second.Trim()}', not '{at.pair.First.Trim()}'";
        }
        return null;
    }
}

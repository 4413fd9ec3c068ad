namespace ReportGen.Data;

/// <summary>
/// Where a file named inside an edition really is. The name was checked to lie inside the edition folder, but any
/// folder on the way to it, or the file itself, may be a symbolic link; every link is followed, and the file must
/// still be inside the edition folder (as it really is) at the end. Nothing outside an edition is ever read.
/// </summary>
public static class EditionFiles
{
    /// <summary>The real path of <paramref name="relative"/> below <paramref name="editionFolder"/>, or null when a link leads out of it.</summary>
    public static string? ResolveInside(string editionFolder, string relative)
    {
        var root = RealPath(editionFolder);
        var current = root;
        foreach (var part in relative.Split('/', '\\', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            // ".." is resolved here, so that it cannot climb out of the edition folder unnoticed.
            current = Path.GetFullPath(Follow(Path.Combine(current, part)));
            if (!IsInside(root, current)) return null;
        }
        return current;
    }

    /// <summary>
    /// The folder holding the version a correction replaces: inside the edition; or, for a version kept in
    /// <c>versions/&lt;version&gt;/</c> of an edition (a correction that was itself corrected later), inside the
    /// edition it is kept in, where its <c>replaces</c> was written. Null when neither holds an edition.yaml.
    /// </summary>
    public static string? ResolveReplaced(string editionFolder, string replaces)
    {
        var own = ResolveInside(editionFolder, replaces);
        if (own is not null && File.Exists(Path.Combine(own, Content.EditionLoader.EditionFileName))) return own;
        var kept = Directory.GetParent(Path.GetFullPath(editionFolder).TrimEnd(Path.DirectorySeparatorChar));
        if (kept is { Name: "versions", Parent: { } keeper }
            && ResolveInside(keeper.FullName, replaces) is { } outer
            && Path.GetFullPath(outer) != Path.GetFullPath(editionFolder).TrimEnd(Path.DirectorySeparatorChar)
            && File.Exists(Path.Combine(outer, Content.EditionLoader.EditionFileName)))
            return outer;
        return own;
    }

    private static bool IsInside(string root, string path) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>A folder's path with every link on the way to it followed.</summary>
    private static string RealPath(string folder)
    {
        var full = Path.GetFullPath(folder);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
            current = Follow(Path.Combine(current, part));
        return current;
    }

    /// <summary>The path itself, or where the link it names finally leads.</summary>
    private static string Follow(string path)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (info.LinkTarget is null) return path;
        return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName is { } target ? Path.GetFullPath(target) : path;
    }
}

using System.Text.RegularExpressions;
using ReportGen.Diagnostics;

namespace ReportGen.Content;

internal sealed partial class EditionValidator
{
    [GeneratedRegex(@"^[1-9][0-9]{0,3}\.[0-9]{1,4}$")]
    private static partial Regex EditionVersionPattern();

    /// <summary>
    /// An edition's corrections, oldest first: each a new version (1.1 after 1.0), dated, saying what was wrong and what
    /// changed, and replacing a version kept in a folder inside the edition; the edition's version is the last one's.
    /// </summary>
    private void Corrections(EditionInfo info)
    {
        // An edition without corrections may give its version as it likes ("Version 2"): it is only shown.
        if (info.Corrections is not { Count: > 0 } corrections) return;

        (int Major, int Minor)? before = null;
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var correction in corrections)
        {
            if (correction is null) continue;
            Required(correction, correction.Version, "version");
            Required(correction, correction.Date, "date");
            Required(correction, correction.WhatWasWrong, "what_was_wrong");
            Required(correction, correction.WhatChanged, "what_changed");
            if (Required(correction, correction.Replaces, "replaces") is { } folder)
            {
                var path = Data.EditionFiles.ResolveReplaced(edition.Folder, folder);
                if (path is null || Path.GetFullPath(path) == Path.GetFullPath(edition.Folder))
                    Error(DiagnosticCodes.InvalidValue, $"replaces '{folder}' must be a folder inside the edition, such as versions/1.0, holding the version as it was published", correction);
                else if (!File.Exists(Path.Combine(path, EditionLoader.EditionFileName)))
                    Error(DiagnosticCodes.MissingFile, $"replaces '{folder}', which holds no {EditionLoader.EditionFileName}; put the replaced version's YAML files (and its data or frozen tables) there", correction);
                else if (!replaced.Add(Path.GetFullPath(path)))
                    Error(DiagnosticCodes.DuplicateId, $"replaces '{folder}', which an earlier correction replaces already; each correction replaces the version before it", correction);
            }
            if (correction.Version is not { } version) continue;
            if (!EditionVersionPattern().IsMatch(version))
            {
                Error(DiagnosticCodes.InvalidValue, $"version '{version}' is not an edition version; write it as major.minor, such as 1.1", correction);
                continue;
            }
            var parts = version.Split('.');
            var number = (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
            if (before is { } previous && number.CompareTo(previous) <= 0)
                Error(DiagnosticCodes.InvalidValue, $"correction {version} comes after {previous.Major}.{previous.Minor}, so its version must be higher; list corrections oldest first", correction);
            before = number;
        }
        if (corrections[^1]?.Version is { } latest && EditionVersionPattern().IsMatch(latest) && info.Version != latest)
            Error(DiagnosticCodes.InvalidValue,
                $"the edition's version is {(info.Version is null ? "not given" : $"'{info.Version}'")}, but its latest correction re-issued it as {latest}; set version: {latest}", info);
    }
}

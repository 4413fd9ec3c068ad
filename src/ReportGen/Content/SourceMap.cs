using System.Runtime.CompilerServices;
using ReportGen.Diagnostics;

namespace ReportGen.Content;

/// <summary>
/// Remembers where in which file each object read from YAML began, where each of its keys' values stands, and which
/// keys were left out because their values could not be read (their errors are reported already).
/// </summary>
public sealed class SourceMap
{
    private readonly ConditionalWeakTable<object, SourceLocation> _locations = new();
    private readonly Dictionary<(string File, int Line, int Column), Dictionary<string, SourceLocation>> _fields = [];
    private readonly HashSet<(string File, int Line, int Column, string Key)> _skipped = [];

    internal void Record(object item, SourceLocation location) => _locations.AddOrUpdate(item, location);

    /// <summary>Where the values of a mapping's keys stand; the mapping is named by where it begins.</summary>
    internal void RecordFields(SourceLocation mapping, Dictionary<string, SourceLocation> values) =>
        _fields[(mapping.File, mapping.Line, mapping.Column)] = values;

    /// <summary>A key of the mapping beginning at <paramref name="mapping"/> whose value could not be read, and was left out.</summary>
    internal void RecordSkipped(SourceLocation mapping, string key) => _skipped.Add((mapping.File, mapping.Line, mapping.Column, key));

    /// <summary>The location of <paramref name="item"/>, or of the file when it was not read from YAML.</summary>
    public SourceLocation Of(object? item, string fallbackFile) =>
        item is not null && _locations.TryGetValue(item, out var location) ? location : new SourceLocation(fallbackFile);

    /// <summary>Where the value of <paramref name="key"/> (as the YAML spells it) stands in <paramref name="item"/>; the item's location when it has none.</summary>
    public SourceLocation Of(object? item, string key, string fallbackFile)
    {
        var owner = Of(item, fallbackFile);
        return _fields.TryGetValue((owner.File, owner.Line, owner.Column), out var values) && values.TryGetValue(key, out var at) ? at : owner;
    }

    /// <summary>Whether <paramref name="key"/> of <paramref name="item"/> was left out because its value could not be read.</summary>
    public bool WasSkipped(object? item, string key) =>
        item is not null && _locations.TryGetValue(item, out var at) && _skipped.Contains((at.File, at.Line, at.Column, key));
}

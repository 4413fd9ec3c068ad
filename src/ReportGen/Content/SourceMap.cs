using System.Runtime.CompilerServices;
using ReportGen.Diagnostics;

namespace ReportGen.Content;

/// <summary>Remembers where in which file each object read from YAML began.</summary>
public sealed class SourceMap
{
    private readonly ConditionalWeakTable<object, SourceLocation> _locations = new();

    internal void Record(object item, SourceLocation location) => _locations.AddOrUpdate(item, location);

    /// <summary>The location of <paramref name="item"/>, or of the file when it was not read from YAML.</summary>
    public SourceLocation Of(object? item, string fallbackFile) =>
        item is not null && _locations.TryGetValue(item, out var location) ? location : new SourceLocation(fallbackFile);
}

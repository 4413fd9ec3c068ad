using ReportGen.Data;
using ReportGen.Diagnostics;

namespace ReportGen.Content;

// Checks of data.yaml and statistics.yaml that need no workbook: the workbooks themselves are read later.
internal sealed partial class EditionValidator
{
    public static readonly string[] SourceKinds = ["records", "aggregate"];
    public static readonly string[] Sections = ["workforce", "service"];
    public static readonly string[] TableKinds = ["breakdown", "rate", "likelihood", "survey"];
    public static readonly string[] Levels = ["group", "category"];
    public static readonly string[] Charts = ["bar", "stacked", "line", "none"];

    /// <summary>Only data.yaml and statistics.yaml, for when objectives.yaml cannot be read.</summary>
    public void ValidateDataDeclarations()
    {
        ValidateData();
        ValidateStatistics();
    }

    private void ValidateData()
    {
        _file = display.Of(EditionLoader.DataFileName);
        var sources = edition.Data.Sources ?? [];
        Unique(sources, s => s.Id, "source id");
        foreach (var source in sources)
        {
            if (Required(source, source.Id, "id") is { } id && !IdPattern().IsMatch(id))
                Error(DiagnosticCodes.InvalidValue, $"id '{id}' may only hold lower-case letters, digits and hyphens", source);
            if (Required(source, source.File, "file") is { } file && !InsideEdition(file))
                Error(DiagnosticCodes.InvalidValue, $"file '{file}' must be a path inside the edition folder, such as data/workforce.xlsx", source);
            Required(source, source.Sheet, "sheet");
            if (source.Kind is { } kind && !SourceKinds.Contains(kind))
                Error(DiagnosticCodes.InvalidValue, $"kind '{kind}' is not allowed; use {string.Join(" or ", SourceKinds)}", source);
            if (source.Fields is null || source.Fields.Count == 0)
                Error(DiagnosticCodes.MissingField, "'fields' is required: map each field you use to its column header", source);
            else if (source.Kind == "aggregate" && !source.Fields.ContainsKey(RecordSet.CountField))
                Error(DiagnosticCodes.MissingField, "an aggregate source needs a 'count' field: the column holding the numbers", source);
            foreach (var (field, classification) in source.Classify ?? [])
                if (!Classification.BuiltIn.ContainsKey(classification))
                    Error(DiagnosticCodes.InvalidValue, $"'{field}' is classified as '{classification}', which is not a classification; use one of {string.Join(", ", Classification.BuiltIn.Keys)}", source);
            if (source.HeaderRow is <= 0)
                Error(DiagnosticCodes.InvalidValue, "header_row must be 1 or more", source);
        }

        foreach (var (name, synonyms) in edition.Data.Synonyms ?? [])
        {
            if (!Classification.BuiltIn.TryGetValue(name, out var classification))
            {
                Error(DiagnosticCodes.UnknownKey, $"synonyms for '{name}': there is no such classification; use one of {string.Join(", ", Classification.BuiltIn.Keys)}", edition.Data);
                continue;
            }
            foreach (var (label, code) in synonyms.Where(s => classification.Categories.All(c => c.Code != s.Value)))
                Error(DiagnosticCodes.InvalidValue, $"synonym '{label}' maps to '{code}', which is not a {name} category; use one of {string.Join(", ", classification.Categories.Select(c => c.Code))}", edition.Data);
        }
    }

    private void ValidateStatistics()
    {
        _file = display.Of(EditionLoader.StatisticsFileName);
        var statistics = edition.Statistics;
        if (statistics.Disclosure is { } policy)
        {
            if (policy.Threshold is < 2) Error(DiagnosticCodes.InvalidValue, "threshold must be 2 or more (counts from 1 to threshold − 1 are withheld)", policy);
            if (policy.RoundTo is < 1) Error(DiagnosticCodes.InvalidValue, "round_to must be 1 or more", policy);
            if (policy.MinimumBase is < 1) Error(DiagnosticCodes.InvalidValue, "minimum_base must be 1 or more", policy);
        }

        var sources = (edition.Data.Sources ?? []).Where(s => s.Id is not null).GroupBy(s => s.Id!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Unique(statistics.Tables ?? [], t => t.Id, "table id");
        var used = statistics.UsedSourceIds();
        foreach (var source in sources.Values.Where(s => !used.Contains(s.Id!)))
            diagnostics.Warning(DiagnosticCodes.UnusedSource,
                $"source '{source.Id}' is declared but no table uses it; add a table that uses it, or remove it",
                edition.Sources.Of(source, display.Of(EditionLoader.DataFileName)));
        foreach (var table in statistics.Tables ?? [])
        {
            if (Required(table, table.Id, "id") is { } id && !IdPattern().IsMatch(id))
                Error(DiagnosticCodes.InvalidValue, $"id '{id}' may only hold lower-case letters, digits and hyphens", table);
            Required(table, table.Title, "title");
            Allowed(table, table.Section, "section", Sections);
            Allowed(table, table.Kind, "kind", TableKinds);
            Allowed(table, table.Level, "level", Levels);
            Allowed(table, table.Chart, "chart", Charts);
            if (table.Chart == "stacked" && table.Columns is null)
                Error(DiagnosticCodes.InvalidValue, "a stacked chart needs 'columns': it draws one bar for each value of that field", table);
            if (Required(table, table.Source, "source") is not { } sourceId) continue;
            if (!sources.TryGetValue(sourceId, out var source))
            {
                Error(DiagnosticCodes.UnknownSource, $"table '{table.Id}' uses source '{sourceId}', which {EditionLoader.DataFileName} does not declare" +
                    (Suggest.Closest(sourceId, sources.Keys) is { } s ? $" — did you mean '{s}'?" : ""), table);
                continue;
            }
            HasField(table, source, Required(table, table.Rows, "rows"), "rows");
            if (table.Kind is "rate" or "likelihood" or "survey")
            {
                Required(table, table.Reference, "reference");
                if (table.Columns is not null)
                    Error(DiagnosticCodes.InvalidValue, $"a {table.Kind} table has no 'columns'; make one table per split", table);
            }
            if (table.Kind == "rate" && table.Benchmark is null)
                Error(DiagnosticCodes.MissingField, "a rate table needs 'benchmark:' naming the population source the rates are per head of", table);
            if (table.Kind is "likelihood" or "survey" && Required(table, table.Outcome, "outcome") is { } outcome)
            {
                HasField(outcome, source, Required(outcome, outcome.Field, "field"), "outcome");
                if (outcome.Success is null || outcome.Success.Count == 0)
                    Error(DiagnosticCodes.MissingField, "'success' is required: the outcome values that count, such as [Appointed]", outcome);
            }
            if (table.Per is <= 0) Error(DiagnosticCodes.InvalidValue, "per must be 1 or more, such as 1000", table);
            HasField(table, source, table.Columns, "columns");
            foreach (var field in table.Where?.Keys ?? Enumerable.Empty<string>()) HasField(table, source, field, "where");
            if (table.Benchmark is { } benchmark && Required(benchmark, benchmark.Source, "source") is { } benchmarkId)
            {
                if (!sources.TryGetValue(benchmarkId, out var population))
                    Error(DiagnosticCodes.UnknownSource, $"the benchmark uses source '{benchmarkId}', which {EditionLoader.DataFileName} does not declare", benchmark);
                else
                    HasField(benchmark, population, table.Rows, "rows");
                if (table.Columns is not null)
                    Error(DiagnosticCodes.InvalidValue, "a table with 'columns' cannot also have a benchmark; make a separate table for the comparison", benchmark);
                if (table.Kind is "likelihood" or "survey")
                    Error(DiagnosticCodes.InvalidValue, $"a {table.Kind} table has no benchmark", benchmark);
            }
        }
    }

    private void HasField(object owner, SourceDeclaration source, string? field, string key)
    {
        if (field is null || source.Fields?.ContainsKey(field) == true) return;
        if (field == "age" && source.Fields?.ContainsKey("date_of_birth") == true && source.AsAt is not null) return;
        var known = source.Fields?.Keys.ToList() ?? [];
        Error(DiagnosticCodes.InvalidValue, $"{key}: source '{source.Id}' has no field '{field}'" +
            (Suggest.Closest(field, known) is { } s ? $" — did you mean '{s}'?" : $"; its fields are: {string.Join(", ", known)}"), owner);
    }

    private void Allowed(object owner, string? value, string key, string[] allowed)
    {
        if (value is not null && !allowed.Contains(value))
            Error(DiagnosticCodes.InvalidValue, $"{key} '{value}' is not allowed; use {string.Join(" or ", allowed)}", owner);
    }

    private bool InsideEdition(string relative)
    {
        if (Path.IsPathRooted(relative) || relative.Split('/', '\\').Contains("..")) return false;
        var full = Path.GetFullPath(Path.Combine(edition.Folder, relative));
        return full.StartsWith(edition.Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}

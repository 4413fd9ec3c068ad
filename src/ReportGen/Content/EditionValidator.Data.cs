using ReportGen.Data;
using ReportGen.Diagnostics;

namespace ReportGen.Content;

// Checks of data.yaml and statistics.yaml that need no workbook: the workbooks themselves are read later.
internal sealed partial class EditionValidator
{
    public static readonly string[] SourceKinds = ["records", "aggregate"];
    public static readonly string[] Sections = ["workforce", "service"];
    public static readonly string[] TableKinds = ["breakdown", "rate", "likelihood", "proportion", "survey"];
    public static readonly string[] Units = ["people", RecordSet.FteUnit];
    public static readonly string[] Sums = [RecordSet.FteField];
    public static readonly string[] Gaps = [Statistics.SurveyBuilder.GroupMinusReference, Statistics.SurveyBuilder.ReferenceMinusGroup];
    public static readonly string[] Levels = ["group", "category"];
    public static readonly string[] Charts = ["bar", "stacked", "line", "none"];

    private static string UnderscoredToWords(string field) =>
        field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..].Replace('_', ' ');

    /// <summary>data.yaml exists but could not be read (its error is reported): its sources are unknown, not missing.</summary>
    public bool DataUnreadable { get; init; }

    /// <summary>statistics.yaml exists but could not be read (its error is reported): its tables are unknown, not missing.</summary>
    public bool StatisticsUnreadable { get; init; }

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
                Error(DiagnosticCodes.InvalidValue, $"id '{id}' may only hold lower-case letters, digits and hyphens", source, "id");
            if (Required(source, source.File, "file") is { } file)
            {
                if (file.Any(char.IsControl))
                    Error(DiagnosticCodes.InvalidValue, $"file '{file}' holds a control character (such as NUL), which no file name can; write the path plainly, such as data/workforce.xlsx", source);
                else if (!InsideEdition(file))
                    Error(DiagnosticCodes.InvalidValue, $"file '{file}' must be a path inside the edition folder, such as data/workforce.xlsx", source);
            }
            Required(source, source.Sheet, "sheet");
            if (source.Kind is { } kind && !SourceKinds.Contains(kind))
                Error(DiagnosticCodes.InvalidValue, $"kind '{kind}' is not allowed; use {string.Join(" or ", SourceKinds)}", source);
            if (source.Fields is null || source.Fields.Count == 0)
                Error(DiagnosticCodes.MissingField, "'fields' is required: map each field you use to its column header", source);
            else if (source.Kind == "aggregate" && !source.Fields.ContainsKey(RecordSet.CountField))
                Error(DiagnosticCodes.MissingField, "an aggregate source needs a 'count' field: the column holding the numbers", source);
            foreach (var (field, header) in source.Fields ?? [])
                if (string.IsNullOrWhiteSpace(header))
                    Error(DiagnosticCodes.MissingField, $"field '{field}' names no column; write the header of its column after it, such as '{field}: {UnderscoredToWords(field)}'", source);
            foreach (var (field, classification) in source.Classify ?? [])
                if (classification is null || !Classification.BuiltIn.ContainsKey(classification))
                    Error(DiagnosticCodes.InvalidValue, $"'{field}' is classified as '{classification}', which is not a classification; use one of {string.Join(", ", Classification.BuiltIn.Keys)}", source);
            if (source.HeaderRow is <= 0)
                Error(DiagnosticCodes.InvalidValue, "header_row must be 1 or more", source);
            Allowed(source, source.Unit, "unit", Units);
            if (source.Unit == RecordSet.FteUnit && source.Kind != "aggregate")
                Error(DiagnosticCodes.InvalidValue, "unit: fte is for an aggregate source whose count column holds FTE; for one row per person, map the fte column and use 'sum: fte' in the table", source);
            if (source.Unit == RecordSet.FteUnit && source.Public != true && source.Fields?.ContainsKey(RecordSet.HeadcountField) != true)
                Error(DiagnosticCodes.MissingField, "an FTE source needs a 'headcount' field (the number of people behind each row), so that disclosure control can protect them; or, if the figures are already published, say public: true", source);
        }

        foreach (var (name, merges) in edition.Data.Merged ?? [])
        {
            if (!Classification.BuiltIn.TryGetValue(name, out var classification))
            {
                Error(DiagnosticCodes.UnknownKey, $"merged labels for '{name}': there is no such classification; use one of {string.Join(", ", Classification.BuiltIn.Keys)}", edition.Data);
                continue;
            }
            foreach (var (label, members) in merges ?? [])
            {
                if (members is null || members.Count < 2)
                    Error(DiagnosticCodes.InvalidValue, $"merged label '{label}' must name at least two groups or categories it stands for, such as [Mixed, Other]", edition.Data);
                foreach (var member in members ?? [])
                    if (member is null || !classification.Categories.Any(c => !c.IsNotStated && c.IsIn(member)))
                        Error(DiagnosticCodes.InvalidValue, $"merged label '{label}': '{member}' is not a {name.Replace('_', ' ')} group or category; use one of {string.Join(", ", classification.Groups.Where(g => g != Classification.NotStatedLabel))}, or a category code", edition.Data);
            }
        }

        foreach (var (name, synonyms) in edition.Data.Synonyms ?? [])
        {
            if (!Classification.BuiltIn.TryGetValue(name, out var classification))
            {
                Error(DiagnosticCodes.UnknownKey, $"synonyms for '{name}': there is no such classification; use one of {string.Join(", ", Classification.BuiltIn.Keys)}", edition.Data);
                continue;
            }
            foreach (var (label, code) in (synonyms ?? []).Where(s => classification.Categories.All(c => c.Code != s.Value)))
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
        ValidatePrecision(statistics.Precision);

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
                Error(DiagnosticCodes.InvalidValue, $"id '{id}' may only hold lower-case letters, digits and hyphens", table, "id");
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
                // data.yaml that could not be read has had its error: every table naming its sources is not another.
                if (DataUnreadable) continue;
                Error(DiagnosticCodes.UnknownSource, $"table '{table.Id}' uses source '{sourceId}', which {EditionLoader.DataFileName} does not declare" +
                    (Suggest.Closest(sourceId, sources.Keys) is { } s ? $" — did you mean '{s}'?" : ""), table);
                continue;
            }
            HasField(table, source, Required(table, table.Rows, "rows"), "rows");
            ValidateTableOptions(table, source, sources);
            if (table.Kind is "rate" or "likelihood" or "survey")
                Required(table, table.Reference, "reference");
            if (table.Kind is "rate" or "likelihood" or "survey" or "proportion" && table.Columns is not null)
                Error(DiagnosticCodes.InvalidValue, $"a {table.Kind} table has no 'columns'; make one table per split", table);
            if (table.Kind == "proportion" && table.Reference is not null)
                Error(DiagnosticCodes.InvalidValue, "a proportion table has no reference group; use kind: likelihood to compare each group with one", table);
            if (table.Kind == "rate" && table.Benchmark is null)
                Error(DiagnosticCodes.MissingField, "a rate table needs 'benchmark:' naming the population source the rates are per head of", table);
            if (table.Kind is "likelihood" or "survey" or "proportion" && Required(table, table.Outcome, "outcome") is { } outcome)
            {
                HasField(outcome, source, Required(outcome, outcome.Field, "field"), "outcome");
                if (outcome.Success is null || outcome.Success.Count == 0)
                    Error(DiagnosticCodes.MissingField, "'success' is required: the outcome values that count, such as [Appointed]", outcome);
            }
            if (table.Per is <= 0) Error(DiagnosticCodes.InvalidValue, "per must be 1 or more, such as 1000", table);
            HasField(table, source, table.Columns, "columns");
            ValidateWhere(table.Where, source);
            if (table.Benchmark is { } benchmark && Required(benchmark, benchmark.Source, "source") is { } benchmarkId)
            {
                if (!sources.TryGetValue(benchmarkId, out var population))
                {
                    if (!DataUnreadable) Error(DiagnosticCodes.UnknownSource, $"the benchmark uses source '{benchmarkId}', which {EditionLoader.DataFileName} does not declare", benchmark);
                }
                else
                {
                    HasField(benchmark, population, table.Rows, "rows");
                    ValidateWhere(benchmark.Where, population);
                    if (population.Unit == RecordSet.FteUnit)
                        Error(DiagnosticCodes.InvalidValue, $"the benchmark's source '{benchmarkId}' holds FTE, not people; use a source of people as the base", benchmark);
                }
                if (benchmark.Unit is not null && table.Kind != "rate")
                    Error(DiagnosticCodes.InvalidValue, "unit is for a rate table's base, such as officers in 'per 1,000 officers'", benchmark);
                // A breakdown split by columns compares its Total column with the benchmark; other kinds have no Total column.
                if (table.Columns is not null && table.Kind is not (null or "breakdown"))
                    Error(DiagnosticCodes.InvalidValue, $"a {table.Kind} table with 'columns' cannot also have a benchmark; make a separate table for the comparison", benchmark);
                if (table.Kind is "likelihood" or "survey")
                    Error(DiagnosticCodes.InvalidValue, $"a {table.Kind} table has no benchmark", benchmark);
            }
        }
    }

    /// <summary>The options of a table that depend on its kind and its source: grouping, sum, intervals, gap, precision.</summary>
    private void ValidateTableOptions(TableDeclaration table, SourceDeclaration source, IReadOnlyDictionary<string, SourceDeclaration> sources)
    {
        if (table.Grouping is { } grouping && table.Rows is { } rows)
        {
            var classification = FieldKinds.ClassificationOf(rows, source) ?? (rows == "age" ? "age" : null);
            var names = classification is null ? [] : Grouping.NamesFor(classification);
            if (names.Count == 0)
                Error(DiagnosticCodes.InvalidValue, $"grouping '{grouping}': the rows '{rows}' have no other groupings; groupings exist for {string.Join(", ", Grouping.BuiltIn.Keys)}", table);
            else if (!names.Contains(grouping))
                Error(DiagnosticCodes.InvalidValue, $"grouping '{grouping}' is not a grouping of {classification!.Replace('_', ' ')}; use one of {string.Join(", ", names)}" +
                    (Suggest.Closest(grouping, names) is { } s ? $" — did you mean '{s}'?" : ""), table);
            if (table.Level == "category")
                Error(DiagnosticCodes.InvalidValue, "a table shows either the detailed categories (level: category) or a grouping, not both", table);
        }
        Allowed(table, table.Sum, "sum", Sums);
        var fteSource = source.Unit == RecordSet.FteUnit;
        if (table.Sum is not null && table.Kind is not (null or "breakdown"))
            Error(DiagnosticCodes.InvalidValue, $"sum: fte is for a breakdown table; a {table.Kind} table counts people", table);
        if (table.Sum == RecordSet.FteField && fteSource)
            Error(DiagnosticCodes.InvalidValue, $"source '{source.Id}' already holds FTE (unit: fte); leave out 'sum'", table);
        else if (table.Sum == RecordSet.FteField && source.Fields?.ContainsKey(RecordSet.FteField) != true)
            Error(DiagnosticCodes.InvalidValue, $"sum: fte needs a field 'fte' in source '{source.Id}': map the column holding each person's FTE", table);
        if (fteSource && table.Kind is not (null or "breakdown"))
            Error(DiagnosticCodes.InvalidValue, $"source '{source.Id}' holds FTE, not people; a {table.Kind} table needs a source of people", table);
        if (table.Intervals is not null && table.Kind is not ("rate" or "likelihood"))
            Error(DiagnosticCodes.InvalidValue, "intervals is for rate and likelihood tables (a survey table always shows them)", table);
        Allowed(table, table.Gap, "gap", Gaps);
        if (table.Gap is not null && table.Kind != "survey")
            Error(DiagnosticCodes.InvalidValue, "gap is for survey tables: the direction of the difference from the reference group", table);
        ValidatePrecision(table.Precision);
    }

    private void ValidatePrecision(PrecisionDeclaration? precision)
    {
        if (precision is null) return;
        foreach (var (name, value) in new[] { ("percent", precision.Percent), ("percentage_points", precision.PercentagePoints), ("rate", precision.Rate), ("ratio", precision.Ratio), ("fte", precision.Fte) })
            if (value is < 0 or > Statistics.Precision.MaxDecimals)
                Error(DiagnosticCodes.InvalidValue, $"precision: {name} must be a number of decimal places from 0 to {Statistics.Precision.MaxDecimals}", precision);
    }

    /// <summary>Each 'where:' field exists in its source; a date range { from, to } is on a date field, with dates.</summary>
    private void ValidateWhere(Dictionary<string, object>? where, SourceDeclaration source)
    {
        foreach (var (field, value) in where ?? [])
        {
            HasField(where!, source, field, "where");
            if (value is not IDictionary<object, object> range) continue;
            if (FieldKinds.KindOf(field, source) != FieldKind.Date)
                Error(DiagnosticCodes.InvalidValue, $"where: a range {{ from, to }} is for a date field; '{field}' is not one (date fields are named date or end in _date)", where!);
            if (range.Count == 0)
                Error(DiagnosticCodes.InvalidValue, $"where: the range for '{field}' is empty; give from:, to: or both, such as {{ from: 2016-04, to: 2017-03 }}", where!);
            foreach (var (key, end) in range)
            {
                if (key?.ToString() is not ("from" or "to"))
                    Error(DiagnosticCodes.UnknownKey, $"where: '{key}' is not part of a date range; use from: and to:", where!);
                else if (!PartialDate.TryParse(end?.ToString(), out _))
                    Error(DiagnosticCodes.InvalidValue, $"where: '{end}' is not a date: expected a date like 2016-04 (a month) or 2016-04-01 (a day)", where!);
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

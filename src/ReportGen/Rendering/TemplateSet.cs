using ReportGen.Content;
using ReportGen.Diagnostics;

namespace ReportGen.Rendering;

/// <summary>
/// A folder of templates, CSS and fonts: <c>templates/&lt;name&gt;@&lt;version&gt;/</c> (or an unversioned
/// <c>templates/&lt;name&gt;/</c>) with the entry template <see cref="EntryTemplate"/> and an <c>assets/</c> folder
/// copied beside the HTML. A version that a published edition uses never changes: new work goes into a new version,
/// and the old one stays, so that an edition pinned to it (<c>template: default@1</c>) is rebuilt byte for byte. An
/// edition that names a set without a version (a draft) gets the newest.
/// </summary>
public sealed record TemplateSet(string Name, string Root)
{
    public const string EntryTemplate = "index.sbn-html";
    public const string AssetsFolder = "assets";

    /// <summary>The set's settings file: what it publishes beyond its pages. Optional; a set without one has none of the features.</summary>
    public const string SettingsFile = "set.json";
    /// <summary>The page listing an edition's corrections. A set that has it can publish corrected editions.</summary>
    public const string CorrectionsTemplate = "corrections.sbn-html";

    public string EntryPath => Path.Combine(Root, EntryTemplate);

    /// <summary>Whether the downloads carry each figure's id (data/figure-ids.csv and a sheet of the workbook), from set.json.</summary>
    public bool FigureIds { get; init; }

    public bool HasCorrections => File.Exists(Path.Combine(Root, CorrectionsTemplate));

    /// <summary>Whether the set has the page (a template file inside it).</summary>
    public bool Has(string page) => File.Exists(Path.Combine(Root, page));

    /// <summary>The partial of the accessibility statement. A set that has it publishes one, and needs the edition's contact for other formats.</summary>
    public const string StatementPartial = "partials/accessibility-statement.sbn-html";

    public bool HasStatement => File.Exists(Path.Combine(Root, StatementPartial));

    /// <summary>
    /// The fonts the set's charts are drawn in, measured to lay out their labels (set.json's "chartFonts"); null
    /// for a set without them, whose charts keep the layout they were published with (a width guessed per character).
    /// </summary>
    public TextMeasure? ChartText { get; init; }

    /// <summary>
    /// How the PDF is completed for PDF/UA-1 after printing (set.json's "pdfUA"; <see cref="Publishing.PdfAccessibility"/>):
    /// 0, not at all; 1 (<c>true</c>), as default@4 publishes it; 2, with list bodies and the spaces at line breaks too.
    /// A set's level never changes what an edition published with it reads, since each level does what it did.
    /// </summary>
    public int PdfUA { get; init; }

    /// <summary>Whether the printed contents gives each entry's page (set.json's "contentsPages"; <see cref="Publishing.ContentsPages"/>).</summary>
    public bool ContentsPages { get; init; }

    /// <summary>Whether the downloads are laid out as ONS recommends (set.json's "onsSpreadsheets"; <see cref="Publishing.OnsWorkbook"/>).</summary>
    public bool OnsSpreadsheets { get; init; }

    /// <summary>
    /// The content model the set publishes (set.json's "contentModel"; 1 when not given): 2 (default@6) adds free-form
    /// sections, themes, unnumbered objectives, the organisation's term for them, editions without objectives,
    /// achievements of the whole edition, linked documents, the report's reference and meeting, and Markdown tables,
    /// footnotes and headings (<see cref="ReportMarkdown"/>). An edition using any of these needs a set that publishes
    /// them (<see cref="Content.ContentFeatures"/>): a set of model 1 would leave them out.
    /// </summary>
    public int ContentModel { get; init; } = 1;

    public const int NewestContentModel = 2;

    /// <summary>
    /// Whether every word the set prints comes from its label files (set.json's "labels"; <see cref="LabelSet"/>):
    /// <c>labels/&lt;language&gt;.yaml</c> for each language it publishes in, which an edition's <c>labels:</c> can override.
    /// A set without them prints the tool's English words whatever the edition's language, as it was published.
    /// </summary>
    public bool Labels { get; init; }

    /// <summary>The first version of the default set with label files, named in diagnostics.</summary>
    public const int FirstWithLabels = 7;

    /// <summary>The first version of the default set of content model 2, named in diagnostics.</summary>
    public const int FirstOfModel2 = 6;

    private static readonly string[] Settings = ["figureIds", "chartFonts", "pdfUA", "contentsPages", "onsSpreadsheets", "contentModel", "labels"];

    /// <summary>The set with the settings of its set.json; null (with a diagnostic naming the file) when that cannot be read.</summary>
    private static TemplateSet? WithSettings(TemplateSet set, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(set.Root, SettingsFile);
        if (!File.Exists(path)) return set;
        var where = new SourceLocation(Content.DisplayPaths.Relative(path));
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.ValueKind != System.Text.Json.JsonValueKind.Object || root.EnumerateObject().Any(p => !Settings.Contains(p.Name)))
                throw new System.Text.Json.JsonException("unknown setting");
            var result = set with
            {
                FigureIds = root.TryGetProperty("figureIds", out var ids) && ids.GetBoolean(),
                ContentsPages = root.TryGetProperty("contentsPages", out var pages) && pages.GetBoolean(),
                OnsSpreadsheets = root.TryGetProperty("onsSpreadsheets", out var ons) && ons.GetBoolean(),
                Labels = root.TryGetProperty("labels", out var labels) && labels.GetBoolean(),
                PdfUA = !root.TryGetProperty("pdfUA", out var ua) ? 0
                    : ua.ValueKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False ? (ua.GetBoolean() ? 1 : 0)
                    : ua.GetInt32() is var level and >= 0 and <= Publishing.PdfAccessibility.Newest ? level
                    : throw new System.Text.Json.JsonException("an unknown PDF/UA level"),
                ContentModel = !root.TryGetProperty("contentModel", out var model) ? 1
                    : model.GetInt32() is var m and >= 1 and <= NewestContentModel ? m
                    : throw new System.Text.Json.JsonException("an unknown content model"),
            };
            if (!root.TryGetProperty("chartFonts", out var fonts)) return result;
            List<string> Files(string face)
            {
                var files = fonts.GetProperty(face).EnumerateArray().Select(f => f.GetString() ?? throw new System.Text.Json.JsonException("not a file")).ToList();
                if (files.Count == 0) throw new System.Text.Json.JsonException("no files");
                return files.Select(f => InsideSet(set.Root, f)).ToList();
            }
            try
            {
                return result with { ChartText = TextMeasure.Read(Files("regular"), Files("bold")) };
            }
            catch (InvalidDataException ex)
            {
                diagnostics.Error(DiagnosticCodes.TemplateSyntax,
                    $"names a chart font that cannot be read ({ex.Message}); ship the font in the set's assets/fonts folder or remove \"chartFonts\"", where);
                return null;
            }
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException or IOException)
        {
            diagnostics.Error(DiagnosticCodes.TemplateSyntax,
                "cannot be read as the template set's settings: it must be a JSON object with \"figureIds\", \"contentsPages\", \"onsSpreadsheets\" and \"labels\": true or false, \"pdfUA\": true, false, 1 or 2, \"contentModel\": 1 or 2, and " +
                "\"chartFonts\": { \"regular\": [font files], \"bold\": [font files] } (paths inside the set), each optional; correct it or remove it",
                where);
            return null;
        }
    }

    /// <summary>A file the settings name, which must be inside the set.</summary>
    private static string InsideSet(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        var inside = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(inside, StringComparison.Ordinal) && !Path.IsPathRooted(relative)
            ? full
            : throw new System.Text.Json.JsonException("a font outside the set");
    }
    public string AssetsPath => Path.Combine(Root, AssetsFolder);

    /// <summary>
    /// Finds the set: in <paramref name="templatesRoot"/> when given, else in the nearest <c>templates/</c>
    /// folder above the edition, else among the templates shipped with the tool.
    /// </summary>
    /// <summary>The newest version of a set in a folder of sets: default@2 before default@1.</summary>
    private static TemplateSet? Newest(string folder, string name)
    {
        if (!Directory.Exists(folder)) return null;
        return Directory.EnumerateDirectories(folder, name + "@*")
            .Select(d => (Path: d, Version: int.TryParse(Path.GetFileName(d)[(name.Length + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0))
            .Where(d => d.Version > 0 && File.Exists(Path.Combine(d.Path, EntryTemplate)))
            .OrderByDescending(d => d.Version)
            .Select(d => new TemplateSet($"{name}@{d.Version}", Path.GetFullPath(d.Path)))
            .FirstOrDefault();
    }

    public static TemplateSet? Locate(string name, string? templatesRoot, string editionFolder, DiagnosticBag diagnostics)
    {
        var candidates = new List<string>();
        if (templatesRoot is not null)
        {
            candidates.Add(Path.GetFullPath(templatesRoot));
        }
        else
        {
            for (var dir = new DirectoryInfo(editionFolder); dir is not null; dir = dir.Parent)
                candidates.Add(Path.Combine(dir.FullName, "templates"));
            candidates.Add(Path.Combine(AppContext.BaseDirectory, "templates"));
        }

        foreach (var candidate in candidates)
        {
            var root = Path.Combine(candidate, name);
            if (File.Exists(Path.Combine(root, EntryTemplate))) return WithSettings(new TemplateSet(name, Path.GetFullPath(root)), diagnostics);
            if (!name.Contains('@') && Newest(candidate, name) is { } newest) return WithSettings(newest, diagnostics);
        }

        diagnostics.Error(DiagnosticCodes.TemplateNotFound,
            $"template set '{name}' was not found (looked for {name}/{EntryTemplate} in: {string.Join(", ", candidates.Distinct())}); " +
            "check 'template:' in edition.yaml or pass --templates DIR",
            new SourceLocation(new DisplayPaths(editionFolder).Of(EditionLoader.EditionFileName)));
        return null;
    }
}

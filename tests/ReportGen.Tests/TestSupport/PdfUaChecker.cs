using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace ReportGen.Tests.TestSupport;

/// <summary>
/// The machine-checkable rules of PDF/UA-1 (ISO 14289-1) that a report's PDF can break, as the Matterhorn Protocol
/// and veraPDF number them, checked by walking the file: the catalogue, the metadata, the structure tree, the
/// annotations, the fonts and every page's content stream. Each failure is "rule: what and where". veraPDF is the
/// full checker a publisher should run; it is not served by the package registries here.
/// </summary>
public static class PdfUaChecker
{
    public const string Metadata = "7.1-8/7.1-9 (Matterhorn 06-001..06-003) XMP metadata with dc:title and pdfuaid:part 1";
    public const string DisplayTitle = "7.1-10 (07-001) the viewer shows the document's title";
    public const string Language = "7.2-34 (11-006) the document's language";
    public const string Tagged = "7.1-11 (01-002) marked as tagged, with a structure tree";
    public const string Roles = "7.1-5 (02-004) every structure type standard or role-mapped to one";
    public const string FigureAlt = "7.3-1 (13-004) every Figure has alternative text";
    public const string LinkContents = "7.18.5-2 (28-008) every link annotation has /Contents";
    public const string TabOrder = "7.18.3-1 (28-011) pages with annotations have tab order /S";
    public const string Artifacts = "7.1-3 (01-005) all content is tagged or an Artifact";
    public const string TableRows = "7.2-42 (15-003) every table row has as many cells as the others";
    public const string Lists = "7.2-20 (ISO 32000-1 Table 336) every LI holds only Lbl and LBody, every L only LI and Caption";
    public const string Fonts = "7.21.4.1-1, 7.21.7-1 (31-009, 31-027) fonts embedded, with ToUnicode";

    private static readonly HashSet<string> StandardTypes =
    [
        "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct", "Private",
        "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody",
        "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP",
        "Warichu", "WT", "WP", "Figure", "Formula", "Form",
    ];

    private static readonly HashSet<string> Painting = ["Tj", "TJ", "'", "\"", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "BI"];

    public static IReadOnlyList<string> Check(string pdfPath)
    {
        var failures = new List<string>();
        using var pdf = PdfDocument.Open(pdfPath);
        IToken? Resolve(IToken? token) => token is IndirectReferenceToken r ? pdf.Structure.GetObject(r.Data).Data : token;
        DictionaryToken? Dict(DictionaryToken owner, string key) => owner.TryGet(NameToken.Create(key), out var t) ? Resolve(t) as DictionaryToken ?? (Resolve(t) as StreamToken)?.StreamDictionary : null;
        var catalog = pdf.Structure.Catalog.CatalogDictionary;

        // The catalogue: metadata, title shown, language, tagged.
        var xmp = catalog.TryGet(NameToken.Create("Metadata"), out var metadataToken) && Resolve(metadataToken) is StreamToken metadata ? Decode(metadata) : "";
        if (!(xmp.Contains("<pdfuaid:part>1</pdfuaid:part>", StringComparison.Ordinal) || xmp.Contains("pdfuaid:part=\"1\"", StringComparison.Ordinal)) || !xmp.Contains("<dc:title>", StringComparison.Ordinal))
            failures.Add($"{Metadata}: {(xmp.Length == 0 ? "no metadata stream" : "no pdfuaid:part 1 or dc:title in it")}");
        if (Dict(catalog, "ViewerPreferences") is not { } preferences || !preferences.TryGet(NameToken.Create("DisplayDocTitle"), out var show) || Resolve(show) is not BooleanToken { Data: true })
            failures.Add($"{DisplayTitle}: /ViewerPreferences /DisplayDocTitle is not true");
        if (!catalog.TryGet(NameToken.Create("Lang"), out var lang) || Resolve(lang) is not StringToken { Data.Length: > 0 })
            failures.Add($"{Language}: the catalogue has no /Lang");
        var root = Dict(catalog, "StructTreeRoot");
        if (Dict(catalog, "MarkInfo") is not { } mark || !mark.TryGet(NameToken.Create("Marked"), out var marked) || Resolve(marked) is not BooleanToken { Data: true } || root is null)
            failures.Add($"{Tagged}: {(root is null ? "no structure tree" : "/MarkInfo /Marked is not true")}");

        // The structure tree: types, figures, tables.
        if (root is not null)
        {
            var roleMap = Dict(root, "RoleMap");
            string Role(string type)
            {
                for (var i = 0; i < 10 && !StandardTypes.Contains(type); i++)
                    if (roleMap is not null && roleMap.TryGet(NameToken.Create(type), out var mapped) && Resolve(mapped) is NameToken to) type = to.Data;
                    else break;
                return type;
            }
            var unmapped = new SortedSet<string>(StringComparer.Ordinal);
            var figures = 0;
            var seen = new HashSet<DictionaryToken>();
            void Walk(DictionaryToken element, int depth)
            {
                if (depth > 500 || !seen.Add(element)) return;
                if (element.TryGet(NameToken.Create("S"), out var s) && Resolve(s) is NameToken type)
                {
                    var role = Role(type.Data);
                    if (!StandardTypes.Contains(role)) unmapped.Add(type.Data);
                    if (role == "Figure")
                    {
                        figures++;
                        // A text string is a literal, or (with letters beyond Latin-1, such as Welsh ŵ) UTF-16 in hex.
                        string? Text(IToken? token) => Resolve(token) switch { StringToken s => s.Data, HexToken h => h.Data, _ => null };
                        var alt = element.TryGet(NameToken.Create("Alt"), out var a) ? Text(a) : null;
                        var actual = element.TryGet(NameToken.Create("ActualText"), out var t) ? Text(t) : null;
                        if (string.IsNullOrWhiteSpace(alt) && string.IsNullOrWhiteSpace(actual)) failures.Add($"{FigureAlt}: figure {figures} has none");
                    }
                    if (role == "Table") CheckTable(element, Role, Resolve, failures);
                    if (role is "L" or "LI")
                    {
                        var allowed = role == "L" ? new[] { "LI", "Caption" } : ["Lbl", "LBody"];
                        foreach (var kid in Kids(element, Resolve))
                        {
                            var kidType = kid is DictionaryToken d && !IsReference(d) && d.TryGet(NameToken.Create("S"), out var ks) && Resolve(ks) is NameToken kn ? Role(kn.Data) : "content";
                            if (!allowed.Contains(kidType)) failures.Add($"{Lists}: {(role == "L" ? "a list" : "a list item")} holds {kidType}");
                        }
                    }
                }
                foreach (var kid in Kids(element, Resolve))
                    if (kid is DictionaryToken child && !IsReference(child)) Walk(child, depth + 1);
            }
            Walk(root, 0);
            if (unmapped.Count > 0) failures.Add($"{Roles}: {string.Join(", ", unmapped)} not mapped");
        }

        foreach (var page in pdf.GetPages())
        {
            // Annotations: links say where they go; the tab order follows the structure.
            var dictionary = page.Dictionary;
            if (dictionary.TryGet(NameToken.Create("Annots"), out var annotsToken) && Resolve(annotsToken) is ArrayToken { Length: > 0 } annots)
            {
                if (!dictionary.TryGet(NameToken.Create("Tabs"), out var tabs) || Resolve(tabs) is not NameToken { Data: "S" })
                    failures.Add($"{TabOrder}: page {page.Number}");
                var links = annots.Data.Select(Resolve).OfType<DictionaryToken>().Where(a => a.TryGet(NameToken.Create("Subtype"), out var st) && Resolve(st) is NameToken { Data: "Link" }).ToList();
                var without = links.Count(l => !l.TryGet(NameToken.Create("Contents"), out var c) || Resolve(c) is not (StringToken { Data.Length: > 0 } or HexToken { Data.Length: > 0 }));
                if (without > 0) failures.Add($"{LinkContents}: {without} of {links.Count} links on page {page.Number} have none");
            }

            // Content: nothing painted outside marked content.
            var depth = 0;
            var untagged = 0;
            foreach (var operation in page.Operations)
            {
                var op = operation.Operator;
                if (op is "BMC" or "BDC") depth++;
                else if (op == "EMC") depth--;
                else if (depth == 0 && Painting.Contains(op)) untagged++;
            }
            if (untagged > 0) failures.Add($"{Artifacts}: {untagged} painting operations on page {page.Number} are neither tagged nor Artifacts");

            // Fonts: embedded, and mapped to Unicode.
            if (Dict(dictionary, "Resources") is { } resources && Dict(resources, "Font") is { } fonts)
                foreach (var (name, token) in fonts.Data)
                {
                    if (Resolve(token) is not DictionaryToken font) continue;
                    var subtype = font.TryGet(NameToken.Create("Subtype"), out var st) ? (Resolve(st) as NameToken)?.Data : null;
                    var descriptorOwner = font;
                    if (subtype == "Type0" && font.TryGet(NameToken.Create("DescendantFonts"), out var d) && Resolve(d) is ArrayToken { Length: > 0 } descendants && Resolve(descendants.Data[0]) is DictionaryToken descendant)
                        descriptorOwner = descendant;
                    var descriptor = Dict(descriptorOwner, "FontDescriptor");
                    var embedded = subtype == "Type3" || descriptor is not null && new[] { "FontFile", "FontFile2", "FontFile3" }.Any(k => descriptor.ContainsKey(NameToken.Create(k)));
                    if (!embedded) failures.Add($"{Fonts}: font {name} on page {page.Number} is not embedded");
                    if (!font.ContainsKey(NameToken.Create("ToUnicode"))) failures.Add($"{Fonts}: font {name} on page {page.Number} has no ToUnicode");
                }
        }
        return failures.Distinct().ToList();
    }

    private static bool IsReference(DictionaryToken kid) =>
        kid.TryGet(NameToken.Create("Type"), out var type) && type is NameToken { Data: "MCR" or "OBJR" };

    private static IEnumerable<IToken> Kids(DictionaryToken element, Func<IToken?, IToken?> resolve)
    {
        if (!element.TryGet(NameToken.Create("K"), out var k)) yield break;
        var kids = resolve(k);
        if (kids is ArrayToken array)
            foreach (var kid in array.Data) { if (resolve(kid) is { } value) yield return value; }
        else if (kids is not null) yield return kids;
    }

    /// <summary>Every row of the table (in THead, TBody, TFoot or directly) has the same number of cells, column spans counted.</summary>
    private static void CheckTable(DictionaryToken table, Func<string, string> role, Func<IToken?, IToken?> resolve, List<string> failures)
    {
        string Type(DictionaryToken e) => e.TryGet(NameToken.Create("S"), out var s) && resolve(s) is NameToken n ? role(n.Data) : "";
        var rows = new List<DictionaryToken>();
        foreach (var kid in Kids(table, resolve).OfType<DictionaryToken>())
        {
            var type = Type(kid);
            if (type == "TR") rows.Add(kid);
            else if (type is "THead" or "TBody" or "TFoot") rows.AddRange(Kids(kid, resolve).OfType<DictionaryToken>().Where(r => Type(r) == "TR"));
        }
        int Attribute(DictionaryToken cell, string name)
        {
            if (!cell.TryGet(NameToken.Create("A"), out var a)) return 1;
            var attributes = resolve(a) is ArrayToken list ? list.Data.Select(resolve).OfType<DictionaryToken>() : resolve(a) is DictionaryToken one ? [one] : [];
            foreach (var attribute in attributes)
                if (attribute.TryGet(NameToken.Create(name), out var span) && resolve(span) is NumericToken n) return Math.Max(1, n.Int);
            return 1;
        }
        // Each row's width: its own cells' column spans, and the cells of rows above that span down into it.
        var carried = new List<(int Columns, int Rows)>();
        var widths = new List<int>();
        foreach (var row in rows)
        {
            var cells = Kids(row, resolve).OfType<DictionaryToken>().Where(c => Type(c) is "TH" or "TD").ToList();
            widths.Add(cells.Sum(c => Attribute(c, "ColSpan")) + carried.Sum(c => c.Columns));
            carried = carried.Where(c => c.Rows > 1).Select(c => (c.Columns, c.Rows - 1))
                .Concat(cells.Where(c => Attribute(c, "RowSpan") > 1).Select(c => (Attribute(c, "ColSpan"), Attribute(c, "RowSpan") - 1))).ToList();
        }
        if (widths.Distinct().Count() > 1)
            failures.Add($"{TableRows}: a table's rows have {string.Join(", ", widths.Distinct())} cells");
    }

    private static string Decode(StreamToken stream)
    {
        var data = stream.Data.ToArray();
        if (stream.StreamDictionary.TryGet(NameToken.Create("Filter"), out var filter) && filter is NameToken { Data: "FlateDecode" })
        {
            using var inflated = new MemoryStream();
            using (var zlib = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress)) zlib.CopyTo(inflated);
            data = inflated.ToArray();
        }
        return Encoding.UTF8.GetString(data);
    }
}

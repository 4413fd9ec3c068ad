using System.Globalization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace ReportGen.Publishing;

/// <summary>
/// The page numbers of a printed report's contents (set.json <c>"contentsPages": true</c>). The browser cannot print
/// "page 19" beside a contents entry (it has no CSS <c>target-counter()</c>), but the PDF it prints has a named
/// destination for every element a link points to, on the page where that element is. So the report is printed with a
/// placeholder as wide as a page number, the destinations give each entry's page, and it is printed again with the
/// numbers; then again, should the numbers have moved a page break, until every number is the page of its entry.
/// </summary>
public static class ContentsPages
{
    /// <summary>Printed in the first pass where each number will go: as wide as any page number a report reaches.</summary>
    public const string Placeholder = "888";

    /// <summary>How many times the report is printed before the numbers must have settled.</summary>
    public const int MaximumPrints = 4;

    /// <summary>Each named destination of the PDF and the page (from 1) it is on.</summary>
    public static IReadOnlyDictionary<string, int> Destinations(string pdfPath)
    {
        using var pdf = PdfDocument.Open(pdfPath);
        IToken? Resolve(IToken? token) => token is IndirectReferenceToken r ? pdf.Structure.GetObject(r.Data).Data : token;
        var pages = PageReferences(pdf).Select((reference, index) => (reference, index + 1)).ToDictionary(p => p.reference, p => p.Item2);
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string name, IToken? value)
        {
            var destination = Resolve(value);
            if (destination is DictionaryToken withD && withD.TryGet(NameToken.Create("D"), out var d)) destination = Resolve(d);
            if (destination is ArrayToken { Length: > 0 } array && array.Data[0] is IndirectReferenceToken page && pages.TryGetValue(page.Data, out var number))
                found.TryAdd(name, number);
        }

        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        // PDF 1.1's /Dests dictionary, which the browser writes …
        if (catalog.TryGet(NameToken.Create("Dests"), out var dests) && Resolve(dests) is DictionaryToken dictionary)
            foreach (var (name, value) in dictionary.Data) Add(name, value);
        // … and PDF 1.2's name tree, which another printer might.
        if (catalog.TryGet(NameToken.Create("Names"), out var names) && Resolve(names) is DictionaryToken namesDictionary
            && namesDictionary.TryGet(NameToken.Create("Dests"), out var tree) && Resolve(tree) is DictionaryToken root)
        {
            void Walk(DictionaryToken node, int depth)
            {
                if (depth > 32) return;
                if (node.TryGet(NameToken.Create("Names"), out var pairs) && Resolve(pairs) is ArrayToken list)
                    for (var i = 0; i + 1 < list.Length; i += 2)
                        if (Resolve(list.Data[i]) is StringToken key) Add(key.Data, list.Data[i + 1]);
                if (node.TryGet(NameToken.Kids, out var kids) && Resolve(kids) is ArrayToken children)
                    foreach (var kid in children.Data)
                        if (Resolve(kid) is DictionaryToken child) Walk(child, depth + 1);
            }
            Walk(root, 0);
        }
        return found;
    }

    /// <summary>
    /// The numbers to print for <paramref name="places"/> (the ids the contents numbers), from where the last print put
    /// each id: an id with no destination (an entry whose target the PDF does not print) gets no number.
    /// </summary>
    public static Dictionary<string, string> Numbers(IEnumerable<string> places, IReadOnlyDictionary<string, int> destinations) =>
        places.Distinct(StringComparer.Ordinal)
            .ToDictionary(id => id, id => destinations.TryGetValue(id, out var page) ? page.ToString(CultureInfo.InvariantCulture) : "", StringComparer.Ordinal);

    /// <summary>The indirect references of a PDF's pages, in order, from its page tree.</summary>
    public static List<IndirectReference> PageReferences(PdfDocument pdf)
    {
        var pages = new List<IndirectReference>();
        void Walk(IToken token, int depth)
        {
            if (depth > 64 || token is not IndirectReferenceToken r || pdf.Structure.GetObject(r.Data).Data is not DictionaryToken d) return;
            if (d.TryGet(NameToken.Type, out var type) && type is NameToken { Data: "Page" }) { pages.Add(r.Data); return; }
            if (d.TryGet(NameToken.Kids, out var kids) && (kids is IndirectReferenceToken kr ? pdf.Structure.GetObject(kr.Data).Data : kids) is ArrayToken array)
                foreach (var kid in array.Data) Walk(kid, depth + 1);
        }
        if (pdf.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Pages, out var root)) Walk(root, 0);
        return pages;
    }
}

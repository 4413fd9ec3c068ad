#!/usr/bin/env python3
"""Independent hand-check of three published figures in the Northumbria
Joint Equality Objectives report.

Reads the source .xlsx workbooks directly as zip archives of XML, using only
the Python standard library (zipfile, xml.etree.ElementTree, datetime, math).
No ReportGen code, configuration or output is used to compute anything; the
published CSVs are only read afterwards, optionally, for comparison.

Run from the repository root:

    python3 tests/handcheck/northumbria.py

Optional: pass the directory holding the tool's published CSVs to compare,
e.g. /tmp/handcheck-out/northumbria/joint-equality-objectives/data
(that directory is also tried by default if it exists).
"""

import datetime
import math
import os
import sys
import zipfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
DATA = os.path.join(REPO, "content", "northumbria", "joint-equality-objectives", "data")
DEFAULT_PUBLISHED = "/tmp/handcheck-out/northumbria/joint-equality-objectives/data"

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_REL_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
M = "{%s}" % NS_MAIN

EXCEL_EPOCH = datetime.date(1899, 12, 30)  # serial day 0


# ---------------------------------------------------------------------------
# Minimal .xlsx reader
# ---------------------------------------------------------------------------

def _parse(zf, name):
    data = zf.read(name)
    return ET.fromstring(data)  # ET copes with a UTF-8 BOM in bytes input


def _string_item_text(si):
    """Text of a shared-string <si> (plain <t> or rich-text runs <r><t>),
    ignoring phonetic runs (<rPh>)."""
    parts = []
    for child in si:
        if child.tag == M + "t":
            parts.append(child.text or "")
        elif child.tag == M + "r":
            for t in child.findall(M + "t"):
                parts.append(t.text or "")
    return "".join(parts)


def _col_index(ref):
    """'C12' -> 2 (zero-based column)."""
    n = 0
    for ch in ref:
        if ch.isalpha():
            n = n * 26 + (ord(ch.upper()) - ord("A") + 1)
        else:
            break
    return n - 1


def _resolve_target(target):
    if target.startswith("/"):
        return target.lstrip("/")
    # relative to xl/
    parts = []
    for p in ("xl/" + target).split("/"):
        if p == "..":
            if parts:
                parts.pop()
        elif p and p != ".":
            parts.append(p)
    return "/".join(parts)


def read_sheet(path, sheet_name):
    """Return the sheet as a list of (row_number, [cell values]).

    Values: str for shared/inline/formula strings, float for numbers,
    bool for booleans, None for empty cells.
    """
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        shared = []
        if "xl/sharedStrings.xml" in names:
            sst = _parse(zf, "xl/sharedStrings.xml")
            shared = [_string_item_text(si) for si in sst.findall(M + "si")]

        wb = _parse(zf, "xl/workbook.xml")
        rels = _parse(zf, "xl/_rels/workbook.xml.rels")
        rel_targets = {r.get("Id"): r.get("Target")
                       for r in rels.findall("{%s}Relationship" % NS_REL_PKG)}
        rid = None
        available = []
        for sh in wb.find(M + "sheets").findall(M + "sheet"):
            available.append(sh.get("name"))
            if sh.get("name") == sheet_name:
                rid = sh.get("{%s}id" % NS_REL_DOC)
        if rid is None:
            raise SystemExit("%s: no sheet %r (has %r)" % (path, sheet_name, available))
        sheet_xml = _resolve_target(rel_targets[rid])
        root = _parse(zf, sheet_xml)

    rows = []
    sheet_data = root.find(M + "sheetData")
    next_row = 1
    for row in sheet_data.findall(M + "row"):
        rnum = int(row.get("r")) if row.get("r") else next_row
        next_row = rnum + 1
        values = []
        next_col = 0
        for c in row.findall(M + "c"):
            ref = c.get("r")
            col = _col_index(ref) if ref else next_col
            next_col = col + 1
            t = c.get("t", "n")
            v = c.find(M + "v")
            vtext = v.text if v is not None else None
            if t == "s":
                val = shared[int(vtext)] if vtext not in (None, "") else None
            elif t == "inlineStr":
                is_ = c.find(M + "is")
                val = _string_item_text(is_) if is_ is not None else None
            elif t == "str":
                val = vtext
            elif t == "b":
                val = None if vtext is None else (vtext.strip() == "1")
            elif t == "e":
                val = vtext  # error text such as '#N/A'
            elif t == "d":
                val = vtext  # ISO 8601 date text
            else:  # 'n' or absent
                val = float(vtext) if vtext not in (None, "") else None
            while len(values) <= col:
                values.append(None)
            values[col] = val
        rows.append((rnum, values))
    return rows


def _blank(v):
    return v is None or (isinstance(v, str) and v.strip() == "")


def _norm_header(v):
    return " ".join(str(v).split()) if not _blank(v) else ""


def read_table(path, sheet_name, required_headers):
    """Find the header row (the first row containing every required header),
    then return (header list, list of dict rows). Blank rows are skipped;
    reading stops at a row whose first non-blank cell starts with
    'Notes', 'Note:' or 'Source'."""
    rows = read_sheet(path, sheet_name)
    header_idx = None
    for i, (rnum, vals) in enumerate(rows):
        names = [_norm_header(v) for v in vals]
        if all(h in names for h in required_headers):
            header_idx = i
            break
    if header_idx is None:
        raise SystemExit("%s/%s: header row with %r not found"
                         % (os.path.basename(path), sheet_name, required_headers))
    hrow, hvals = rows[header_idx]
    headers = [_norm_header(v) for v in hvals]
    records = []
    stopped_at = None
    for rnum, vals in rows[header_idx + 1:]:
        nonblank = [v for v in vals if not _blank(v)]
        if not nonblank:
            continue
        first = str(nonblank[0]).strip()
        if first.startswith("Notes") or first.startswith("Note:") or first.startswith("Source"):
            stopped_at = (rnum, first[:60])
            break
        rec = {"_row": rnum}
        for j, h in enumerate(headers):
            if h:
                rec[h] = vals[j] if j < len(vals) else None
        records.append(rec)
    print("  [%s / %s] header at row %d; %d data rows%s"
          % (os.path.basename(path), sheet_name, hrow, len(records),
             "; stopped at row %d (%r...)" % stopped_at if stopped_at else ""))
    return headers, records


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

def round_half_away(x, dp=1):
    """Round half away from zero. A tiny tolerance absorbs binary
    floating-point representation error (e.g. 2.35 stored as 2.34999...)."""
    f = 10 ** dp
    y = abs(x) * f
    r = math.floor(y + 0.5 + 1e-9) / f
    return math.copysign(r, x) if x != 0 else 0.0


def fmt1(x):
    return "%.1f" % round_half_away(x, 1)


def text(v):
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def to_int(v):
    """Counts may be stored as numbers or as text with thousands separators."""
    if isinstance(v, float):
        return int(round(v))
    s = str(v).strip().replace(",", "").replace("\u00a0", "").replace(" ", "")
    return int(float(s))


def to_date(v):
    """Excel serial (day 0 = 1899-12-30) or date text -> datetime.date.
    Returns (date, how) where how is 'serial' or 'text'."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return None, "blank"
    if isinstance(v, float):
        return EXCEL_EPOCH + datetime.timedelta(days=int(math.floor(v))), "serial"
    s = str(v).strip()
    for fmt in ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y", "%d/%m/%Y %H:%M",
                "%d-%m-%Y", "%d %B %Y", "%d %b %Y", "%d-%b-%Y", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(s, fmt).date(), "text"
        except ValueError:
            pass
    try:  # serial number held as text
        return EXCEL_EPOCH + datetime.timedelta(days=int(math.floor(float(s)))), "text-serial"
    except ValueError:
        return None, "unparsed"


def show_counts(title, counts, extra=None):
    print("  %s:" % title)
    width = max([len(repr(k)) for k in counts] + [10])
    for k in sorted(counts, key=lambda k: (-counts[k], str(k))):
        line = "    %-*s %6d" % (width, repr(k), counts[k])
        if extra and k in extra:
            line += "   -> " + extra[k]
        print(line)


# ---------------------------------------------------------------------------
# Ethnicity classification (self-defined, 2011 Census 18+1 style labels)
# ---------------------------------------------------------------------------

NOT_STATED_WORDS = ("not stated", "not known", "unknown", "prefer not", "refused",
                    "not recorded", "not given", "declined", "withheld")
NOT_STATED_EXACT = ("n/a", "na", "-", "?", "none")


def classify_ethnicity(label):
    """Map a free ethnicity label to White / Black / Asian / Mixed / Other /
    Not stated. Order matters: Mixed is tested before White/Black/Asian
    because Mixed labels name them ('White and Black Caribbean')."""
    if label is None:
        return "Not stated"
    s = " ".join(str(label).split())
    low = s.lower()
    # Phrases are matched as substrings, short codes only as the whole label
    # (a substring test for 'n/a' would wrongly catch 'Asian/Asian British').
    if low == "" or low in NOT_STATED_EXACT or any(w in low for w in NOT_STATED_WORDS):
        return "Not stated"
    # Codes such as 'W1 - White British', 'M1 - ...' are classified on the text.
    if "mixed" in low or "multiple" in low or low.startswith("white and "):
        return "Mixed"
    if low.startswith("white"):
        return "White"
    if low.startswith("black"):
        return "Black"
    if low.startswith("asian") or "chinese" in low or low in (
            "indian", "pakistani", "bangladeshi"):
        return "Asian"
    if low.startswith("other") or low.startswith("any other") or "arab" in low:
        return "Other"
    # Labels with a code prefix, e.g. 'W1 - White British' or 'B2 - Black African'
    if " - " in s:
        return classify_ethnicity(s.split(" - ", 1)[1])
    return "UNCLASSIFIED"


# ---------------------------------------------------------------------------
# Figure 1: PACE stop and search, Black rate per 1,000 and ratio to White
# ---------------------------------------------------------------------------

def figure1():
    print("=" * 78)
    print("FIGURE 1. Stop and search under PACE s1: Black rate per 1,000, ratio to White")
    print("=" * 78)

    # Census population
    _, census = read_table(os.path.join(DATA, "census-population.xlsx"), "QS201EW",
                           ["Ethnic group (detailed)", "Usual residents"])
    pop = {}
    print("  Census 2011 rows (detailed group -> broad class, residents):")
    last_broad = None
    for r in census:
        detailed = text(r.get("Ethnic group (detailed)")).strip()
        broad_cell = text(r.get("Ethnic group")).strip() if "Ethnic group" in r else ""
        if broad_cell:
            last_broad = broad_cell  # merged cell: only first row holds the value
        if not detailed:
            # total row or similar: print and skip
            print("    (skipped: %r / %r = %r)" % (broad_cell, detailed, text(r.get("Usual residents"))))
            continue
        n = to_int(r.get("Usual residents"))
        # Classify on the broad heading (merged cell) since detailed labels
        # such as 'Irish', 'African', 'Other Black' are ambiguous on their own.
        b = (last_broad or "").lower()
        if b.startswith("white"):
            cls = "White"
        elif b.startswith("mixed"):
            cls = "Mixed"
        elif b.startswith("asian"):
            cls = "Asian"
        elif b.startswith("black"):
            cls = "Black"
        elif b.startswith("other"):
            cls = "Other"
        else:
            cls = "UNCLASSIFIED(%s)" % last_broad
        pop[cls] = pop.get(cls, 0) + n
        print("    %-28s %-50s %10s -> %s" % (last_broad[:28], detailed[:50], "{:,}".format(n), cls))
    print("  Census sums: " + ", ".join("%s=%s" % (k, "{:,}".format(v)) for k, v in sorted(pop.items())))
    print("  Expected from brief: Black = 9,006, White = 1,343,747 -> %s"
          % ("agree" if pop.get("Black") == 9006 and pop.get("White") == 1343747 else "DISAGREE"))

    # Stop and search records
    _, stops = read_table(os.path.join(DATA, "stop-search.xlsx"), "Stops",
                          ["Legislation", "Self-defined ethnicity"])
    leg_counts = {}
    for r in stops:
        k = text(r.get("Legislation"))
        leg_counts[k] = leg_counts.get(k, 0) + 1
    show_counts("Legislation values (all stops)", leg_counts)

    pace_label = "Police and Criminal Evidence Act 1984 (section 1)"
    pace = [r for r in stops if text(r.get("Legislation")) == pace_label]
    near = [k for k in leg_counts if "criminal evidence" in k.lower() and k != pace_label]
    if near:
        print("  NOTE: near-miss PACE labels NOT kept (exact match required): %r" % near)
    print("  PACE s1 stops kept: %d" % len(pace))

    eth_counts = {}
    for r in pace:
        k = text(r.get("Self-defined ethnicity"))
        eth_counts[k] = eth_counts.get(k, 0) + 1
    cls_of = {k: classify_ethnicity(k) for k in eth_counts}
    show_counts("Self-defined ethnicity labels among PACE stops (label -> class)",
                eth_counts, cls_of)
    by_class = {}
    for k, n in eth_counts.items():
        by_class[cls_of[k]] = by_class.get(cls_of[k], 0) + n
    print("  PACE stops by class: " + ", ".join("%s=%d" % kv for kv in sorted(by_class.items()))
          + "; total %d" % sum(by_class.values()))
    if "UNCLASSIFIED" in by_class:
        print("  WARNING: some labels were not classified")

    black_n = by_class.get("Black", 0)
    white_n = by_class.get("White", 0)
    black_pop = pop.get("Black", 0)
    white_pop = pop.get("White", 0)
    black_rate = 1000.0 * black_n / black_pop
    white_rate = 1000.0 * white_n / white_pop
    ratio = black_rate / white_rate
    print("  Black rate = 1000 x %d / %d = %.6f -> %s" % (black_n, black_pop, black_rate, fmt1(black_rate)))
    print("  White rate = 1000 x %d / %d = %.6f -> %s" % (white_n, white_pop, white_rate, fmt1(white_rate)))
    print("  Ratio Black/White = %.6f -> %s" % (ratio, fmt1(ratio)))
    return {
        "black_n": black_n, "white_n": white_n, "black_pop": black_pop, "white_pop": white_pop,
        "rate": fmt1(black_rate), "ratio": fmt1(ratio), "pace_total": len(pace),
    }


# ---------------------------------------------------------------------------
# Figure 2: victim satisfaction gap White minus BME
# ---------------------------------------------------------------------------

SATISFIED = ("Completely satisfied", "Very satisfied", "Fairly satisfied")


def figure2():
    print("=" * 78)
    print("FIGURE 2. Victim satisfaction, White minus BME (percentage points), 95% interval")
    print("=" * 78)
    sat_col = "Overall satisfaction with the service"
    _, resp = read_table(os.path.join(DATA, "victim-survey.xlsx"), "Responses",
                         [sat_col, "Ethnicity"])

    sat_counts = {}
    for r in resp:
        k = text(r.get(sat_col))
        sat_counts[k] = sat_counts.get(k, 0) + 1
    show_counts("Overall satisfaction values (all responses)", sat_counts,
                {k: ("satisfied" if k.strip() in SATISFIED else "not satisfied") for k in sat_counts})
    odd = [k for k in sat_counts if k.strip() in SATISFIED and k != k.strip()]
    if odd:
        print("  NOTE: satisfied values with stray spaces (counted as satisfied): %r" % odd)

    eth_counts = {}
    for r in resp:
        k = text(r.get("Ethnicity"))
        eth_counts[k] = eth_counts.get(k, 0) + 1
    cls_of = {}
    for k in eth_counts:
        c = classify_ethnicity(k)
        cls_of[k] = c
    group_of = {k: ("White" if c == "White" else "Not stated" if c == "Not stated"
                    else "BME" if c != "UNCLASSIFIED" else "UNCLASSIFIED")
                for k, c in cls_of.items()}
    show_counts("Ethnicity labels (label -> class -> group)", eth_counts,
                {k: "%s -> %s" % (cls_of[k], group_of[k]) for k in eth_counts})

    tally = {}
    for r in resp:
        g = group_of[text(r.get("Ethnicity"))]
        n, s = tally.get(g, (0, 0))
        sat = text(r.get(sat_col)).strip() in SATISFIED
        tally[g] = (n + 1, s + (1 if sat else 0))
    for g in ("White", "BME", "Not stated", "UNCLASSIFIED"):
        if g in tally:
            n, s = tally[g]
            print("  %-11s responses=%5d satisfied=%5d  %% = %.6f" % (g, n, s, 100.0 * s / n))
    total_n = sum(v[0] for v in tally.values())
    total_s = sum(v[1] for v in tally.values())
    print("  All        responses=%5d satisfied=%5d" % (total_n, total_s))

    n1, s1 = tally["White"]
    n2, s2 = tally["BME"]
    p1, p2 = s1 / n1, s2 / n2
    gap = 100.0 * (p1 - p2)
    half = 1.959964 * math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2) * 100.0
    print("  Gap = %.6f - %.6f = %.6f pp -> %s" % (100 * p1, 100 * p2, gap, fmt1(gap)))
    print("  95%% half-width = 1.959964 x sqrt(p1(1-p1)/n1 + p2(1-p2)/n2) x 100 = %.6f -> %s"
          % (half, fmt1(half)))
    return {"n1": n1, "s1": s1, "n2": n2, "s2": s2, "gap": fmt1(gap), "half": fmt1(half),
            "pct1": fmt1(100 * p1), "pct2": fmt1(100 * p2)}


# ---------------------------------------------------------------------------
# Figure 3: female share of officer recruits 2016/17
# ---------------------------------------------------------------------------

def norm_sex(v):
    s = " ".join(text(v).split()).lower()
    if s in ("female", "f", "woman", "women"):
        return "Female"
    if s in ("male", "m", "man", "men"):
        return "Male"
    return "Not stated"


def figure3():
    print("=" * 78)
    print("FIGURE 3. Female share of police officers who joined 1 Apr 2016 - 31 Mar 2017")
    print("=" * 78)
    _, staff = read_table(os.path.join(DATA, "hr-extract.xlsx"), "Workforce",
                          ["Role", "Start Date", "Sex"])
    role_counts = {}
    for r in staff:
        k = text(r.get("Role"))
        role_counts[k] = role_counts.get(k, 0) + 1
    show_counts("Role values (all rows)", role_counts)
    near = [k for k in role_counts if k != "Police Officer" and k.strip().lower() == "police officer"]
    if near:
        print("  NOTE: role values differing from 'Police Officer' only in case/space, NOT kept: %r" % near)

    officers = [r for r in staff if text(r.get("Role")) == "Police Officer"]
    print("  Rows with Role = 'Police Officer': %d" % len(officers))
    all_sex = {}
    for r in officers:
        k = text(r.get("Sex"))
        all_sex[k] = all_sex.get(k, 0) + 1
    show_counts("Distinct Sex values among all police officers", all_sex,
                {k: norm_sex(k) for k in all_sex})

    start, end = datetime.date(2016, 4, 1), datetime.date(2017, 3, 31)
    how_counts = {}
    unparsed = []
    recruits = []
    edge = {"2016-03-31": 0, "2016-04-01": 0, "2017-03-31": 0, "2017-04-01": 0}
    for r in officers:
        d, how = to_date(r.get("Start Date"))
        how_counts[how] = how_counts.get(how, 0) + 1
        if d is None:
            if how == "unparsed":
                unparsed.append(r.get("Start Date"))
            continue
        if d.isoformat() in edge:
            edge[d.isoformat()] += 1
        if start <= d <= end:
            recruits.append(r)
    print("  Start Date cell kinds among officers: %r" % how_counts)
    if unparsed:
        print("  WARNING: unparsed Start Date values: %r" % unparsed[:10])
    print("  Officers starting on boundary days: %r" % edge)
    print("  Officer recruits in 2016/17 (inclusive): %d" % len(recruits))
    if recruits:
        ds = sorted(to_date(r.get("Start Date"))[0] for r in recruits)
        print("  Earliest / latest recruit start date: %s / %s" % (ds[0], ds[-1]))
    # Sensitivity: how many would be counted if the serial epoch were off by a day
    for shift in (-1, 1):
        n = 0
        for r in officers:
            d, _ = to_date(r.get("Start Date"))
            if d is not None and start <= d + datetime.timedelta(days=shift) <= end:
                n += 1
        print("  (sensitivity) dates shifted %+d day: %d recruits" % (shift, n))

    sex_counts = {}
    for r in recruits:
        k = text(r.get("Sex"))
        sex_counts[k] = sex_counts.get(k, 0) + 1
    show_counts("Distinct Sex values among recruits (repr shows stray spaces)", sex_counts,
                {k: norm_sex(k) for k in sex_counts})
    by = {"Female": 0, "Male": 0, "Not stated": 0}
    for k, n in sex_counts.items():
        by[norm_sex(k)] += n
    women, men = by["Female"], by["Male"]
    pct = 100.0 * women / (women + men)
    print("  Women=%d Men=%d Not stated=%d Total recruits=%d" % (women, men, by["Not stated"], len(recruits)))
    print("  %% women = 100 x %d / %d = %.6f -> %s" % (women, women + men, pct, fmt1(pct)))
    return {"women": women, "men": men, "ns": by["Not stated"], "total": len(recruits),
            "pct": fmt1(pct)}


# ---------------------------------------------------------------------------
# Comparison with the published CSVs (read only after computing)
# ---------------------------------------------------------------------------

def read_csv_simple(path):
    """Tiny RFC 4180 CSV reader (quoted fields, doubled quotes)."""
    with open(path, encoding="utf-8-sig") as fh:
        data = fh.read()
    rows, row, field, q, i = [], [], "", False, 0
    while i < len(data):
        ch = data[i]
        if q:
            if ch == '"':
                if i + 1 < len(data) and data[i + 1] == '"':
                    field += '"'
                    i += 1
                else:
                    q = False
            else:
                field += ch
        else:
            if ch == '"':
                q = True
            elif ch == ",":
                row.append(field)
                field = ""
            elif ch == "\n" or ch == "\r":
                if ch == "\r" and i + 1 < len(data) and data[i + 1] == "\n":
                    i += 1
                row.append(field)
                rows.append(row)
                row, field = [], ""
            else:
                field += ch
        i += 1
    if field or row:
        row.append(field)
        rows.append(row)
    header = rows[0]
    return [dict(zip(header, r)) for r in rows[1:] if any(r)]


def published_value(pub_dir, fname, first_col_value, column):
    path = os.path.join(pub_dir, fname)
    if not os.path.exists(path):
        return None
    rows = read_csv_simple(path)
    for r in rows:
        if list(r.values())[0] == first_col_value:
            return r.get(column)
    return None


def main():
    pub_dir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_PUBLISHED
    print("Source data: %s" % DATA)
    f1 = figure1()
    f2 = figure2()
    f3 = figure3()

    checks = [
        ("1a Black PACE stop rate per 1,000", f1["rate"],
         "Black %d / pop %d" % (f1["black_n"], f1["black_pop"]),
         ("stop-search-pace-rate.csv", "Black", "Rate per 1,000 people")),
        ("1b Black:White PACE rate ratio", f1["ratio"],
         "White %d / pop %d" % (f1["white_n"], f1["white_pop"]),
         ("stop-search-pace-rate.csv", "Black", "Times as likely as White people")),
        ("2a Satisfaction gap White-BME (pp)", f2["gap"],
         "White %d/%d (%s%%), BME %d/%d (%s%%)" % (f2["s1"], f2["n1"], f2["pct1"],
                                                  f2["s2"], f2["n2"], f2["pct2"]),
         ("victim-satisfaction-bme.csv", "Black, Asian and minority ethnic",
          "White minus group (percentage points)")),
        ("2b 95% interval of gap (+/-)", f2["half"], "same counts",
         ("victim-satisfaction-bme.csv", "Black, Asian and minority ethnic",
          "95% interval of the difference (±)")),
        ("3a Female % of officer recruits", f3["pct"],
         "F %d, M %d, not stated %d" % (f3["women"], f3["men"], f3["ns"]),
         ("officer-recruits-sex.csv", "Female", "Percentage")),
        ("3b Officer recruits 2016/17 (total)", str(f3["total"]),
         "Role=Police Officer, start 2016-04-01..2017-03-31",
         ("officer-recruits-sex.csv", "Total", "Number")),
    ]
    have_pub = os.path.isdir(pub_dir)
    print("=" * 78)
    print("SUMMARY" + ("  (published CSVs: %s)" % pub_dir if have_pub else "  (no published CSVs found)"))
    print("=" * 78)
    print("%-37s %8s %10s  %-6s %s" % ("Figure", "Mine", "Published", "Match", "Counts"))
    all_ok = True
    for name, mine, counts, (fname, rowkey, col) in checks:
        pub = published_value(pub_dir, fname, rowkey, col) if have_pub else None
        if pub is None:
            match = "-"
        else:
            match = "yes" if pub.strip() == mine else "NO"
            all_ok = all_ok and match == "yes"
        print("%-37s %8s %10s  %-6s %s" % (name, mine, pub if pub is not None else "n/a", match, counts))
    if have_pub:
        print("All figures match exactly." if all_ok else "Some figures DIFFER - see above.")
    return 0 if (all_ok or not have_pub) else 1


if __name__ == "__main__":
    sys.exit(main())

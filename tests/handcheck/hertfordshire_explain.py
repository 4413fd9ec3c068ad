#!/usr/bin/env python3
"""Independent hand-check of the audit trail of the Hertfordshire 2016/17
sample edition: does `reportgen explain` lead to the exact workbook cells?

For four figures (three checks):

  1. workforce-ethnicity:black:all-count      (data/hr-extract.xlsx, filter
                                               leaving_date: blank; withheld)
  2. stop-search-rate:black:count and         (data/stop-search.xlsx and
     stop-search-rate:black:rate               data/census-population.xlsx)
  3. recruitment-ethnicity:black:successes    (data/recruitment.xlsx)
     and recruitment-ethnicity:black:candidates

it (a) checks each workbook's SHA-256 against the audit trail; (b) opens the
workbook as a zip archive, resolves the sheet name to its XML part through
xl/workbook.xml and xl/_rels/workbook.xml.rels, reads the shared strings, and
finds the header row and the columns by the header texts that data.yaml
declares (not by the audit's letters), then compares its letters with the
audit's; (c) selects every data row that satisfies the table's filter from
statistics.yaml and whose rows-field cell classifies to the figure's row,
printing every distinct raw value and how it was classified, and compares the
set of sheet rows with the audit's "rows" exactly and the count with the
audit's valueBeforeControl; (d) prints the cells of the first rows it found;
(e) compares with the published CSV (via figure-ids.csv), "!" for withheld.

Only the Python 3 standard library is used (zipfile, xml.etree.ElementTree,
json, hashlib, datetime, re, sys, os). No ReportGen code is used to compute
anything: data.yaml and statistics.yaml are read with a small YAML-subset
reader below, the workbooks with a small xlsx reader below, and the audit
trail and published CSVs are only compared with.

Run from the repository root (after a build with its audit trail, e.g.
`reportgen build content/hertfordshire/2016-17 --out /tmp/o2 --format html`):

    python3 tests/handcheck/hertfordshire_explain.py [AUDIT_DIR [BUILT_DIR]]

AUDIT_DIR defaults to /tmp/o2/audit/hertfordshire/2016-17 and BUILT_DIR to
/tmp/o2/hertfordshire/2016-17. Exit status 0 when everything agrees, 1 on
any mismatch, 2 when an input is missing.
"""

import datetime
import hashlib
import json
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
EDITION = os.path.join(REPO, "content", "hertfordshire", "2016-17")
DEFAULT_AUDIT = "/tmp/o2/audit/hertfordshire/2016-17"
DEFAULT_BUILT = "/tmp/o2/hertfordshire/2016-17"

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_REL_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
M = "{%s}" % NS_MAIN
EXCEL_EPOCH = datetime.date(1899, 12, 30)  # serial day 0 (1900 date system)
FIRST_ROWS = 5  # how many selected rows to print cell by cell


class InputMissing(Exception):
    pass


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------

RESULTS = []  # (figure, item, expected, found, ok)


def record(figure, item, expected, found, ok=None):
    if ok is None:
        ok = expected == found
    RESULTS.append((figure, item, expected, found, bool(ok)))
    print("    [%s] %s: audit/published %s, hand-check %s"
          % ("ok" if ok else "MISMATCH", item, short(expected), short(found)))
    return ok


def short(v, width=60):
    s = v if isinstance(v, str) else repr(v)
    return s if len(s) <= width else s[:width - 3] + "..."


# ---------------------------------------------------------------------------
# A reader for the subset of YAML used by data.yaml and statistics.yaml:
# block mappings and sequences, flow {..} and [..], plain or quoted scalars,
# comments. Enough for these two files; anything else raises.
# ---------------------------------------------------------------------------

KEY_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_\-]*)\s*:(?:\s+(.*))?$")


def _strip_comment(line):
    quote = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'" and (i == 0 or line[i - 1] in " [{,:"):
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip()
    return line.rstrip()


def _split_flow(s):
    parts, depth, quote, cur = [], 0, None, ""
    for ch in s:
        if quote:
            cur += ch
            if ch == quote:
                quote = None
            continue
        if ch in "\"'":
            quote = ch
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
            continue
        cur += ch
    if cur.strip():
        parts.append(cur.strip())
    return parts


def yaml_scalar(s):
    s = s.strip()
    if s.startswith("{") and s.endswith("}"):
        out = {}
        for part in _split_flow(s[1:-1]):
            m = KEY_RE.match(part)
            if not m:
                raise ValueError("flow mapping item %r" % part)
            out[m.group(1)] = yaml_scalar(m.group(2) or "")
        return out
    if s.startswith("[") and s.endswith("]"):
        return [yaml_scalar(p) for p in _split_flow(s[1:-1])]
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "\"'":
        return s[1:-1]
    if s in ("true", "false"):
        return s == "true"
    if s in ("", "~", "null"):
        return None
    if re.match(r"^-?\d+$", s):
        return int(s)
    return s


def parse_yaml(text):
    lines = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = _strip_comment(raw.replace("\t", "    "))
        if line.strip():
            lines.append([len(line) - len(line.lstrip(" ")), line.strip(), n])

    def block(i, indent):
        if lines[i][1].startswith("- ") or lines[i][1] == "-":
            return seq(i, indent)
        return mapping(i, indent)

    def seq(i, indent):
        out = []
        while i < len(lines) and lines[i][0] == indent and \
                (lines[i][1].startswith("- ") or lines[i][1] == "-"):
            rest = lines[i][1][1:].strip()
            if rest and KEY_RE.match(rest):
                lines[i] = [indent + 2, rest, lines[i][2]]  # "- key: v" opens a mapping
                item, i = mapping(i, indent + 2)
            elif rest:
                item, i = yaml_scalar(rest), i + 1
            else:
                i += 1
                item, i = block(i, lines[i][0])
            out.append(item)
        return out, i

    def mapping(i, indent):
        out = {}
        while i < len(lines) and lines[i][0] == indent:
            m = KEY_RE.match(lines[i][1])
            if not m:
                if lines[i][1].startswith("- "):
                    break
                raise ValueError("YAML line %d: %r" % (lines[i][2], lines[i][1]))
            key, val = m.group(1), m.group(2)
            i += 1
            if val is not None and val != "":
                out[key] = yaml_scalar(val)
            elif i < len(lines) and (lines[i][0] > indent or
                                     (lines[i][0] == indent and lines[i][1].startswith("- "))):
                out[key], i = block(i, lines[i][0])
            else:
                out[key] = None
        return out, i

    obj, i = block(0, lines[0][0])
    if i != len(lines):
        raise ValueError("YAML line %d not understood: %r" % (lines[i][2], lines[i][1]))
    return obj


# ---------------------------------------------------------------------------
# A minimal .xlsx reader
# ---------------------------------------------------------------------------

class Cell(object):
    __slots__ = ("ref", "kind", "value", "style")

    def __init__(self, ref, kind, value, style):
        self.ref, self.kind, self.value, self.style = ref, kind, value, style


class Sheet(object):
    def __init__(self, path, name, part, rows, merges, date_styles):
        self.path, self.name, self.part = path, name, part
        self.rows = rows            # {row number: {column letters: Cell}}
        self.merges = merges        # [(c1, r1, c2, r2)] zero-based columns
        self.date_styles = date_styles

    def cell(self, row, col):
        return self.rows.get(row, {}).get(col)

    def merged_value(self, row, col):
        """Value shown in a cell, taking merged ranges into account."""
        c = self.cell(row, col)
        if not is_blank(c):
            return c
        ci = col_index(col)
        for (c1, r1, c2, r2) in self.merges:
            if r1 <= row <= r2 and c1 <= ci <= c2:
                return self.cell(r1, col_letters(c1))
        return c


def _si_text(si):
    """Text of a <si> or <is>: plain <t> or rich-text runs <r><t>; phonetic
    runs <rPh> are not part of the text."""
    parts = []
    for child in si:
        if child.tag == M + "t":
            parts.append(child.text or "")
        elif child.tag == M + "r":
            for t in child.findall(M + "t"):
                parts.append(t.text or "")
    return "".join(parts)


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch.upper()) - 64)
    return n - 1


def col_letters(index):
    s, n = "", index + 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def _part_name(target):
    if target.startswith("/"):
        return target[1:]
    parts = []
    for p in ("xl/" + target).split("/"):
        if p == "..":
            parts.pop()
        elif p and p != ".":
            parts.append(p)
    return "/".join(parts)


BUILTIN_DATE_FORMATS = set(range(14, 23)) | {45, 46, 47}


def _date_styles(zf, names):
    if "xl/styles.xml" not in names:
        return set()
    st = ET.fromstring(zf.read("xl/styles.xml"))
    custom = {}
    fmts = st.find(M + "numFmts")
    if fmts is not None:
        for f in fmts.findall(M + "numFmt"):
            code = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", f.get("formatCode") or "")
            custom[int(f.get("numFmtId"))] = bool(re.search(r"[dmyhs]", code, re.I))
    out = set()
    xfs = st.find(M + "cellXfs")
    if xfs is not None:
        for i, xf in enumerate(xfs.findall(M + "xf")):
            fid = int(xf.get("numFmtId") or 0)
            if custom.get(fid, fid in BUILTIN_DATE_FORMATS):
                out.add(i)
    return out


def read_sheet(path, sheet_name):
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        shared = []
        if "xl/sharedStrings.xml" in names:
            sst = ET.fromstring(zf.read("xl/sharedStrings.xml"))
            shared = [_si_text(si) for si in sst.findall(M + "si")]
        wb = ET.fromstring(zf.read("xl/workbook.xml"))
        rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.findall("{%s}Relationship" % NS_REL_PKG)}
        sheets = [(s.get("name"), s.get("{%s}id" % NS_REL_DOC)) for s in wb.find(M + "sheets")]
        rid = [r for (n, r) in sheets if n == sheet_name]
        if len(rid) != 1:
            raise InputMissing("%s: sheet %r not found once (sheets: %r)"
                               % (path, sheet_name, [n for n, _ in sheets]))
        part = _part_name(targets[rid[0]])
        root = ET.fromstring(zf.read(part))
        date_styles = _date_styles(zf, names)

    rows = {}
    next_row = 1
    for row in root.find(M + "sheetData").findall(M + "row"):
        rnum = int(row.get("r")) if row.get("r") else next_row
        next_row = rnum + 1
        cells = {}
        next_col = 0
        for c in row.findall(M + "c"):
            ref = c.get("r")
            if ref:
                col = re.match(r"[A-Z]+", ref).group(0)
            else:
                col = col_letters(next_col)
                ref = "%s%d" % (col, rnum)
            next_col = col_index(col) + 1
            t = c.get("t", "n")
            v = c.find(M + "v")
            vt = v.text if v is not None else None
            if t == "s":
                kind, val = "text", (shared[int(vt)] if vt not in (None, "") else None)
            elif t == "inlineStr":
                is_ = c.find(M + "is")
                kind, val = "text", (_si_text(is_) if is_ is not None else None)
            elif t == "str":
                kind, val = "text", vt
            elif t == "b":
                kind, val = "bool", vt
            elif t == "e":
                kind, val = "error", vt
            else:
                kind, val = "number", vt
            style = int(c.get("s")) if c.get("s") else 0
            cells[col] = Cell(ref, kind, val, style)
        rows[rnum] = cells
    merges = []
    mc = root.find(M + "mergeCells")
    if mc is not None:
        for m in mc.findall(M + "mergeCell"):
            a, _, b = m.get("ref").partition(":")
            b = b or a
            ma, mb = re.match(r"([A-Z]+)(\d+)", a), re.match(r"([A-Z]+)(\d+)", b)
            merges.append((col_index(ma.group(1)), int(ma.group(2)),
                           col_index(mb.group(1)), int(mb.group(2))))
    return Sheet(path, sheet_name, part, rows, merges, date_styles)


def is_blank(cell):
    """No cell, no value, or text that is only white space."""
    return cell is None or cell.value is None or (cell.kind == "text" and cell.value.strip() == "")


def show(cell, sheet, ref=None):
    """'E558 = "B2 - African"' style rendering of one cell."""
    if cell is None:
        return "%s = (no cell)" % ref
    if cell.value is None:
        return "%s = (empty)" % cell.ref
    if cell.kind == "text":
        return '%s = "%s"' % (cell.ref, cell.value)
    if cell.kind == "number" and cell.style in sheet.date_styles:
        try:
            d = EXCEL_EPOCH + datetime.timedelta(days=float(cell.value))
            return "%s = %s (date serial %s)" % (cell.ref, d.strftime("%d/%m/%Y"), cell.value)
        except (ValueError, OverflowError):
            pass
    return "%s = %s (%s)" % (cell.ref, cell.value, cell.kind)


# ---------------------------------------------------------------------------
# Ethnicity classification, written out by hand from the 2011 census
# (England and Wales) 18-category classification and the police "16+1"
# self-defined codes. Categories are the table rows: White, Mixed, Asian,
# Black, Other, Not stated.
# ---------------------------------------------------------------------------

def norm(s):
    return re.sub(r"\s+", " ", s.strip()).lower()


# Broad group wording, as it appears before " - " in "Group - detail" labels.
GROUP_WORDS = {
    "white": "White",
    "mixed": "Mixed",
    "mixed/multiple ethnic groups": "Mixed",
    "mixed/multiple ethnic group": "Mixed",
    "asian": "Asian",
    "asian or asian british": "Asian",
    "asian/asian british": "Asian",
    "black": "Black",
    "black or black british": "Black",
    "black/african/caribbean/black british": "Black",
    "other ethnic group": "Other",
    "other": "Other",
    "chinese or other ethnic group": "Other",
}

# Police 16+1 self-defined ethnicity codes (letter gives the group;
# O1 is Chinese, which that code list files under "Chinese or other").
CODES = {
    "w1": ("White", "White British"), "w2": ("White", "White Irish"), "w9": ("White", "Any other White"),
    "m1": ("Mixed", "White and Black Caribbean"), "m2": ("Mixed", "White and Black African"),
    "m3": ("Mixed", "White and Asian"), "m9": ("Mixed", "Any other Mixed"),
    "a1": ("Asian", "Indian"), "a2": ("Asian", "Pakistani"), "a3": ("Asian", "Bangladeshi"),
    "a9": ("Asian", "Any other Asian"),
    "b1": ("Black", "Caribbean"), "b2": ("Black", "African"), "b9": ("Black", "Any other Black"),
    "o1": ("Other", "Chinese"), "o9": ("Other", "Any other"),
    "ns": ("Not stated", "Not stated"),
}

# Detailed categories written on their own (2011 census wording and common
# shortenings). Note "White and Black ..." is Mixed, not Black.
DETAILS = {
    "english/welsh/scottish/northern irish/british": "White", "white british": "White",
    "british": "White", "irish": "White", "white irish": "White",
    "gypsy or irish traveller": "White", "any other white": "White",
    "any other white background": "White", "other white": "White",
    "white and black caribbean": "Mixed", "white and black african": "Mixed",
    "white and asian": "Mixed", "any other mixed": "Mixed", "other mixed": "Mixed",
    "any other mixed background": "Mixed", "any other mixed/multiple ethnic background": "Mixed",
    "indian": "Asian", "pakistani": "Asian", "bangladeshi": "Asian", "chinese": "Asian",
    "any other asian": "Asian", "any other asian background": "Asian", "other asian": "Asian",
    "african": "Black", "caribbean": "Black", "any other black": "Black", "other black": "Black",
    "any other black background": "Black",
    "any other black/african/caribbean background": "Black",
    "arab": "Other", "any other ethnic group": "Other", "any other": "Other",
    "not stated": "Not stated", "prefer not to say": "Not stated", "not known": "Not stated",
    "not recorded": "Not stated",
}

PRINTED = {}  # (source, field, filter) -> figure whose output listed the distinct values
SYNONYMS = {}  # filled from data.yaml's "synonyms" (if any) for the classification in use


def classify(raw):
    """(category or None, how) for one raw cell text."""
    if raw is None or raw.strip() == "":
        return None, "blank cell"
    for table_name, table in SYNONYMS.items():
        for k, v in table.items():
            if norm(k) == norm(raw):
                return v, "data.yaml synonyms[%s]: %r -> %s" % (table_name, k, v)
    n = norm(raw)
    m = re.match(r"^([a-z][0-9]|ns)(?:\s*-\s*(.*))?$", n)
    if m and m.group(1) in CODES:
        group, meaning = CODES[m.group(1)]
        how = "16+1 code %s (%s)" % (m.group(1).upper(), meaning)
        if m.group(2):
            detail = DETAILS.get(m.group(2))
            if detail is None and m.group(2) != norm(meaning):
                return None, "code %s with unknown wording %r" % (m.group(1).upper(), m.group(2))
            how += ", wording %r" % m.group(2)
        return group, how
    if " - " in n:
        head, tail = n.split(" - ", 1)
        if head in GROUP_WORDS:
            return GROUP_WORDS[head], "group wording %r before ' - '" % head
    if n in DETAILS:
        return DETAILS[n], "2011 census detailed category %r" % n
    if n in GROUP_WORDS:
        return GROUP_WORDS[n], "broad group wording %r" % n
    return None, "NOT CLASSIFIED"


# ---------------------------------------------------------------------------
# Helpers: ranges, CSV, files
# ---------------------------------------------------------------------------

def parse_ranges(text):
    out = set()
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        a, _, b = part.partition("-")
        out.update(range(int(a), int(b or a) + 1))
    return out


def ranges(rows):
    rows = sorted(rows)
    out, i = [], 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and rows[j + 1] == rows[j] + 1:
            j += 1
        out.append(str(rows[i]) if i == j else "%d-%d" % (rows[i], rows[j]))
        i = j + 1
    return ", ".join(out)


def read_csv(path):
    """RFC 4180 CSV (quotes, doubled quotes, CRLF), UTF-8 with optional BOM."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    rows, row, field, i, quoted = [], [], "", 0, False
    while i < len(text):
        ch = text[i]
        if quoted:
            if ch == '"':
                if text[i + 1:i + 2] == '"':
                    field += '"'
                    i += 1
                else:
                    quoted = False
            else:
                field += ch
        elif ch == '"':
            quoted = True
        elif ch == ",":
            row.append(field)
            field = ""
        elif ch in "\r\n":
            if ch == "\r" and text[i + 1:i + 2] == "\n":
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
    return rows


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def need(path):
    if not os.path.exists(path):
        raise InputMissing("missing: %s" % path)
    return path


# ---------------------------------------------------------------------------
# The context: audit trail, data.yaml, statistics.yaml, published CSVs
# ---------------------------------------------------------------------------

class Context(object):
    def __init__(self, audit_dir, built_dir):
        self.audit_dir, self.built_dir = audit_dir, built_dir
        with open(need(os.path.join(audit_dir, "figures.json")), encoding="utf-8") as f:
            self.audit = json.load(f)
        with open(need(os.path.join(EDITION, "data.yaml")), encoding="utf-8") as f:
            self.data_yaml = parse_yaml(f.read())
        with open(need(os.path.join(EDITION, "statistics.yaml")), encoding="utf-8") as f:
            self.stats_yaml = parse_yaml(f.read())
        self.figures = {f["id"]: f for f in self.audit["figures"]}
        self.tables = {t["id"]: t for t in self.audit["tables"]}
        self.sources = {s["id"]: s for s in self.audit["sources"]}
        self.decl_sources = {s["id"]: s for s in self.data_yaml["sources"]}
        self.decl_tables = {t["id"]: t for t in self.stats_yaml["tables"]}
        self.threshold = (self.stats_yaml.get("disclosure") or {}).get("threshold")
        ids = read_csv(need(os.path.join(built_dir, "data", "figure-ids.csv")))
        head = ids[0]
        self.figure_cells = {r[0]: dict(zip(head, r)) for r in ids[1:] if r}
        self.sheets = {}
        self.csvs = {}
        for name, table in (self.data_yaml.get("synonyms") or {}).items():
            SYNONYMS[name] = table
        if self.data_yaml.get("merged"):
            print("NOTE: data.yaml declares 'merged' categories %r; this hand-check treats the table rows "
                  "as the categories it prints." % self.data_yaml["merged"])

    def sheet(self, source_id):
        if source_id not in self.sheets:
            d = self.decl_sources[source_id]
            self.sheets[source_id] = read_sheet(need(os.path.join(EDITION, d["file"])), d["sheet"])
        return self.sheets[source_id]

    def published(self, figure_id):
        """(csv file, csv row, csv column, text, row label, column header)."""
        fc = self.figure_cells.get(figure_id)
        if fc is None:
            return None
        name = fc["file"]
        if name not in self.csvs:
            self.csvs[name] = read_csv(need(os.path.join(self.built_dir, "data", name)))
        rows = self.csvs[name]
        r, c = int(fc["csv_row"]), int(fc["csv_column"])
        return (name, r, c, rows[r - 1][c - 1], rows[r - 1][0], rows[0][c - 1], fc)


# ---------------------------------------------------------------------------
# The checks
# ---------------------------------------------------------------------------

def check_source(ctx, fid, source_id):
    """(a) SHA-256 and (b) header row and column letters. Returns
    (sheet, header_row, {field: letter})."""
    a_src = ctx.sources[source_id]
    d_src = ctx.decl_sources[source_id]
    path = os.path.join(EDITION, d_src["file"])
    print("  Source %r: %s, sheet %r" % (source_id, d_src["file"], d_src["sheet"]))
    record(fid, "%s: file" % source_id, a_src["file"], d_src["file"])
    record(fid, "%s: sheet" % source_id, a_src["sheet"], d_src["sheet"])
    digest = sha256(need(path))
    print("    SHA-256 of %s: %s" % (path, digest))
    record(fid, "%s: workbook SHA-256" % source_id, a_src["sha256"], digest)

    sh = ctx.sheet(source_id)
    print("    sheet %r is part %s of the workbook (via xl/workbook.xml and its .rels)" % (sh.name, sh.part))
    fields = d_src["fields"]
    wanted = {f: h.strip() for f, h in fields.items()}
    header_row = d_src.get("header_row")
    if header_row is None:
        for r in sorted(sh.rows):
            texts = [c.value.strip() for c in sh.rows[r].values() if c.kind == "text" and c.value]
            if all(h in texts for h in wanted.values()):
                header_row = r
                break
    if header_row is None:
        record(fid, "%s: header row holding all of %r" % (source_id, sorted(wanted.values())),
               "found", "not found")
        return sh, None, {}
    how = "declared in data.yaml" if d_src.get("header_row") else \
        "first row holding every header data.yaml declares"
    print("    header row %d (%s)" % (header_row, how))
    letters = {}
    for f, h in wanted.items():
        hits = [col for col, c in sh.rows.get(header_row, {}).items()
                if c.kind == "text" and c.value and c.value.strip() == h]
        letters[f] = hits[0] if len(hits) == 1 else ("?" if not hits else "ambiguous:" + ",".join(hits))
        print("      %-20s header %-50r -> column %s" % (f, h, letters[f]))
    a_cols = {c["field"]: c for c in a_src["columns"]}
    record(fid, "%s: fields declared (data.yaml vs audit)" % source_id, sorted(a_cols), sorted(fields))
    a_letters = {f: a_cols[f]["letter"] for f in a_cols}
    a_headers = {f: a_cols[f]["header"] for f in a_cols}
    record(fid, "%s: header texts" % source_id, a_headers, {f: fields[f] for f in fields})
    ok = record(fid, "%s: column letters" % source_id,
                " ".join("%s=%s" % (f, a_letters.get(f)) for f in fields),
                " ".join("%s=%s" % (f, letters[f]) for f in fields))
    if not ok:
        for f in fields:
            if a_letters.get(f) != letters[f]:
                print("      %s: audit %s, found %s" % (f, a_letters.get(f), letters[f]))
    return sh, header_row, letters


def describe_filter(where):
    if not where:
        return None
    return ", ".join("%s: %s" % (k, ("[%s]" % ", ".join(v)) if isinstance(v, list) else v)
                     for k, v in where.items())


def passes(cond, cell):
    if isinstance(cond, str) and norm(cond) == "blank":
        return is_blank(cell)
    if isinstance(cond, str) and norm(cond) == "not blank":
        return not is_blank(cell)
    values = cond if isinstance(cond, list) else [cond]
    if is_blank(cell):
        return False
    return any(str(cell.value).strip() == str(v).strip() for v in values)


def select(ctx, fid, source_id, sh, header_row, letters, where, row_field, category, extra=None):
    """(c) Every data row below the header that passes the filter and whose
    row_field cell classifies to category (and passes extra = {field: [values]}).
    Prints the distinct raw values and the rows the filter removed."""
    where = where or {}
    extra = extra or {}
    for f in list(where) + list(extra) + [row_field]:
        if letters.get(f, "?")[:1] in ("?", "a"):
            record(fid, "column for field %r" % f, "found", letters.get(f))
            return None
    col = letters[row_field]
    data_rows = [r for r in sorted(sh.rows) if r > header_row]
    empty = [r for r in data_rows if all(is_blank(sh.cell(r, letters[f])) for f in letters)]
    print("    data rows below header row %d: %d (rows %d-%d); %d of them have no value in any declared "
          "column and so cannot count: %s"
          % (header_row, len(data_rows), data_rows[0], data_rows[-1], len(empty), ranges(empty) or "none"))
    kept, dropped = [], []
    for r in data_rows:
        if r in empty:
            continue
        if all(passes(v, sh.cell(r, letters[f])) for f, v in where.items()):
            kept.append(r)
        else:
            dropped.append(r)
    if where:
        print("    filter %s: %d rows kept, %d removed" % (describe_filter(where), len(kept), len(dropped)))
    key = (source_id, row_field, describe_filter(where))
    if key in PRINTED:
        print("    distinct raw values of %s (column %s): as printed above for %s" % (row_field, col, PRINTED[key]))
    distinct = {}
    for r in data_rows:
        c = sh.cell(r, col)
        raw = None if is_blank(c) else c.value
        d = distinct.setdefault(raw, [0, 0])
        d[0] += 1
        if r in kept:
            d[1] += 1
    if key not in PRINTED:
        print("    distinct raw values of %s (column %s) and how this hand-check classified them:" % (row_field, col))
        print("      %-6s %-6s %-12s %-72s %s" % ("rows", "kept", "category", "raw value", "how"))
    unclassified = []
    for raw in sorted(distinct, key=lambda v: (v is None, norm(v or ""))):
        cat, how = classify(raw)
        if raw is not None and cat is None:
            unclassified.append(raw)
        mark = " <==" if cat == category else ""
        if key not in PRINTED:
            print("      %-6d %-6d %-12s %-72s %s%s"
                  % (distinct[raw][0], distinct[raw][1], cat or "-", repr(raw)[:72], how, mark))
    PRINTED.setdefault(key, fid)
    if unclassified:
        record(fid, "every raw %s value classified" % row_field, [], unclassified)
    chosen = []
    lost_to_filter = []
    for r in data_rows:
        c = sh.cell(r, col)
        if is_blank(c) or classify(c.value)[0] != category:
            continue
        if all(passes(v, sh.cell(r, letters[f])) for f, v in extra.items()):
            (chosen if r in kept else lost_to_filter).append(r)
    if where:
        print("    %s rows removed by the filter (%d):" % (category, len(lost_to_filter)))
        for r in lost_to_filter:
            print("      row %d: %s; %s" % (r, show(sh.cell(r, col), sh, "%s%d" % (col, r)),
                                            "; ".join(show(sh.cell(r, letters[f]), sh, "%s%d" % (letters[f], r))
                                                      for f in where)))
    return chosen


def print_first(sh, rows, letters, fields, n=FIRST_ROWS):
    if len(rows) <= n + 3:
        n = len(rows)  # a short list is printed whole
    print("    first %d of %d rows found, cell by cell:" % (min(n, len(rows)), len(rows)))
    for r in rows[:n]:
        print("      row %d: %s" % (r, "; ".join(show(sh.cell(r, letters[f]), sh, "%s%d" % (letters[f], r))
                                                 for f in fields)))


def compare_rows(fid, fig, rows):
    audit_rows = parse_ranges(fig.get("rows"))
    mine = set(rows)
    ok = record(fid, "sheet rows (%d audit / %d found)" % (len(audit_rows), len(mine)),
                fig.get("rows"), ranges(mine), audit_rows == mine)
    if not ok:
        print("      in the audit only: %s" % (ranges(audit_rows - mine) or "none"))
        print("      found only here:   %s" % (ranges(mine - audit_rows) or "none"))
    record(fid, "rowCount", fig.get("rowCount"), len(mine))


def compare_published(ctx, fid, fig, mine_value):
    """(e) The published CSV cell for the figure, against the audit and the
    hand-check's value; "!" when withheld."""
    pub = ctx.published(fid)
    if pub is None:
        record(fid, "figure in figure-ids.csv", "present", "absent")
        return None
    name, r, c, text, row_label, col_head, fc = pub
    print("    published: %s row %d column %d (%r / %r) = %r" % (name, r, c, row_label, col_head, text))
    record(fid, "CSV cell is the figure's row/column", "%s / %s" % (fig["row"], fig["column"]),
           "%s / %s" % (row_label, col_head))
    record(fid, "published value (audit vs CSV)", fig["published"], text)
    if text == "!":
        print("    withheld in the publication; value before control %r" % fig.get("valueBeforeControl"))
        if ctx.threshold is not None and isinstance(mine_value, int):
            primary = 1 <= mine_value < ctx.threshold
            rule = fig.get("rule") or ""
            print("    count %d is %s the threshold %d, so any withholding is %s" %
                  (mine_value, "below" if primary else "at or above", ctx.threshold,
                   "primary" if primary else "secondary"))
            record(fid, "rule consistent with count (%s suppression)" % ("primary" if primary else "secondary"),
                   rule, rule, ("secondary" in rule) != primary)
    elif mine_value is not None:
        record(fid, "published count equals hand-check count", text, str(mine_value))
    return text


def table_decl(ctx, fid, table_id):
    a_tab = ctx.tables[table_id]
    d_tab = ctx.decl_tables[table_id]
    print("  Table %r (%s): source %r, rows %r, filter %r"
          % (table_id, a_tab.get("declared"), d_tab.get("source"), d_tab.get("rows"),
             describe_filter(d_tab.get("where"))))
    record(fid, "table source", a_tab.get("source"), d_tab.get("source"))
    record(fid, "table rows field", a_tab.get("rows"), d_tab.get("rows"))
    record(fid, "table filter", a_tab.get("filter"), describe_filter(d_tab.get("where")))
    return a_tab, d_tab


def count_figure(ctx, fid, extra=None, show_fields=None):
    """Checks (a)-(e) for one count figure. Returns (count, first rows)."""
    fig = ctx.figures.get(fid)
    print("-" * 100)
    print("Figure %s" % fid)
    if fig is None:
        record(fid, "figure in figures.json", "present", "absent")
        return None
    print("  audit: row %r, column %r, statistic %r, published %r, value before control %r"
          % (fig["row"], fig["column"], fig.get("statistic"), fig["published"], fig.get("valueBeforeControl")))
    a_tab, d_tab = table_decl(ctx, fid, fig["table"])
    record(fid, "figure source is the table's", d_tab.get("source"), fig.get("source"))
    source_id = d_tab["source"]
    sh, header_row, letters = check_source(ctx, fid, source_id)
    if header_row is None:
        return None
    rows = select(ctx, fid, source_id, sh, header_row, letters, d_tab.get("where"), d_tab["rows"],
                  fig["row"], extra)
    if rows is None:
        return None
    if extra:
        print("    and %s: %d rows" % (describe_filter(extra), len(rows)))
    fields = [d_tab["rows"]] + list((d_tab.get("where") or {})) + list(extra or {}) + list(show_fields or [])
    print_first(sh, rows, letters, fields)
    compare_rows(fid, fig, rows)
    record(fid, "count (valueBeforeControl)", fig.get("valueBeforeControl"), len(rows))
    compare_published(ctx, fid, fig, len(rows))
    return {"count": len(rows), "rows": rows, "sheet": sh, "letters": letters, "fields": fields,
            "source": source_id}


def population_figure(ctx, fid):
    """The census base of a rate: sum of Usual residents over the rows whose
    detailed ethnic group classifies to the figure's row."""
    fig = ctx.figures.get(fid)
    print("-" * 100)
    print("Figure %s" % fid)
    if fig is None:
        record(fid, "figure in figures.json", "present", "absent")
        return None
    d_tab = ctx.decl_tables[fig["table"]]
    bench = (d_tab.get("benchmark") or {}).get("source")
    print("  audit: row %r, column %r, statistic %r, published %r, value before control %r"
          % (fig["row"], fig["column"], fig.get("statistic"), fig["published"], fig.get("valueBeforeControl")))
    record(fid, "figure source is the table's benchmark", bench, fig.get("source"))
    record(fid, "table benchmark (audit vs statistics.yaml)", ctx.tables[fig["table"]].get("benchmark"), bench)
    sh, header_row, letters = check_source(ctx, fid, bench)
    if header_row is None:
        return None
    row_field = d_tab["rows"]
    rows = select(ctx, fid, bench, sh, header_row, letters, None, row_field, fig["row"])
    if rows is None:
        return None
    total = 0
    bad = []
    # The broad group label sits in a merged cell of the column headed "Ethnic group", if there is one;
    # it is printed for information only and plays no part in the selection.
    group_col = [col for col, c in sh.rows.get(header_row, {}).items()
                 if c.kind == "text" and c.value and c.value.strip() == "Ethnic group"]
    group_col = group_col[0] if len(group_col) == 1 else None
    print("    rows found, cell by cell%s:" % (
        " (column %s, headed 'Ethnic group', is the merged broad-group label, for information)" % group_col
        if group_col else ""))
    for r in rows:
        c = sh.cell(r, letters["count"])
        text = "" if is_blank(c) else str(c.value).strip().replace(",", "")
        if re.match(r"^\d+(\.0+)?$", text):
            total += int(float(text))
        else:
            bad.append(r)
        grp = (show(sh.merged_value(r, group_col), sh, "%s%d" % (group_col, r)) + " (merged); ") if group_col else ""
        print("      row %d: %s%s; %s" % (r, grp,
                                          show(sh.cell(r, letters[row_field]), sh, "%s%d" % (letters[row_field], r)),
                                          show(c, sh, "%s%d" % (letters["count"], r))))
    if bad:
        record(fid, "count cells are numbers", [], bad)
    print("    sum of %s: %d" % (ctx.decl_sources[bench]["fields"]["count"], total))
    compare_rows(fid, fig, rows)
    record(fid, "population (valueBeforeControl)", fig.get("valueBeforeControl"), total)
    compare_published(ctx, fid, fig, total)
    return {"value": total, "rows": rows}


def round_half_away(num, den, decimals):
    """Round num/den (integers, den > 0) half away from zero to `decimals`
    places, exactly, and return it as text."""
    sign = "-" if (num < 0) else ""
    num = abs(num) * 10 ** decimals
    q, r = divmod(num, den)
    if 2 * r >= den:
        q += 1
    s = str(q).rjust(decimals + 1, "0")
    return sign + (s[:-decimals] + "." + s[-decimals:] if decimals else s)


def rate_figure(ctx, fid, count_id, pop_id):
    fig = ctx.figures.get(fid)
    print("-" * 100)
    print("Figure %s" % fid)
    if fig is None:
        record(fid, "figure in figures.json", "present", "absent")
        return None
    print("  audit: row %r, column %r, published %r, value before control %r"
          % (fig["row"], fig["column"], fig["published"], fig.get("valueBeforeControl")))
    print("  rule: %s" % fig.get("rule"))
    record(fid, "computedFrom", [count_id, pop_id], fig.get("computedFrom"))
    record(fid, "per (the population it is per head of)", pop_id, fig.get("per"))
    m = re.search(r"per ([\d,]+)", fig["column"]) or re.search(r"per ([\d,]+)", ctx.tables[fig["table"]]["title"])
    per = int(m.group(1).replace(",", "")) if m else None
    print("    per %s people (from the column header %r)" % (per, fig["column"]))
    m = re.search(r"to (\d+) decimal place", fig.get("rule") or "")
    decimals = int(m.group(1)) if m else None
    pub = ctx.published(fid)
    pub_count = ctx.published(count_id)
    pub_pop = ctx.published(pop_id)
    if None in (pub, pub_count, pub_pop) or per is None or decimals is None:
        record(fid, "rate inputs (per, decimals, published cells)", "all present",
               "per=%r decimals=%r" % (per, decimals))
        return None
    name, r, c, text, row_label, col_head, fc = pub
    print("    published: %s row %d column %d (%r / %r) = %r" % (name, r, c, row_label, col_head, text))
    record(fid, "CSV cell is the figure's row/column", "%s / %s" % (fig["row"], fig["column"]),
           "%s / %s" % (row_label, col_head))
    record(fid, "published value (audit vs CSV)", fig["published"], text)
    shown_dec = len(text.split(".")[1]) if "." in text else 0
    record(fid, "decimals (rule text vs published text)", decimals, shown_dec)
    n, p = int(pub_count[3]), int(pub_pop[3])
    got = round_half_away(n * per, p, decimals)
    print("    rate = round_half_away(%d / %d x %d, %d) = %s   (unrounded %.12f)"
          % (n, p, per, decimals, got, n * per / p))
    record(fid, "rate from the published count and population", text, got)
    before = fig.get("valueBeforeControl")
    record(fid, "valueBeforeControl = count / population x per", before, n * per / p,
           isinstance(before, (int, float)) and abs(before - n * per / p) < 1e-9)
    return got


# ---------------------------------------------------------------------------

def main(argv):
    audit_dir = argv[1] if len(argv) > 1 else DEFAULT_AUDIT
    built_dir = argv[2] if len(argv) > 2 else DEFAULT_BUILT
    print("Hand-check of the Hertfordshire 2016/17 audit trail")
    print("  edition:   %s" % EDITION)
    print("  audit:     %s" % audit_dir)
    print("  built:     %s" % built_dir)
    try:
        ctx = Context(audit_dir, built_dir)
    except InputMissing as e:
        print("ERROR: %s" % e)
        print("Build the edition with its audit trail first, e.g.\n"
              "  reportgen build content/hertfordshire/2016-17 --out /tmp/o2 --format html")
        return 2
    print("  audit trail of %s, version %s; disclosure threshold %s"
          % (ctx.audit.get("edition"), ctx.audit.get("version"), ctx.threshold))

    print("=" * 100)
    print("1. Workforce by ethnic group: Black, number in post (withheld)")
    print("=" * 100)
    wf = count_figure(ctx, "workforce-ethnicity:black:all-count", show_fields=["role"])

    print("=" * 100)
    print("2. Stop and search per 1,000 people: Black count, census population and rate")
    print("=" * 100)
    ss = count_figure(ctx, "stop-search-rate:black:count", show_fields=["date", "outcome"])
    pop = population_figure(ctx, "stop-search-rate:black:population")
    rate = rate_figure(ctx, "stop-search-rate:black:rate",
                       "stop-search-rate:black:count", "stop-search-rate:black:population")

    print("=" * 100)
    print("3. Recruitment by ethnic group: Black applications and appointments")
    print("=" * 100)
    cand = count_figure(ctx, "recruitment-ethnicity:black:candidates", show_fields=["outcome", "role"])
    rt = ctx.decl_tables["recruitment-ethnicity"]
    outcome = rt.get("outcome") or {}
    succ = count_figure(ctx, "recruitment-ethnicity:black:successes",
                        extra={outcome.get("field", "outcome"): outcome.get("success") or []},
                        show_fields=["role"])
    if cand and succ:
        record("recruitment-ethnicity:black:successes", "appointed rows are among the applications",
               True, set(succ["rows"]) <= set(cand["rows"]))

    # ------------------------------------------------------------------
    print("=" * 100)
    print("SUMMARY")
    print("=" * 100)
    summary = [
        ("workforce-ethnicity:black:all-count", wf, "count"),
        ("stop-search-rate:black:count", ss, "count"),
        ("stop-search-rate:black:population", pop, "value"),
        ("stop-search-rate:black:rate", rate, None),
        ("recruitment-ethnicity:black:candidates", cand, "count"),
        ("recruitment-ethnicity:black:successes", succ, "count"),
    ]
    print("%-42s %-12s %-34s %6s %6s %-9s %-5s" % ("figure", "audit value", "workbook / sheet", "found",
                                                 "rows", "published", "all"))
    for fid, res, key in summary:
        fig = ctx.figures.get(fid) or {}
        checks = [x for x in RESULTS if x[0] == fid]
        ok = all(x[4] for x in checks) and res is not None
        if fid.endswith(":rate"):
            where, found, nrows = "computed from the CSV", res, ""
        else:
            src = ctx.decl_sources.get(fig.get("source"), {})
            where = "%s / %s" % (os.path.basename(src.get("file", "?")), src.get("sheet", "?"))
            found = res[key] if res else None
            nrows = len(res["rows"]) if res else ""
        pub = ctx.published(fid)
        print("%-42s %-12s %-34s %6s %6s %-9s %-5s" % (fid, short(str(fig.get("valueBeforeControl")), 12), where,
                                                     found, nrows, pub[3] if pub else "?",
                                                     "ok" if ok else "FAIL"))
    bad = [x for x in RESULTS if not x[4]]
    print()
    print("%d checks, %d mismatches" % (len(RESULTS), len(bad)))
    for fid, item, exp, got, _ in bad:
        print("  MISMATCH %s: %s: audit/published %s, hand-check %s" % (fid, item, short(exp, 200), short(got, 200)))
    if not bad:
        print("The audit trail leads to exactly the cells found here, and the published values agree.")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Generate the read-benchmark data set: one XLSX workbook and two CSV files.

    python3 bench/generate.py ROWS [ROWS ...]      # e.g. 100000 1000000

For each row count it writes, under bench/data/ (git-ignored):

    sales_<label>.xlsx         12 columns, header row, written the way Excel writes it
    sales_<label>_utf8.csv     same data, UTF-8 (with BOM, like Excel's "CSV UTF-8"), ",", ISO dates
    sales_<label>_cp1252.csv   same data, Windows-1252, ";", decimal comma, dd/mm/yyyy dates,
                               Cyrillic text (not encodable in cp1252) replaced by French text
    sales_<label>.json         manifest: counts the harness checks contenders against

A data set is regenerated only if one of its files is missing or the manifest was
written by a different version of this script (its SHA-256 is stored in the manifest),
so editing the generator invalidates the cache by itself.

Only the standard library is used. Rows are built as strings and written in chunks
of CHUNK_ROWS rows, which keeps a 1,000,000-row set to a few seconds of work per file.
"""

import datetime
import hashlib
import json
import os
import random
import sys
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA_DIR = os.path.join(HERE, "data")
SEED = 20240607
CHUNK_ROWS = 20_000
SHEET_PART = "xl/worksheets/sheet1.xml"
SST_PART = "xl/sharedStrings.xml"

# ---------------------------------------------------------------------------
# The data. Column layout (A..L):
#   A ID (int)          B Reference (unique string)   C Région (categorical string)
#   D Produit (cat.)    E Quantité (int)              F Prix unitaire € (decimal)
#   G Montant (decimal) H Date commande (numFmtId 14) I Date livraison (dd/mm/yyyy, sometimes empty)
#   J Payé (boolean)    K Remise (decimal, sometimes empty)  L Note (cat. string, mostly empty)
# ---------------------------------------------------------------------------

HEADER = [
    "ID", "Reference", "Région", "Produit", "Quantité", "Prix unitaire €",
    "Montant", "Date commande", "Date livraison", "Payé", "Remise", "Note",
]
REGIONS = [
    "Île-de-France", "Provence-Alpes-Côte d’Azur", "Auvergne-Rhône-Alpes",
    "Baden-Württemberg", "Thüringen", "Düsseldorf", "København", "Århus", "Ærø",
    "София", "Пловдив", "Варна", "Genève", "Bruxelles",
]
PRODUCTS = [
    "Crème brûlée", "Café au lait", "Pain d'épices", "Weißbier", "Großes Brötchen",
    "Straßenkarte", "Smørrebrød", "Rødgrød med fløde", "Blåbærsyltetøj",
    "Баница", "Кисело мляко", "Шопска салата", "Plain widget", "Boîte de 12",
]
NOTES = [
    "Livraison prévue à 10 h", "Payé en €, merci", "Grüße aus Köln",
    "Tak for købet – æøå", "Благодаря за поръчката", 'Bitte "dringend" liefern',
    "Service R&D <urgent>", "Größe: XL; Farbe: grün",
]
# Replacements for the cp1252 file: same cardinality, French text.
CP1252_REPLACEMENTS = {
    "София": "Paris", "Пловдив": "Lyon", "Варна": "Marseille",
    "Баница": "Galette des rois", "Кисело мляко": "Yaourt nature",
    "Шопска салата": "Salade niçoise", "Благодаря за поръчката": "Merci pour votre commande",
}
DISCOUNTS = [0.05, 0.1, 0.125, 0.15, 0.2, 0.25, 0.333]

EXCEL_EPOCH = datetime.date(1899, 12, 30)
FIRST_ORDER = datetime.date(2019, 1, 1)
ORDER_DAYS = 2000
FIRST_SERIAL = (FIRST_ORDER - EXCEL_EPOCH).days

# Shared-string table: header, then the categorical values, then one unique reference per row.
CATEGORICAL = REGIONS + PRODUCTS + NOTES
SST_HEADER = 0
SST_REGION = len(HEADER)
SST_PRODUCT = SST_REGION + len(REGIONS)
SST_NOTE = SST_PRODUCT + len(PRODUCTS)
SST_REF = SST_NOTE + len(NOTES)


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def csv_field(s, sep):
    if sep in s or '"' in s or "\n" in s or "\r" in s:
        return '"' + s.replace('"', '""') + '"'
    return s


def cp1252_text(s):
    s = CP1252_REPLACEMENTS.get(s, s)
    s.encode("cp1252")  # fail loudly if a value is not representable
    return s


def generator_hash():
    with open(os.path.abspath(__file__), "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def label_for(rows):
    if rows % 1_000_000 == 0:
        return f"{rows // 1_000_000}m"
    if rows % 1000 == 0:
        return f"{rows // 1000}k"
    return str(rows)


def paths_for(rows):
    base = os.path.join(DATA_DIR, "sales_" + label_for(rows))
    return {
        "xlsx": base + ".xlsx",
        "csv_utf8": base + "_utf8.csv",
        "csv_cp1252": base + "_cp1252.csv",
        "manifest": base + ".json",
    }


def col_letter(i):
    return "ABCDEFGHIJKL"[i]


# ---------------------------------------------------------------------------
# Static parts of the package, as Excel writes them (trimmed of the theme and
# printer settings, which readers do not need).
# ---------------------------------------------------------------------------

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""

APP_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>Ventes</vt:lpstr></vt:vector></TitlesOfParts><AppVersion>16.0300</AppVersion></Properties>"""

CORE_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>innaxe bench</dc:creator><cp:lastModifiedBy>innaxe bench</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2024-06-07T09:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-06-07T09:00:00Z</dcterms:modified></cp:coreProperties>"""

WORKBOOK_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets><sheet name="Ventes" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>"""

WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""

# cellXfs: 0 = General, 1 = numFmtId 14 (built-in short date), 2 = custom 164 "dd/mm/yyyy",
# 3 = numFmtId 2 ("0.00") for money.
STYLES_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="2"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>"""

SHEET_HEAD = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{00000000-0001-0000-0000-000000000000}"><dimension ref="A1:L{last}"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="1" max="1" width="10" customWidth="1"/><col min="2" max="2" width="14" customWidth="1"/><col min="8" max="9" width="12" customWidth="1"/></cols><sheetData>"""

SHEET_TAIL = """</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>"""


def generate(rows):
    paths = paths_for(rows)
    os.makedirs(DATA_DIR, exist_ok=True)
    rng = random.Random(SEED)
    t0 = time.perf_counter()

    # Per-value renderings, computed once.
    date_iso = {}
    date_fr = {}
    for d in range(ORDER_DAYS + 31):
        day = FIRST_ORDER + datetime.timedelta(days=d)
        date_iso[FIRST_SERIAL + d] = day.isoformat()
        date_fr[FIRST_SERIAL + d] = day.strftime("%d/%m/%Y")
    cat_utf8 = {s: csv_field(s, ",") for s in CATEGORICAL}
    cat_1252 = {s: csv_field(cp1252_text(s), ";") for s in CATEGORICAL}
    disc_txt = [repr(d) for d in DISCOUNTS]
    disc_txt_fr = [t.replace(".", ",") for t in disc_txt]

    n_regions, n_products, n_notes = len(REGIONS), len(PRODUCTS), len(NOTES)
    string_cells = len(HEADER)
    cells = len(HEADER)
    sheet_bytes = 0

    tmp = {k: p + ".tmp" for k, p in paths.items() if k != "manifest"}
    zf = zipfile.ZipFile(tmp["xlsx"], "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6)
    zf.writestr("[Content_Types].xml", CONTENT_TYPES)
    zf.writestr("_rels/.rels", ROOT_RELS)
    zf.writestr("docProps/app.xml", APP_XML)
    zf.writestr("docProps/core.xml", CORE_XML)
    zf.writestr("xl/workbook.xml", WORKBOOK_XML)
    zf.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)

    f_utf8 = open(tmp["csv_utf8"], "w", encoding="utf-8-sig", newline="")
    f_1252 = open(tmp["csv_cp1252"], "w", encoding="cp1252", newline="")
    with zf.open(SHEET_PART, "w", force_zip64=True) as sheet:
        def put(s):
            nonlocal sheet_bytes
            b = s.encode("utf-8")
            sheet_bytes += len(b)
            sheet.write(b)

        put(SHEET_HEAD.replace("{last}", str(rows + 1)))
        put('<row r="1" spans="1:12">' + "".join(
            f'<c r="{col_letter(j)}1" s="4" t="s"><v>{SST_HEADER + j}</v></c>' for j in range(12)) + "</row>")
        f_utf8.write(",".join(csv_field(h, ",") for h in HEADER) + "\n")
        f_1252.write(";".join(csv_field(cp1252_text(h), ";") for h in HEADER) + "\r\n")

        rand = rng.random
        randrange = rng.randrange
        for start in range(0, rows, CHUNK_ROWS):
            xml, csv_u, csv_w = [], [], []
            for i in range(start, min(start + CHUNK_ROWS, rows)):
                r = i + 2
                ident = i + 1
                ref = f"INV-{ident:07d}"
                reg = randrange(n_regions)
                prod = randrange(n_products)
                qty = randrange(1, 500)
                cents = randrange(50, 100_000)
                price = cents / 100
                amount = round(qty * price, 2)
                order = FIRST_SERIAL + randrange(ORDER_DAYS)
                paid = rand() < 0.8
                price_t = repr(price)
                amount_t = repr(amount)
                region, product = REGIONS[reg], PRODUCTS[prod]
                has_ship = i % 7 != 3
                has_disc = i % 3 != 0
                has_note = i % 5 in (0, 2)
                ship = order + 1 + randrange(30) if has_ship else 0
                d = randrange(len(DISCOUNTS)) if has_disc else 0
                note_i = randrange(n_notes) if has_note else 0

                parts = [
                    f'<row r="{r}" spans="1:12"><c r="A{r}"><v>{ident}</v></c>'
                    f'<c r="B{r}" t="s"><v>{SST_REF + i}</v></c>'
                    f'<c r="C{r}" t="s"><v>{SST_REGION + reg}</v></c>'
                    f'<c r="D{r}" t="s"><v>{SST_PRODUCT + prod}</v></c>'
                    f'<c r="E{r}"><v>{qty}</v></c>'
                    f'<c r="F{r}" s="3"><v>{price_t}</v></c>'
                    f'<c r="G{r}" s="3"><v>{amount_t}</v></c>'
                    f'<c r="H{r}" s="1"><v>{order}</v></c>'
                ]
                n = 9  # A..H and J are always present
                if has_ship:
                    parts.append(f'<c r="I{r}" s="2"><v>{ship}</v></c>')
                    n += 1
                parts.append(f'<c r="J{r}" t="b"><v>{1 if paid else 0}</v></c>')
                if has_disc:
                    parts.append(f'<c r="K{r}"><v>{disc_txt[d]}</v></c>')
                    n += 1
                if has_note:
                    parts.append(f'<c r="L{r}" t="s"><v>{SST_NOTE + note_i}</v></c>')
                    n += 1
                    string_cells += 1
                parts.append("</row>")
                xml.append("".join(parts))
                cells += n
                string_cells += 3

                note = NOTES[note_i] if has_note else None
                csv_u.append(
                    f"{ident},{ref},{cat_utf8[region]},{cat_utf8[product]},{qty},{price_t},{amount_t},"
                    f"{date_iso[order]},{date_iso[ship] if has_ship else ''},{'TRUE' if paid else 'FALSE'},"
                    f"{disc_txt[d] if has_disc else ''},{cat_utf8[note] if has_note else ''}\n")
                csv_w.append(
                    f"{ident};{ref};{cat_1252[region]};{cat_1252[product]};{qty};{price_t.replace('.', ',')};"
                    f"{amount_t.replace('.', ',')};{date_fr[order]};{date_fr[ship] if has_ship else ''};"
                    f"{'VRAI' if paid else 'FAUX'};{disc_txt_fr[d] if has_disc else ''};"
                    f"{cat_1252[note] if has_note else ''}\r\n")
            put("".join(xml))
            f_utf8.write("".join(csv_u))
            f_1252.write("".join(csv_w))
        put(SHEET_TAIL)
    f_utf8.close()
    f_1252.close()

    zf.writestr("xl/styles.xml", STYLES_XML)
    unique = SST_REF + rows
    with zf.open(SST_PART, "w", force_zip64=True) as sst:
        head = [xml_escape(s) for s in HEADER + CATEGORICAL]
        sst.write((
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'count="{string_cells}" uniqueCount="{unique}">'
            + "".join(f"<si><t>{s}</t></si>" for s in head)).encode("utf-8"))
        for start in range(0, rows, 100_000):
            sst.write("".join(
                f"<si><t>INV-{k + 1:07d}</t></si>"
                for k in range(start, min(start + 100_000, rows))).encode("utf-8"))
        sst.write(b"</sst>")
    zf.close()

    for k, p in tmp.items():
        os.replace(p, paths[k])
    manifest = {
        "generator_sha256": generator_hash(),
        "rows": rows,
        "data_rows": rows,
        "sheet_rows": rows + 1,
        "columns": len(HEADER),
        "non_empty_cells": cells,
        "sheet_part": SHEET_PART,
        "sheet_xml_bytes": sheet_bytes,
        "xlsx_bytes": os.path.getsize(paths["xlsx"]),
        "csv_utf8_bytes": os.path.getsize(paths["csv_utf8"]),
        "csv_cp1252_bytes": os.path.getsize(paths["csv_cp1252"]),
        "generation_seconds": round(time.perf_counter() - t0, 2),
    }
    with open(paths["manifest"], "w") as f:
        json.dump(manifest, f, indent=2)
    return manifest


def up_to_date(rows):
    paths = paths_for(rows)
    if not all(os.path.exists(p) for p in paths.values()):
        return None
    try:
        with open(paths["manifest"]) as f:
            manifest = json.load(f)
    except (OSError, ValueError):
        return None
    if manifest.get("generator_sha256") != generator_hash() or manifest.get("rows") != rows:
        return None
    return manifest


def ensure(rows, force=False, log=print):
    """Return the manifest for `rows`, generating the files first if needed."""
    manifest = None if force else up_to_date(rows)
    if manifest is not None:
        return manifest, False
    log(f"generating {rows:,} rows into bench/data/ ...")
    manifest = generate(rows)
    log(f"  done in {manifest['generation_seconds']} s: xlsx {manifest['xlsx_bytes']:,} B, "
        f"sheet XML {manifest['sheet_xml_bytes']:,} B, CSV utf-8 {manifest['csv_utf8_bytes']:,} B, "
        f"CSV cp1252 {manifest['csv_cp1252_bytes']:,} B")
    return manifest, True


def main(argv):
    force = "--force" in argv
    counts = [int(a.replace("_", "")) for a in argv if not a.startswith("--")]
    if not counts:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    for rows in counts:
        manifest, made = ensure(rows, force=force)
        if not made:
            print(f"{rows:,} rows: up to date ({paths_for(rows)['xlsx'].replace(HERE, 'bench')})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

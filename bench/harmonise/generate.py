#!/usr/bin/env python3
"""Generate the harmonisation-benchmark data: one partner data set in two shapes.

    python3 bench/harmonise/generate.py OBSERVATIONS [...]    # e.g. 100000 1000000
    python3 bench/harmonise/generate.py 100000 --force        # rebuild even if up to date

For each size N (a multiple of 25 * 25 = 625) it writes, under bench/data/ (git-ignored):

    harmonise_<label>_wide.xlsx   Biocat-style `Indicadors` sheet: rows = cluster x indicator,
                                  one column per year 2000 ... 2023 and `2024 (p)`: N value cells
    harmonise_<label>_long.csv    Medicen-style CRM export: Windows-1252, ";", CR LF, French
                                  numbers (decimal comma, NBSP thousands), k€, one row per value:
                                  N data rows
    harmonise_<label>.json        manifest: counts and markers the harness checks against

Both files hold the same observations: a consortium-wide file of N / 625 member clusters
(`br-0001` ...), each in one NUTS region of the schema, each reporting the same 25 indicators
for 25 years. The consortium key (cluster, region, indicator, year) is unique, so a correct
engine yields exactly N observations from either file, with no duplicate-key findings.

What the partner layouts put in the way (../shared/domain/partner-spreadsheets.md), and so the
engine must handle at scale:
  wide: merged title row, a text "last updated" row, header on row 4 with numeric year cells and
        the text header `2024 (p)` (provisional), money in M€ (#,##0.0), fractions under 0.00%
        (0.0084 shown 0,84%), counts under #,##0, about 1% of the values typed as text in the
        Catalan/Spanish locale (`139,0`, `58.940`, `0,84%`), `n.d.` and `-` markers, a blank
        row and three footnote rows after the data.
  long: cp1252 bytes (`€` is 0x80), French labels, NBSP (0xA0) thousands (`1 184`), decimal
        comma, `66,6 %` percent text, leading spaces on some values, `NC` / `secret stat.` /
        `s.o.` markers with an empty Statut, `définitif` / `provisoire` / `estimé` statuses.
A few values (1 in 4,000) lie outside the schema's plausible range, so validation has
warnings to group; none breaks a hard range, so there are no errors.

Standard library only, deterministic (seeded), regenerated only when a file is missing or this
script changed (its SHA-256 is in the manifest). The XLSX is streamed into the zip in chunks,
with the package parts of the read benchmark (bench/generate.py).
"""

import hashlib
import json
import os
import random
import sys
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
sys.dont_write_bytecode = True


def _load(name, path):
    """Import a sibling script by path (bench/generate.py and this file share a name)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


readbench = _load("readbench_generate", os.path.join(BENCH, "generate.py"))  # package parts, helpers

DATA_DIR = os.path.join(BENCH, "data")
SEED = 20251202
NBSP = "\u00a0"
YEARS = list(range(2000, 2025))          # 25 year columns; 2024 is provisional
PROVISIONAL_YEAR = 2024
SHEET_NAME = "Indicadors"
HEADER_ROW = 4
FIRST_DATA_ROW = 5
CHUNK_ROWS = 2_000                        # sheet rows per write (x 25 values)

# NUTS 2021 codes present in the schema's region code list (mappings/schema.yaml).
REGIONS = [
    "ES51", "ES511", "ES512", "ES513", "ES514", "FR10", "FR101", "FR102", "FR103", "FR104",
    "FR105", "FR106", "FR107", "FR108", "DE12", "DE125", "DE126", "DE127", "DE128", "DE71",
    "DE715", "DEB3", "DEB31", "DEB34", "DEB38", "DEB3I", "BG31", "BG32", "BG33", "BG34",
    "BG41", "BG411", "BG42", "DK01", "DK02", "DK03", "DK04", "DK05", "BE2", "BE3", "CH03",
    "SE11", "ITC4", "DE21", "DE30", "NL33", "FI1B", "IE06", "AT13", "FRK2", "HU11", "PL91",
    "CZ01", "NO08",
]

# The 25 indicators every cluster reports (the schema's 13 required ones among them), as the
# two partners label them. kind: count | persons | money | percent | fte.
#   (schema id,                      code,      Catalan label (wide),                            French label (long),                                  kind)
INDICATORS = [
    ("ls_companies_total",          "EMP_TOT",  "Empreses del sector salut i ciències de la vida", "Entreprises de santé (total)",                       "count"),
    ("ls_companies_biotech",        "EMP_BIO",  "  Biotecnologia",                                 "Entreprises de biotechnologie",                      "count"),
    ("ls_companies_medtech",        "EMP_MED",  "  Tecnologia mèdica",                             "Entreprises de technologies médicales",              "count"),
    ("ls_companies_pharma",         "EMP_FAR",  "  Farmacèutiques",                                "Entreprises pharmaceutiques",                        "count"),
    ("ls_companies_digital_health", "EMP_SD",   "  Salut digital",                                 "Entreprises de santé numérique",                     "count"),
    ("ls_companies_cro_services",   "EMP_CRO",  "  Serveis de recerca per contracte (CRO/CDMO)",   "Prestataires de recherche sous contrat (CRO/CDMO)",  "count"),
    ("research_centres",            "CENTRES",  "Centres de recerca",                              "Centres de recherche",                               "count"),
    ("university_hospitals",        "HOSP",     "Hospitals universitaris",                         "Centres hospitaliers universitaires",                "count"),
    ("universities_ls",             "UNIV",     "Universitats amb estudis de ciències de la vida", "Universités (sciences de la vie)",                   "count"),
    ("incubators_accelerators",     "INCUB",    "Incubadores i acceleradores",                     "Incubateurs santé",                                  "count"),
    ("ls_employment",               "OCUP",     "Ocupació a les empreses del sector",              "Emploi salarié",                                     "persons"),
    ("startups_founded",            "NOVES",    "Empreses noves creades",                          "Créations d'entreprises",                            "count"),
    ("spinoffs_founded",            "SPIN",     "  Spin-offs acadèmiques",                         "Spin-offs académiques",                              "count"),
    ("vc_raised_eur",               "INV",      "Inversió privada captada (capital risc)",         "Levées de fonds des start-up",                       "money"),
    ("clinical_trials_started",     "ASSAIG",   "Assajos clínics iniciats",                        "Essais cliniques démarrés",                          "count"),
    ("ls_patent_applications",      "PAT",      "Sol·licituds de patents (EPO/PCT)",               "Demandes de brevets (OEB/PCT)",                      "count"),
    ("ris_rd_exp_business_pct_gdp", "RD_EMP",   "Gasto en I+D empresarial (% del PIB)",            "Dépenses de R&D des entreprises (% du PIB)",         "percent"),
    ("ris_sme_collaborating_pct",   "PIME_COL", "PIMEs innovadores que col·laboren",               "PME innovantes collaborant avec d'autres",           "percent"),
    ("cluster_members",             "SOCIS",    "Socis del clúster",                               "Nombre d'adhérents",                                 "count"),
    ("cluster_budget_eur",          "PRESS",    "Pressupost del clúster",                          "Budget du pôle",                                     "money"),
    ("cluster_staff_fte",           "PERS",     "Personal del clúster",                            "Effectif du pôle",                                   "fte"),
    ("services_delivered",          "SERV",     "Serveis prestats",                                "Services rendus",                                    "count"),
    ("companies_supported",         "ATESES",   "  Empreses ateses",                               "Entreprises accompagnées",                           "count"),
    ("events_organised",            "ACTIV",    "Activitats organitzades",                         "Événements organisés",                               "count"),
    ("funding_leveraged_eur",       "FIN",      "Finançament mobilitzat",                          "Financements obtenus (projets labellisés)",          "money"),
]
N_IND = len(INDICATORS)
N_YEARS = len(YEARS)
IND_INDEX = {ind[0]: i for i, ind in enumerate(INDICATORS)}

# Per kind: the wide sheet's `Unitat`, its cell style, the long file's `Unité`.
UNIT_WIDE = {"count": "nombre", "persons": "persones", "money": "M€", "percent": "%", "fte": "FTE"}
UNIT_LONG = {"count": "nb", "persons": "personnes", "money": "k€", "percent": "%", "fte": "ETP"}

# Base value ranges for 2000 (money in EUR, percent on the 0-100 scale), inside the schema's
# plausible ranges even after 24 years of growth at up to 3 % a year (x 2.03).
BASE = {
    "ls_companies_biotech": (20, 400), "ls_companies_medtech": (20, 300), "ls_companies_pharma": (5, 100),
    "ls_companies_digital_health": (10, 250), "ls_companies_cro_services": (5, 80),
    "research_centres": (1, 120), "university_hospitals": (1, 40), "universities_ls": (1, 30),
    "incubators_accelerators": (1, 40), "ls_employment": (800, 100_000), "startups_founded": (4, 120),
    "vc_raised_eur": (1e6, 800e6), "clinical_trials_started": (10, 2000), "ls_patent_applications": (1, 500),
    "ris_rd_exp_business_pct_gdp": (0.2, 2.5), "ris_sme_collaborating_pct": (5, 40),
    "cluster_members": (30, 900), "cluster_budget_eur": (0.3e6, 8e6), "cluster_staff_fte": (2, 60),
    "services_delivered": (50, 3000), "events_organised": (5, 200), "funding_leveraged_eur": (0.5e6, 150e6),
}
# Values outside the schema's plausible range (warnings, never errors): every IMPLAUSIBLE_EVERY-th
# value of these indicators (about 1 value in 4,000 overall).
IMPLAUSIBLE_EVERY = 500
IMPLAUSIBLE = {"ls_employment": 40, "cluster_members": 2, "events_organised": 900}

# Markers: the wide sheet uses Biocat's, the long file Medicen's (marker, status, share of values).
MARKERS_WIDE = [("n.d.", "M", 0.015), ("-", "M", 0.005)]
MARKERS_LONG = [("NC", "M", 0.012), ("secret stat.", "C", 0.005), ("s.o.", "N", 0.003)]
TEXT_NUMBER_SHARE = 0.01      # wide: values typed as text in the es/ca locale
ESTIMATED_SHARE = 0.05        # long: Statut `estimé`
LEADING_SPACES_SHARE = 0.01   # long: `  642`

FOOTNOTES = [
    "(p) Dades provisionals.",
    "n.d.: no disponible; -: sense dades.",
    "Font: elaboració pròpia a partir dels directoris dels clústers membres (dades sintètiques).",
]
LONG_HEADER = ["Pôle", "Indicateur", "Région", "Année", "Valeur", "Unité", "Statut"]


def label_for(n):
    return readbench.label_for(n)


def paths_for(n):
    base = os.path.join(DATA_DIR, "harmonise_" + label_for(n))
    return {"xlsx": base + "_wide.xlsx", "csv": base + "_long.csv", "manifest": base + ".json"}


def generator_hash():
    with open(os.path.abspath(__file__), "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def col_letter(i):
    """0-based column index to letters (0 -> A, 26 -> AA)."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


# ---------------------------------------------------------------------------
# The observations
# ---------------------------------------------------------------------------

def cluster_series(rng):
    """One cluster's 25 indicators x 25 years as numbers in canonical units (EUR, 0-100 %),
    consistent with the schema's cross-indicator rules (parts <= total, spin-offs <= start-ups,
    companies supported <= services)."""
    size = rng.uniform(0.3, 1.0)
    series = {}
    for ind, _code, _ca, _fr, kind in INDICATORS:
        if ind in BASE:
            lo, hi = BASE[ind]
            base = lo + (hi - lo) * size * rng.uniform(0.6, 1.0)
            growth = rng.uniform(0.0, 0.03)
            series[ind] = [base * (1 + growth) ** k for k in range(N_YEARS)]
    parts = ("ls_companies_biotech", "ls_companies_medtech", "ls_companies_pharma", "ls_companies_digital_health",
             "ls_companies_cro_services")
    other = rng.uniform(10, 300)
    series["ls_companies_total"] = [sum(round(series[p][k]) for p in parts) + round(other) for k in range(N_YEARS)]
    series["spinoffs_founded"] = [series["startups_founded"][k] * rng.uniform(0.1, 0.5) for k in range(N_YEARS)]
    share = rng.uniform(0.2, 0.8)
    series["companies_supported"] = [series["services_delivered"][k] * share for k in range(N_YEARS)]
    return size, series


def canonical(kind, v):
    """Round a generated value the way the partner stores it (canonical units)."""
    if kind in ("count", "persons"):
        return int(round(v))
    if kind == "money":
        return round(v / 1e5) * 1e5          # a tenth of a million: M€ with one decimal, k€ exact
    if kind == "percent":
        return round(v, 2)
    return round(v, 1)                       # fte


def es_text(kind, v):
    """A value typed as text by a Catalan analyst, in the row's unit: decimal comma, dot
    thousands (`139,0` M€, `58.940` persones, `0,84%`: text percent is read as written)."""
    if kind == "money":
        return f"{v / 1e6:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")
    if kind == "percent":
        return f"{v:.2f}%".replace(".", ",")
    if kind == "fte":
        return f"{v:.1f}".replace(".", ",")
    return f"{int(v):,}".replace(",", ".")


def fr_number(v, decimals):
    """French export formatting: NBSP between thousands, decimal comma."""
    if decimals == 0:
        return f"{int(round(v)):,}".replace(",", NBSP)
    return f"{v:,.{decimals}f}".replace(",", NBSP).replace(".", ",")


# ---------------------------------------------------------------------------
# Package parts (the rest comes from bench/generate.py)
# ---------------------------------------------------------------------------

# cellXfs: 0 General, 1 #,##0 (3), 2 #,##0.0 (164), 3 0.00% (10), 4 bold, 5 bold numeric year,
# 6 bold title.
STYLES_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0"/></numFmts><fonts count="3"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="14"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="1" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>"""

STYLE_FOR_KIND = {"count": 1, "persons": 1, "money": 2, "percent": 3, "fte": 2}


def sheet_head(last_row, last_col):
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" '
        'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" '
        'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" '
        'xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" '
        'xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" '
        'xr:uid="{00000000-0001-0000-0000-000000000000}">'
        f'<dimension ref="A1:{last_col}{last_row}"/><sheetViews><sheetView tabSelected="1" workbookViewId="0">'
        f'<pane xSplit="5" ySplit="{HEADER_ROW}" topLeftCell="F{FIRST_DATA_ROW}" activePane="bottomRight" state="frozen"/>'
        f'<selection pane="bottomRight" activeCell="F{FIRST_DATA_ROW}" sqref="F{FIRST_DATA_ROW}"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>'
        '<cols><col min="1" max="1" width="11" customWidth="1"/><col min="4" max="4" width="46" customWidth="1"/></cols>'
        '<sheetData>'
    )


# ---------------------------------------------------------------------------

def generate(n):
    if n % (N_IND * N_YEARS):
        raise SystemExit(f"observations must be a multiple of {N_IND * N_YEARS}, got {n}")
    clusters = n // (N_IND * N_YEARS)
    paths = paths_for(n)
    os.makedirs(DATA_DIR, exist_ok=True)
    rng = random.Random(SEED)
    t0 = time.perf_counter()

    sst, sst_list = {}, []
    string_refs = 0

    def s_index(text):
        nonlocal string_refs
        string_refs += 1
        i = sst.get(text)
        if i is None:
            i = sst[text] = len(sst_list)
            sst_list.append(text)
        return i

    year_cols = [col_letter(5 + k) for k in range(N_YEARS)]
    font_col = col_letter(5 + N_YEARS)
    last_col = font_col
    data_rows = clusters * N_IND
    last_data_row = FIRST_DATA_ROW + data_rows - 1
    footnote_rows = [last_data_row + 2 + k for k in range(len(FOOTNOTES))]
    last_row = footnote_rows[-1]
    spans = f"1:{5 + N_YEARS + 1}"

    counts = {"values": 0, "numeric_cells": 0, "text_numbers": 0, "implausible": 0,
              "markers_wide": {m: 0 for m, _, _ in MARKERS_WIDE}, "markers_long": {m: 0 for m, _, _ in MARKERS_LONG},
              "status_wide": {}, "status_long": {}}

    def bump(d, k):
        d[k] = d.get(k, 0) + 1

    tmp = {k: p + ".tmp" for k, p in paths.items() if k != "manifest"}
    zf = zipfile.ZipFile(tmp["xlsx"], "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6)
    zf.writestr("[Content_Types].xml", readbench.CONTENT_TYPES)
    zf.writestr("_rels/.rels", readbench.ROOT_RELS)
    zf.writestr("docProps/app.xml", readbench.APP_XML.replace("Ventes", SHEET_NAME))
    zf.writestr("docProps/core.xml", readbench.CORE_XML)
    zf.writestr("xl/workbook.xml", readbench.WORKBOOK_XML.replace("Ventes", SHEET_NAME))
    zf.writestr("xl/_rels/workbook.xml.rels", readbench.WORKBOOK_RELS)
    zf.writestr("xl/styles.xml", STYLES_XML)

    csv = open(tmp["csv"], "w", encoding="cp1252", newline="")
    csv.write(";".join(LONG_HEADER) + "\r\n")
    sheet_bytes = 0
    with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
        def put(s):
            nonlocal sheet_bytes
            b = s.encode("utf-8")
            sheet_bytes += len(b)
            sheet.write(b)

        put(sheet_head(last_row, last_col))
        title = "Indicadors clau dels clústers de la xarxa, 2000-2024 (dades sintètiques)"
        put(f'<row r="1" spans="{spans}"><c r="A1" s="6" t="s"><v>{s_index(title)}</v></c></row>')
        put(f'<row r="2" spans="{spans}"><c r="A2" t="s"><v>{s_index("Data d’actualització: 15/03/2025")}</v></c></row>')
        head = ["Clúster", "Regió", "Codi", "Indicador", "Unitat"]
        cells = [f'<c r="{col_letter(j)}{HEADER_ROW}" s="4" t="s"><v>{s_index(h)}</v></c>' for j, h in enumerate(head)]
        for k, y in enumerate(YEARS):
            ref = f"{year_cols[k]}{HEADER_ROW}"
            if y == PROVISIONAL_YEAR:
                cells.append(f'<c r="{ref}" s="4" t="s"><v>{s_index(f"{y} (p)")}</v></c>')
            else:
                cells.append(f'<c r="{ref}" s="5"><v>{y}</v></c>')
        cells.append(f'<c r="{font_col}{HEADER_ROW}" s="4" t="s"><v>{s_index("Font")}</v></c>')
        put(f'<row r="{HEADER_ROW}" spans="{spans}">' + "".join(cells) + "</row>")

        rand = rng.random
        r = FIRST_DATA_ROW
        xml, lines = [], []
        for c in range(clusters):
            cluster = f"br-{c + 1:04d}"
            region = REGIONS[c % len(REGIONS)]
            _, series = cluster_series(rng)
            cl_i, rg_i = s_index(cluster), s_index(region)
            for ind, code, ca_label, fr_label, kind in INDICATORS:
                row = [f'<row r="{r}" spans="{spans}"><c r="A{r}" t="s"><v>{cl_i}</v></c>'
                       f'<c r="B{r}" t="s"><v>{rg_i}</v></c><c r="C{r}" t="s"><v>{s_index(code)}</v></c>'
                       f'<c r="D{r}" t="s"><v>{s_index(ca_label)}</v></c>'
                       f'<c r="E{r}" t="s"><v>{s_index(UNIT_WIDE[kind])}</v></c>']
                style = STYLE_FOR_KIND[kind]
                for k, y in enumerate(YEARS):
                    ref = f"{year_cols[k]}{r}"
                    v = canonical(kind, series[ind][k])
                    if ind in IMPLAUSIBLE and (c * N_YEARS + k) % IMPLAUSIBLE_EVERY == 7:
                        v = IMPLAUSIBLE[ind]
                        counts["implausible"] += 1
                    provisional = y == PROVISIONAL_YEAR
                    # --- wide cell
                    x = rand()
                    marker = None
                    acc = 0.0
                    for m, st, share in MARKERS_WIDE:
                        acc += share
                        if x < acc:
                            marker = (m, st)
                            break
                    if marker:
                        row.append(f'<c r="{ref}" t="s"><v>{s_index(marker[0])}</v></c>')
                        counts["markers_wide"][marker[0]] += 1
                        bump(counts["status_wide"], marker[1])
                    else:
                        if x > 1 - TEXT_NUMBER_SHARE:
                            row.append(f'<c r="{ref}" t="s"><v>{s_index(es_text(kind, v))}</v></c>')
                            counts["text_numbers"] += 1
                        else:
                            stored = v / 1e6 if kind == "money" else (v / 100 if kind == "percent" else v)
                            if kind == "money":
                                stored = round(stored, 1)
                            elif kind == "percent":
                                stored = round(stored, 4)
                            row.append(f'<c r="{ref}" s="{style}"><v>{stored!r}</v></c>')
                            counts["numeric_cells"] += 1
                        bump(counts["status_wide"], "P" if provisional else "A")
                    # --- long row (an independent draw: the two shapes need not share markers)
                    x = rand()
                    marker = None
                    acc = 0.0
                    for m, st, share in MARKERS_LONG:
                        acc += share
                        if x < acc:
                            marker = (m, st)
                            break
                    if marker:
                        value, statut = marker[0], ""
                        counts["markers_long"][marker[0]] += 1
                        bump(counts["status_long"], marker[1])
                    else:
                        if kind == "money":
                            value = fr_number(v / 1e3, 0)
                        elif kind == "percent":
                            value = fr_number(v, 2) + NBSP + "%"
                        elif kind == "fte":
                            value = fr_number(v, 1)
                        else:
                            value = fr_number(v, 0)
                        if x > 1 - LEADING_SPACES_SHARE:
                            value = "  " + value
                        if provisional:
                            statut = "provisoire"
                            bump(counts["status_long"], "P")
                        elif x > 1 - LEADING_SPACES_SHARE - ESTIMATED_SHARE:
                            statut = "estimé"
                            bump(counts["status_long"], "E")
                        else:
                            statut = "définitif"
                            bump(counts["status_long"], "A")
                    lines.append(f"{cluster};{fr_label};{region};{y};{value};{UNIT_LONG[kind]};{statut}\r\n")
                    counts["values"] += 1
                row.append(f'<c r="{font_col}{r}" t="s"><v>{s_index("Directori de membres")}</v></c></row>')
                xml.append("".join(row))
                r += 1
                if len(xml) >= CHUNK_ROWS:
                    put("".join(xml))
                    csv.write("".join(lines))
                    xml, lines = [], []
        put("".join(xml))
        csv.write("".join(lines))
        for fr_row, text in zip(footnote_rows, FOOTNOTES):
            put(f'<row r="{fr_row}" spans="{spans}"><c r="A{fr_row}" t="s"><v>{s_index(text)}</v></c></row>')
        put(f'</sheetData><mergeCells count="1"><mergeCell ref="A1:{last_col}1"/></mergeCells>'
            '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>')
    csv.close()

    with zf.open("xl/sharedStrings.xml", "w", force_zip64=True) as f:
        f.write(('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                 f'count="{string_refs}" uniqueCount="{len(sst_list)}">').encode("utf-8"))
        for start in range(0, len(sst_list), 10_000):
            f.write("".join(
                (f'<si><t xml:space="preserve">{readbench.xml_escape(s)}</t></si>' if s != s.strip()
                 else f"<si><t>{readbench.xml_escape(s)}</t></si>")
                for s in sst_list[start:start + 10_000]).encode("utf-8"))
        f.write(b"</sst>")
    zf.close()
    for k, p in tmp.items():
        os.replace(p, paths[k])

    # Non-empty cells of the sheet, as `innaxe stats` counts them: title, date, header,
    # 5 + 25 + 1 per data row, the footnotes.
    non_empty = 2 + (5 + N_YEARS + 1) + data_rows * (5 + N_YEARS + 1) + len(FOOTNOTES)
    manifest = {
        "generator_sha256": generator_hash(),
        "observations": n,
        "clusters": clusters,
        "indicators": N_IND,
        "years": [YEARS[0], YEARS[-1]],
        "provisional_year": PROVISIONAL_YEAR,
        "wide": {
            "sheet": SHEET_NAME, "header_row": HEADER_ROW, "first_data_row": FIRST_DATA_ROW,
            "data_rows": data_rows, "last_data_row": last_data_row, "footnote_rows": footnote_rows,
            "sheet_rows": 3 + data_rows + len(FOOTNOTES), "columns": 5 + N_YEARS + 1,
            "non_empty_cells": non_empty, "numeric_value_cells": counts["numeric_cells"],
            "text_number_cells": counts["text_numbers"], "markers": counts["markers_wide"],
            "statuses": counts["status_wide"], "sheet_xml_bytes": sheet_bytes,
            "bytes": os.path.getsize(paths["xlsx"]),
        },
        "long": {
            "encoding": "cp1252", "delimiter": ";", "data_rows": n, "columns": len(LONG_HEADER),
            # every field is filled except the Statut of a marker row
            "non_empty_cells": len(LONG_HEADER) * (n + 1) - sum(counts["markers_long"].values()),
            "markers": counts["markers_long"], "statuses": counts["status_long"],
            "bytes": os.path.getsize(paths["csv"]),
        },
        "implausible_values": counts["implausible"],
        "generation_seconds": round(time.perf_counter() - t0, 2),
    }
    with open(paths["manifest"], "w") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
    return manifest


def up_to_date(n):
    paths = paths_for(n)
    if not all(os.path.exists(p) for p in paths.values()):
        return None
    try:
        with open(paths["manifest"]) as f:
            manifest = json.load(f)
    except (OSError, ValueError):
        return None
    if manifest.get("generator_sha256") != generator_hash() or manifest.get("observations") != n:
        return None
    return manifest


def ensure(n, force=False, log=print):
    """Return the manifest for `n` observations, generating the files first if needed."""
    manifest = None if force else up_to_date(n)
    if manifest is not None:
        return manifest, False
    log(f"generating {n:,} observations into bench/data/ ...")
    manifest = generate(n)
    log(f"  done in {manifest['generation_seconds']} s: wide xlsx {manifest['wide']['bytes']:,} B "
        f"({manifest['wide']['data_rows']:,} rows x {N_YEARS} years), long csv {manifest['long']['bytes']:,} B "
        f"({manifest['long']['data_rows']:,} rows)")
    return manifest, True


def main(argv):
    force = "--force" in argv
    counts = [int(a.replace("_", "")) for a in argv if not a.startswith("--")]
    if not counts:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    for n in counts:
        _, made = ensure(n, force=force)
        if not made:
            print(f"{n:,} observations: up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Generate the harmonisation benchmark's partner files (standard library only).

long.csv  — 1,000,000 rows, one observation each, as a French CRM export: `;`, decimal comma,
            columns Cluster;Région;Année;Indicateur;Valeur;Statut.
wide.csv  — the same observations wide: one row per cluster × indicator, years 2000-2035 as
            columns, decimal point (converted to wide.xlsx by `innaxe convert`).
Also writes the mapping files and the frictionless descriptors with equivalent Table Schemas.
"""
import json
import os
import random

INDICATORS = [  # (label in the file, schema id, frictionless type, low, high, decimals)
    ("Entreprises", "ls_companies_total", 10, 5000, 0),
    ("Emploi", "ls_employment", 100, 90000, 0),
    ("Levées de fonds", "vc_raised_eur", 1000, 900000000, 1),
    ("R&D entreprises (% PIB)", "ris_rd_exp_business_pct_gdp", 0, 5, 2),
]
REGIONS = ["ES51", "FR10", "FR101", "DE12", "DE125", "BG41", "DK01", "BE2", "ITC4", "SE11", "CH03", "AT13", "NL33", "FI1B", "IE06"]
YEARS = list(range(2000, 2036))
STATUSES = ["A"] * 8 + ["P", "E"]


def clusters_for(observations):
    per_cluster = len(INDICATORS) * len(YEARS)
    return (observations + per_cluster - 1) // per_cluster


def value(rng, low, high, decimals):
    v = rng.uniform(low, high)
    return round(v, decimals) if decimals else int(v)


def write_all(folder, observations=1_000_000, seed=7):
    rng = random.Random(seed)
    os.makedirs(folder, exist_ok=True)
    n_clusters = clusters_for(observations)
    long_path = os.path.join(folder, "long.csv")
    wide_path = os.path.join(folder, "wide.csv")
    written = 0
    with open(long_path, "w", encoding="utf-8", newline="") as long_f, open(wide_path, "w", encoding="utf-8", newline="") as wide_f:
        long_f.write("Cluster;Région;Année;Indicateur;Valeur;Statut\r\n")
        wide_f.write("Cluster,Region,Indicator," + ",".join(str(y) for y in YEARS) + "\r\n")
        for c in range(n_clusters):
            cluster = "c%05d" % c
            region = REGIONS[c % len(REGIONS)]
            for label, _, low, high, decimals in INDICATORS:
                row = []
                for year in YEARS:
                    if written >= observations:
                        break
                    v = value(rng, low, high, decimals)
                    text = str(v)
                    long_f.write("%s;%s;%d;%s;%s;%s\r\n" % (cluster, region, year, label, text.replace(".", ","), rng.choice(STATUSES)))
                    row.append(text)
                    written += 1
                if row:
                    row += [""] * (len(YEARS) - len(row))
                    wide_f.write("%s,%s,%s,%s\r\n" % (cluster, region, label, ",".join(row)))
    write_mappings(folder)
    write_frictionless(folder)
    return written


def write_mappings(folder):
    indicator_map = "\n".join("        %s: %s" % (json.dumps(label, ensure_ascii=False), sid) for label, sid, *_ in INDICATORS)
    with open(os.path.join(folder, "long.yaml"), "w", encoding="utf-8") as f:
        f.write("""mapping_version: 1.0.0
partner: bench
files: '^long\\.csv$'
csv: {encoding: utf-8, delimiter: ';'}
locale: fr
tables:
  - name: long export
    cluster_id: {column: Cluster}
    region: {column: Région}
    year: {column: Année}
    indicator:
      column: Indicateur
      map:
%s
    status: {column: Statut}
    values: [Valeur]
""" % indicator_map)
    with open(os.path.join(folder, "wide.yaml"), "w", encoding="utf-8") as f:
        f.write("""mapping_version: 1.0.0
partner: bench
files: '^wide\\.xlsx$'
tables:
  - name: wide sheet
    cluster_id: {column: Cluster}
    region: {column: Region}
    indicator:
      column: Indicator
      map:
%s
    values:
      - header_pattern: '^\\d{4}$'
        year: {header: true}
""" % indicator_map)


def write_frictionless(folder):
    """Table Schemas that check what the mappings check: types, required fields, ranges, enums."""
    labels = [label for label, *_ in INDICATORS]
    long_schema = {"fields": [
        {"name": "Cluster", "type": "string", "constraints": {"required": True, "pattern": "c[0-9]{5}"}},
        {"name": "Région", "type": "string", "constraints": {"required": True, "enum": REGIONS}},
        {"name": "Année", "type": "integer", "constraints": {"required": True, "minimum": 2000, "maximum": 2035}},
        {"name": "Indicateur", "type": "string", "constraints": {"required": True, "enum": labels}},
        {"name": "Valeur", "type": "number", "decimalChar": ",", "constraints": {"minimum": 0, "maximum": 1e11}},
        {"name": "Statut", "type": "string", "constraints": {"enum": ["A", "E", "P", "B", "C", "M", "N"]}},
    ], "primaryKey": ["Cluster", "Région", "Année", "Indicateur"]}
    wide_schema = {"fields": [
        {"name": "Cluster", "type": "string", "constraints": {"required": True, "pattern": "c[0-9]{5}"}},
        {"name": "Region", "type": "string", "constraints": {"required": True, "enum": REGIONS}},
        {"name": "Indicator", "type": "string", "constraints": {"required": True, "enum": labels}},
    ] + [{"name": str(y), "type": "number", "constraints": {"minimum": 0, "maximum": 1e11}} for y in YEARS],
        "primaryKey": ["Cluster", "Region", "Indicator"]}
    with open(os.path.join(folder, "long.resource.json"), "w", encoding="utf-8") as f:
        json.dump({"name": "long", "path": "long.csv", "format": "csv", "encoding": "utf-8",
                   "dialect": {"csv": {"delimiter": ";"}}, "schema": long_schema}, f, ensure_ascii=False, indent=1)
    with open(os.path.join(folder, "wide.resource.json"), "w", encoding="utf-8") as f:
        json.dump({"name": "wide", "path": "wide.xlsx", "format": "xlsx", "schema": wide_schema}, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    import sys
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    print(write_all(sys.argv[1] if len(sys.argv) > 1 else "bench/data/harmonise", n))

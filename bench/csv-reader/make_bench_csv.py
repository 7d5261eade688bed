#!/usr/bin/env python3
"""Writes a deterministic CSV benchmark file: N rows x 12 columns of cluster-indicator data.

    python3 make_bench_csv.py OUTPUT.csv [ROWS]   (default 1,000,000 rows)

Comma-delimited UTF-8 with LF line ends; a mix of text (some accented, some quoted with an
embedded comma or doubled quotes), integers, decimals, dates and empty fields, roughly what a
partner's indicator export looks like.
"""
import random
import sys

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rng = random.Random(20240229)
cities = ["Paris", "Évry-Courcouronnes", "Lyon", "Marseille", "København", "Aarhus", "Hørsholm",
          "София", "Пловдив", "Berlin", "München", "Göttingen", "Toulouse", "Strasbourg"]
countries = ["FR", "DK", "BG", "DE"]
sectors = ["Biotech", "Medtech", "Pharma", "Diagnostics", "e-Santé", "Services R&D"]
status = ["", "NC", "secret stat.", "confirmed", "estimated"]
with open(out, "w", encoding="utf-8", newline="") as f:
    f.write("siren,company,city,country,employees,revenue_keur,rd_share,founded,sector,status,comment,updated\n")
    for i in range(rows):
        r = rng.random()
        if r < 0.1:
            comment = '"Fusion en cours, suivi ""post-deal"""'
        elif r < 0.2:
            comment = "Levée de fonds série A"
        else:
            comment = ""
        f.write("%09d,Société Biotech %d,%s,%s,%d,%.2f,%.3f,%d,%s,%s,%s,2023-%02d-%02d\n" % (
            rng.randrange(10**9), i, cities[i % len(cities)], countries[i % 4], rng.randrange(1, 5000),
            rng.random() * 100000, rng.random(), 1950 + i % 74, sectors[i % len(sectors)],
            status[i % len(status)], comment, 1 + i % 12, 1 + i % 28))

#!/usr/bin/env python3
"""The inbox benchmark's peer: one pass over WORKSPACE/inbox as a coordinator would script it
with pandas and sqlite3 (see bench/inbox.py). Unreadable files are moved to rejected/."""
import json
import os
import shutil
import sqlite3
import sys

import pandas as pd

ws = sys.argv[1]
db = sqlite3.connect(os.path.join(ws, "state", "peer.sqlite"))
db.execute("CREATE TABLE IF NOT EXISTS obs (partner, file, indicator, region, year, value, status, unit)")
ok = bad = 0
for partner in sorted(os.listdir(os.path.join(ws, "inbox"))):
    folder = os.path.join(ws, "inbox", partner)
    for name in sorted(os.listdir(folder), key=lambda n: os.stat(os.path.join(folder, n)).st_ctime_ns):
        path = os.path.join(folder, name)
        try:
            if name.endswith(".xlsx"):
                df = pd.read_excel(path, engine="openpyxl")
            else:
                df = pd.read_csv(path, sep=";", decimal=",")
            df = df[["indicator", "region", "year", "value", "status", "unit"]]
            with db:
                db.executemany("INSERT INTO obs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               [(partner, name, *(None if pd.isna(v) else (v.item() if hasattr(v, "item") else v) for v in row))
                                for row in df.itertuples(index=False)])
            os.makedirs(os.path.join(ws, "archive", partner), exist_ok=True)
            shutil.move(path, os.path.join(ws, "archive", partner, name))
            ok += 1
        except Exception:
            shutil.move(path, os.path.join(ws, "rejected", name))
            bad += 1
rows = db.execute("SELECT partner, file, indicator, region, year, value, status, unit FROM obs").fetchall()
with open(os.path.join(ws, "out", "peer.json"), "w") as f:
    json.dump([dict(zip(["partner", "file", "indicator", "region", "year", "value", "status", "unit"], r)) for r in rows], f)
print("peer: %d files read, %d rejected, %d rows" % (ok, bad, len(rows)))

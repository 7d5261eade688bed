#!/usr/bin/env python3
"""The inbox benchmark's peer: one pass over WORKSPACE/inbox as a coordinator would script it
with pandas and sqlite3 before writing any mapping (see bench/inbox.py): every file loaded raw,
every non-empty cell stored. Unreadable files are moved to rejected/."""
import json
import os
import shutil
import sqlite3
import sys

import pandas as pd

ws = sys.argv[1]
db = sqlite3.connect(os.path.join(ws, "state", "peer.sqlite"))
db.execute("CREATE TABLE IF NOT EXISTS cells (partner, file, sheet, row, col, value)")


def frames(path):
    if path.endswith(".xlsx"):
        return pd.read_excel(path, sheet_name=None, header=None, engine="openpyxl").items()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return [("", pd.read_csv(path, sep=None, engine="python", header=None, dtype=str, encoding=encoding))]
        except UnicodeDecodeError:
            continue
    raise ValueError("undecodable")


ok = bad = 0
for partner in sorted(os.listdir(os.path.join(ws, "inbox"))):
    folder = os.path.join(ws, "inbox", partner)
    for name in sorted(os.listdir(folder), key=lambda n: os.stat(os.path.join(folder, n)).st_mtime_ns):
        path = os.path.join(folder, name)
        try:
            rows = []
            for sheet, df in frames(path):
                for r, line in enumerate(df.itertuples(index=False), start=1):
                    for c, v in enumerate(line, start=1):
                        if not pd.isna(v):
                            rows.append((partner, name, sheet, r, c, v.item() if hasattr(v, "item") else str(v)))
            with db:
                db.executemany("INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?)", rows)
            os.makedirs(os.path.join(ws, "archive", partner), exist_ok=True)
            shutil.move(path, os.path.join(ws, "archive", partner, name))
            ok += 1
        except Exception:
            shutil.move(path, os.path.join(ws, "rejected", name))
            bad += 1
cells = db.execute("SELECT partner, file, sheet, row, col, value FROM cells").fetchall()
with open(os.path.join(ws, "out", "peer.json"), "w") as f:
    json.dump([dict(zip(["partner", "file", "sheet", "row", "col", "value"], c)) for c in cells], f, default=str)
print("peer: %d files read, %d rejected, %d cells" % (ok, bad, len(cells)))

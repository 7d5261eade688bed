#!/usr/bin/env python3
"""The Python contenders of the read benchmark, one per process.

    python3 bench/contenders.py calamine FILE.xlsx
    python3 bench/contenders.py openpyxl FILE.xlsx
    python3 bench/contenders.py pandas FILE.csv SEP DECIMAL ENCODING [TRUE FALSE]

Each reads every cell of the first sheet (or the whole CSV) as typed values and
prints one line:

    cells: N rows: M read_s: S

N counts non-empty cells including the header row, M counts rows including the
header, and S is the time of the library call alone (after the interpreter has
started and the library is imported), so it is the strict figure to compare
innaxe with. The harness also times the whole process.
"""

import sys
import time


def calamine(path):
    from python_calamine import CalamineWorkbook

    t0 = time.perf_counter()
    values = CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()
    read_s = time.perf_counter() - t0
    # Counting is done outside the timed call: it is Python-level work on the result.
    cells = sum(1 for row in values for v in row if v != "")
    return cells, len(values), read_s


def openpyxl(path):
    import openpyxl as opx

    t0 = time.perf_counter()
    wb = opx.load_workbook(path, read_only=True, data_only=True)
    cells = rows = 0
    # In read-only mode the sheet is parsed while iterating: counting is the read.
    for row in wb.worksheets[0].iter_rows(values_only=True):
        rows += 1
        for v in row:
            if v is not None:
                cells += 1
    wb.close()
    return cells, rows, time.perf_counter() - t0


def pandas(path, sep, decimal, encoding, true_value=None, false_value=None):
    import pandas as pd

    extra = {}
    if true_value and false_value:
        extra = {"true_values": [true_value], "false_values": [false_value]}
    t0 = time.perf_counter()
    df = pd.read_csv(path, sep=sep, decimal=decimal, encoding=encoding, **extra)
    read_s = time.perf_counter() - t0
    cells = int(df.notna().sum().sum()) + len(df.columns)  # + the header row
    return cells, len(df) + 1, read_s


def main(argv):
    if len(argv) < 2 or argv[0] not in ("calamine", "openpyxl", "pandas"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    cells, rows, read_s = globals()[argv[0]](*argv[1:])
    print(f"cells: {cells} rows: {rows} read_s: {read_s:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

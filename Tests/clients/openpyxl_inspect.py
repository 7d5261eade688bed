#!/usr/bin/env python3
"""Opens a workbook with openpyxl (a real client, independent of innaxe) and prints, as JSON,
what it sees: properties, sheets, cell values with their types and number formats, freeze
panes, autofilter, merged ranges, data validations and comments. Used by
Tests/SpreadsheetIOTests/OpenpyxlClientTests.swift.

    python3 Tests/clients/openpyxl_inspect.py FILE.xlsx
"""
import datetime
import json
import sys
import warnings

import openpyxl


def value(v):
    if isinstance(v, datetime.datetime):
        return {"datetime": v.isoformat()}
    if isinstance(v, datetime.date):
        return {"date": v.isoformat()}
    if isinstance(v, datetime.time):
        return {"time": v.isoformat()}
    if isinstance(v, datetime.timedelta):
        return {"seconds": v.total_seconds()}
    if isinstance(v, float):
        # repr is the shortest round-trip text; a JSON number could lose bits in the reader.
        return {"float": repr(v)}
    return v


def main(path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        wb = openpyxl.load_workbook(path)
    out = {
        "warnings": [str(w.message) for w in caught],
        "title": wb.properties.title,
        "creator": wb.properties.creator,
        "created": wb.properties.created.isoformat() if wb.properties.created else None,
        "sheets": [],
    }
    for ws in wb.worksheets:
        sheet = {
            "name": ws.title,
            "state": ws.sheet_state,
            "freeze": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.customWidth},
            "validations": [
                {"type": dv.type, "sqref": str(dv.sqref), "formula1": dv.formula1, "formula2": dv.formula2,
                 "allow_blank": bool(dv.allow_blank), "prompt": dv.prompt}
                for dv in ws.data_validations.dataValidation
            ],
            "comments": {},
            "cells": {},
        }
        for row in ws.iter_rows():
            for c in row:
                if c.comment is not None:
                    sheet["comments"][c.coordinate] = {"text": c.comment.text, "author": c.comment.author}
                if c.value is None and c.style_id == 0:
                    continue
                sheet["cells"][c.coordinate] = {
                    "value": value(c.value), "type": c.data_type, "format": c.number_format,
                    "bold": bool(c.font.b), "fill": c.fill.fgColor.rgb if c.fill.fill_type == "solid" else None,
                    "wrap": bool(c.alignment.wrap_text),
                }
        out["sheets"].append(sheet)
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])

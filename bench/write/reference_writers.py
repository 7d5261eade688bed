#!/usr/bin/env python3
"""The Python side of the write benchmark: the same rows as innaxe_writer.swift, written by

    python3 bench/write/reference_writers.py xlsxwriter ROWS OUT   # XlsxWriter, constant_memory
    python3 bench/write/reference_writers.py rustpy ROWS OUT       # rust_xlsxwriter via rustpy-xlsxwriter
    python3 bench/write/reference_writers.py csv ROWS OUT          # the standard library's csv module

Prints `rows: N`, `write_s: T` (generation + writing, as the other drivers) and, for rustpy,
`call_s: T` (the library call alone: it takes the whole sheet as a list of dicts).
"""
import datetime
import sys
import time

REGIONS = ["Catalunya", "Île-de-France", "Rhein-Neckar", "Hovedstaden", "София-град", "Baden-Württemberg", "Øresund", "Occitanie"]
PRODUCTS = ["Diagnostic kit", "Réactif A&B", "Enzym <Typ 2>", "Антитела", "Sonde \"Q\"", "Vaccin", "Biopsie", "Pipette",
            "Assay", "Puffer", "Kulturmedium", "Scanner", "Implant"]
NOTES = ["", "urgent, fragile", "livraison partielle", "Nachlieferung folgt", "доставено"]
HEADER = ["id", "reference", "region", "product", "quantity", "price", "amount", "order_date", "delivery_date", "paid",
          "discount", "note"]
EPOCH = datetime.date(1970, 1, 1)


def row(i):
    quantity = (i * 7) % 100 + 1
    price = ((i * 37) % 10000) / 100 + 0.99
    amount = round(quantity * price * 100) / 100
    day = 18262 + i % 1500
    order = EPOCH + datetime.timedelta(days=day)
    delivery = EPOCH + datetime.timedelta(days=day + i % 20)
    return [i, f"REF-{i}", REGIONS[i % 8], PRODUCTS[i % 13], quantity, price, amount, order, delivery, i % 3 == 0,
            (i % 20) / 100, NOTES[i % 5] or None]


def xlsxwriter(rows, out):
    import xlsxwriter as xw
    book = xw.Workbook(out, {"constant_memory": True})
    sheet = book.add_worksheet("Sales")
    bold = book.add_format({"bold": True})
    formats = {4: book.add_format({"num_format": "#,##0"}), 5: book.add_format({"num_format": "#,##0.00"}),
               6: book.add_format({"num_format": "#,##0.00"}), 7: book.add_format({"num_format": "yyyy-mm-dd"}),
               8: book.add_format({"num_format": "yyyy-mm-dd"}), 10: book.add_format({"num_format": "0.0%"})}
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, rows, 11)
    sheet.write_row(0, 0, HEADER, bold)
    for i in range(1, rows + 1):
        for c, v in enumerate(row(i)):
            if v is None:
                continue
            f = formats.get(c)
            if c in (7, 8):
                sheet.write_datetime(i, c, datetime.datetime(v.year, v.month, v.day), f)
            else:
                sheet.write(i, c, v, f)
    book.close()


def rustpy(rows, out):
    import rustpy_xlsxwriter as rx
    records = []
    for i in range(1, rows + 1):
        r = row(i)
        records.append({h: (datetime.datetime(v.year, v.month, v.day) if isinstance(v, datetime.date) else v)
                        for h, v in zip(HEADER, r)})
    t0 = time.perf_counter()
    rx.write_worksheet(records, out, sheet_name="Sales", freeze_row=1, bold_headers=True, autofilter=True,
                       datetime_format="yyyy-mm-dd",
                       column_formats={"quantity": rx.Format().set_num_format("#,##0"),
                                       "price": rx.Format().set_num_format("#,##0.00"),
                                       "amount": rx.Format().set_num_format("#,##0.00"),
                                       "discount": rx.Format().set_num_format("0.0%")})
    return time.perf_counter() - t0


def csvmodule(rows, out):
    import csv
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(1, rows + 1):
            r = row(i)
            r[9] = "TRUE" if r[9] else "FALSE"
            w.writerow(r)


def main(argv):
    mode, rows, out = argv[1], int(argv[2]), argv[3]
    t0 = time.perf_counter()
    call = {"xlsxwriter": xlsxwriter, "rustpy": rustpy, "csv": csvmodule}[mode](rows, out)
    print(f"rows: {rows + 1}")
    print(f"write_s: {time.perf_counter() - t0:.6f}")
    if call is not None:
        print(f"call_s: {call:.6f}")


if __name__ == "__main__":
    main(sys.argv)

// The innaxe side of the write benchmark: generates the benchmark's rows (see data.md) and
// writes them with SpreadsheetIO's XLSXWriter or CSVWriter. Built by bench/write/run.py against
// the release build of SpreadsheetIO.
//
//     innaxe-write-bench xlsx|csv ROWS OUT [shared]
//
// `shared` writes strings through a shared-strings table instead of inline (the measured
// alternative); INNAXE_XLSX_SPOOL=plain selects the spool-to-file strategy (see SheetSpool.swift).
import SpreadsheetIO
#if canImport(Glibc)
import Glibc
#endif

let args = CommandLine.arguments
guard args.count == 4 || args.count == 5, let rows = Int(args[2]) else {
    FileHandleOut.stderr("usage: innaxe-write-bench xlsx|csv ROWS OUT [shared]\n")
    exit(2)
}
let format = args[1], out = args[3]

let regions = ["Catalunya", "Île-de-France", "Rhein-Neckar", "Hovedstaden", "София-град", "Baden-Württemberg", "Øresund", "Occitanie"]
let products = ["Diagnostic kit", "Réactif A&B", "Enzym <Typ 2>", "Антитела", "Sonde \"Q\"", "Vaccin", "Biopsie", "Pipette",
                "Assay", "Puffer", "Kulturmedium", "Scanner", "Implant"]
let notes = ["", "urgent, fragile", "livraison partielle", "Nachlieferung folgt", "доставено"]
let header = ["id", "reference", "region", "product", "quantity", "price", "amount", "order_date", "delivery_date", "paid", "discount", "note"]

func start() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Row i (1-based) of the benchmark data, the same formulas as the other drivers.
@inline(__always)
func fill(_ values: inout [CellValue], _ i: Int) {
    let quantity = (i &* 7) % 100 + 1
    let price = Double((i &* 37) % 10_000) / 100 + 0.99
    let amount = (Double(quantity) * price * 100).rounded() / 100
    let day = 18_262 + i % 1_500  // 2020-01-01 + n days
    let order = CivilDateTime.civilFromDays(day)
    let delivery = CivilDateTime.civilFromDays(day + i % 20)
    values[0] = .number(Double(i))
    values[1] = .string("REF-\(i)")
    values[2] = .string(regions[i % regions.count])
    values[3] = .string(products[i % products.count])
    values[4] = .number(Double(quantity))
    values[5] = .number(price)
    values[6] = .number(amount)
    values[7] = .dateTime(CivilDateTime(year: order.year, month: order.month, day: order.day))
    values[8] = .dateTime(CivilDateTime(year: delivery.year, month: delivery.month, day: delivery.day))
    values[9] = .boolean(i % 3 == 0)
    values[10] = .number(Double(i % 20) / 100)
    let note = notes[i % notes.count]
    values[11] = note.isEmpty ? .empty : .string(note)
}

enum FileHandleOut {
    static func stderr(_ s: String) { fputs(s, Glibc.stderr) }
}

let t0 = start()
var values = [CellValue](repeating: .empty, count: 12)
do {
    switch format {
    case "xlsx":
        let strings: XLSXWriter.Options.StringStorage = args.count == 5 && args[4] == "shared" ? .shared : .inline
        let book = try XLSXWriter(path: out, properties: WorkbookProperties(title: "Write benchmark"), options: .init(strings: strings))
        let bold = try book.style(.header)
        let decimal = try book.style(.decimal)
        let percent = try book.style(.percent)
        let integer = try book.style(.integer)
        var styles = [CellStyleID](repeating: .default, count: 12)
        styles[4] = integer
        styles[5] = decimal
        styles[6] = decimal
        styles[10] = percent
        let sheet = try book.addSheet(named: "Sales", options: .table)
        try sheet.writeRow(header.map { .string($0) }, style: bold)
        for i in 1...rows {
            fill(&values, i)
            try sheet.writeRow(values, styles: styles)
        }
        try book.close()
    case "csv":
        let csv = try CSVWriter(path: out, options: .init())
        try csv.writeRow(header.map { .string($0) })
        for i in 1...rows {
            fill(&values, i)
            try csv.writeRow(values)
        }
        try csv.close()
    default:
        FileHandleOut.stderr("unknown format \(format)\n")
        exit(2)
    }
} catch {
    FileHandleOut.stderr("error: \(error)\n")
    exit(1)
}
let t1 = start()
print("rows: \(rows + 1)")
print("write_s: \(t1 - t0)")

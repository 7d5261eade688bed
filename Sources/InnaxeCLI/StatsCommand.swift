import ArgumentParser
import SpreadsheetIO

/// `innaxe stats FILE`: reads every cell of every sheet as a typed value and counts them.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Read every cell of a file as a typed value and count cells by type.",
        discussion: "A quick check that a whole file reads, and the command the read benchmark times."
    )

    @Argument(help: "The spreadsheet file (XLSX, XLSM or CSV).")
    var file: String

    @OptionGroup var csv: CSVOptions

    func run() throws {
        try CLIErrors.reporting {
            let document = try csv.open(file)
            var total = CellCounts()
            var table = TextTable(header: ["Sheet", "Rows", "Cells", "Text", "Numbers", "Dates", "Booleans", "Errors", "Durations"])
            table.rightAligned = Set(1...8)
            for sheet in document.sheets {
                var counts = CellCounts()
                let reader = try document.rows(of: sheet)
                while let row = try reader.next() {
                    counts.rows += 1
                    for cell in row.cells { counts.add(cell.value) }
                }
                total.merge(counts)
                table.rows.append([sheet.name] + counts.columns)
            }
            print("\(document.file): \(document.format.rawValue), \(document.sheets.count) sheet(s)")
            print(table.render())
            print("rows: \(total.rows)")
            print("cells: \(total.cells)")
        }
    }
}

struct CellCounts {
    var rows = 0, cells = 0, text = 0, numbers = 0, dates = 0, booleans = 0, errors = 0, durations = 0

    mutating func add(_ value: CellValue) {
        switch value {
        case .empty: return
        case .string: text += 1
        case .number: numbers += 1
        case .dateTime, .timeOfDay: dates += 1
        case .boolean: booleans += 1
        case .error: errors += 1
        case .duration: durations += 1
        }
        cells += 1
    }

    mutating func merge(_ o: CellCounts) {
        rows += o.rows; cells += o.cells; text += o.text; numbers += o.numbers
        dates += o.dates; booleans += o.booleans; errors += o.errors; durations += o.durations
    }

    var columns: [String] { [rows, cells, text, numbers, dates, booleans, errors, durations].map(String.init) }
}

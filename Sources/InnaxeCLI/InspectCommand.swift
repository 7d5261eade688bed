import ArgumentParser
import Foundation
import SpreadsheetIO

/// `innaxe inspect FILE`: what a file holds, readable in a terminal.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a spreadsheet's sheets, their size and visibility, a header guess and the first rows.",
        discussion: """
        Reads XLSX/XLSM and CSV files. Every sheet is streamed once to find its used range \
        (the <dimension> a file declares is often wrong). Use --sheet to look at one sheet and \
        --rows to see more of it.

        Example:
          innaxe inspect fixtures/xlsx/excel-style-indicators.xlsx --rows 5
        """
    )

    @Argument(help: "The spreadsheet file (XLSX, XLSM or CSV).")
    var file: String

    @Option(help: "Show only this sheet.")
    var sheet: String?

    @Option(help: "How many rows of each sheet to show.")
    var rows = 8

    @OptionGroup var csv: CSVOptions

    func run() throws {
        try CLIErrors.reporting {
            let document = try csv.open(file)
            print(try SheetInspection.report(for: document, sheetName: sheet, previewRows: max(rows, 0)))
        }
    }
}

/// Builds the text of `inspect` (separate from the command so tests compare it directly).
enum SheetInspection {
    static func report(for document: SpreadsheetDocument, sheetName: String?, previewRows: Int) throws -> String {
        var out: [String] = []
        var summary = "\(document.file): \(document.format == .xlsx ? "XLSX workbook" : "CSV file"), \(document.sheets.count) sheet\(document.sheets.count == 1 ? "" : "s")"
        if let book = document.workbook, book.dateSystem == .from1904 { summary += ", 1904 date system" }
        if let encoding = document.csvEncoding, let dialect = document.csvDialect {
            summary += ", \(encoding), \(dialect)"
            if let c = document.csvDialectConfidence, c < 1 { summary += " (confidence \(String(format: "%.2f", c)))" }
        }
        out.append(summary)
        let chosen = try sheetName.map { [try document.sheet(named: $0)] } ?? document.sheets
        var table = TextTable(header: ["#", "Sheet", "Kind", "Visibility", "Used range", "Rows", "Cells", "Merged"])
        table.rightAligned = [0, 5, 6, 7]
        var previews: [String] = []
        for sheet in chosen {
            let reader = try document.rows(of: sheet)
            var firstRows: [Row] = []
            var rowCount = 0, cellCount = 0
            var minColumn = Int.max, maxColumn = 0, minRow = Int.max, maxRow = 0
            while let row = try reader.next() {
                let filled = row.cells.filter { !$0.value.isEmpty }
                guard let first = filled.first, let last = filled.last else { continue }
                rowCount += 1
                cellCount += filled.count
                minColumn = min(minColumn, first.column); maxColumn = max(maxColumn, last.column)
                minRow = min(minRow, row.index); maxRow = max(maxRow, row.index)
                if firstRows.count < max(previewRows, 30) { firstRows.append(row) }
            }
            let merged = (reader as? WorksheetReader)?.mergedCells ?? []
            var used = "—"
            if rowCount > 0, let a = CellReference(column: minColumn, row: minRow), let b = CellReference(column: maxColumn, row: maxRow) {
                used = CellRange(first: a, last: b).description
            }
            table.rows.append([String(sheet.index + 1), sheet.name, sheet.kind.rawValue, sheet.visibility.rawValue, used,
                               String(rowCount), String(cellCount), String(merged.count)])
            guard rowCount > 0, previewRows > 0 else { continue }
            var preview = ["", "Sheet \"\(sheet.name)\" (\(used))"]
            if let header = HeaderGuess.headerRow(in: firstRows), let row = firstRows.first(where: { $0.index == header }) {
                let labels = row.cells.filter { !$0.value.isEmpty }.map { document.displayText($0) }
                preview.append("  header row (guess): \(header): " + labels.prefix(8).joined(separator: " | ") + (labels.count > 8 ? " | …" : ""))
            } else {
                preview.append("  header row (guess): none found in the first 30 rows")
            }
            if !merged.isEmpty {
                preview.append("  merged: " + merged.prefix(6).map(\.description).joined(separator: ", ") + (merged.count > 6 ? ", …" : ""))
            }
            let shownColumns = max(minColumn, 1)...min(maxColumn, minColumn + 9)
            var grid = TextTable(header: [""] + shownColumns.map { CellReference.columnLetters($0) })
            grid.maxWidth = 18
            grid.rightAligned = [0]
            for row in firstRows.prefix(previewRows) {
                grid.rows.append([String(row.index)] + shownColumns.map { c in
                    row.cells.first(where: { $0.column == c }).map { document.displayText($0) } ?? ""
                })
            }
            preview.append(grid.render())
            if maxColumn > shownColumns.upperBound { preview.append("  … \(maxColumn - shownColumns.upperBound) more column(s)") }
            if rowCount > previewRows { preview.append("  … \(rowCount - min(previewRows, firstRows.count)) more row(s)") }
            previews.append(preview.joined(separator: "\n"))
        }
        out.append("")
        out.append(table.render())
        out += previews
        return out.joined(separator: "\n")
    }
}

extension SpreadsheetDocument {
    /// A cell as `inspect` shows it: dates in ISO form, percents as percents, errors as codes.
    func displayText(_ cell: Cell) -> String {
        if case .number(let d) = cell.value, numberFormat(of: cell).kind == .percent {
            return NumberText.shortest((d * 100 * 1e9).rounded() / 1e9) + "%"
        }
        return cell.value.text
    }
}

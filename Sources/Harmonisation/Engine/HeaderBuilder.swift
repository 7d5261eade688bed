import SpreadsheetIO

/// Builds one label per column from one or more header rows: `Adhérents / Total`.
///
/// A group label in an upper row spreads over the columns below it. Where the workbook merged
/// that row's cells, the merged ranges say exactly which columns (Excel keeps the text in the
/// range's first cell only). A row without merges (a CSV, or a sheet where the group was typed
/// without merging) falls back to a rule: the label carries over to the columns on its right that
/// have a label below and none above, up to the first column with nothing below.
enum HeaderBuilder {
    static func labels(from rows: [Row], merges: [CellRange] = [], text: (Cell) -> String) -> [Int: String] {
        var perRow: [[Int: String]] = rows.map { row in
            var m: [Int: String] = [:]
            for cell in row.cells {
                let t = text(cell).trimmedSpaces
                if !t.isEmpty { m[cell.column] = t }
            }
            return m
        }
        // Rows whose labels the merged ranges spread (only across: a range that spans header rows
        // names its column once, in its top row).
        var mergedRows = Set<Int>()
        for (r, row) in rows.enumerated() {
            for range in merges where range.first.row == row.index && range.last.column > range.first.column {
                mergedRows.insert(r)
                guard let label = perRow[r][range.first.column] else { continue }
                for c in range.first.column...range.last.column where perRow[r][c] == nil { perRow[r][c] = label }
            }
        }
        let columns = Set(perRow.flatMap(\.keys)).sorted()
        guard let last = columns.last else { return [:] }
        if perRow.count > 1 {
            for r in 0..<(perRow.count - 1) where !mergedRows.contains(r) {
                var carried: String?
                for c in 1...last {
                    if let t = perRow[r][c] { carried = t; continue }
                    let hasBelow = (r + 1..<perRow.count).contains { perRow[$0][c] != nil }
                    if hasBelow, let carried, perRow[r][c] == nil, c > 1, perRow[r][c - 1] != nil || perRow[r].keys.contains(where: { $0 < c }) {
                        perRow[r][c] = carried
                    } else if !hasBelow {
                        // A column with no lower label ends the group.
                        carried = nil
                    }
                }
            }
        }
        var labels: [Int: String] = [:]
        for c in columns {
            let parts = perRow.compactMap { $0[c] }
            if !parts.isEmpty { labels[c] = parts.joined(separator: " / ") }
        }
        return labels
    }
}

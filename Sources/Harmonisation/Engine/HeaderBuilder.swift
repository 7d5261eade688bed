import SpreadsheetIO

/// Builds one label per column from one or more header rows: `Adhérents / Total`. A group label
/// in an upper row (a merged cell, whose value sits in its top-left cell only) carries over to
/// the columns on its right that have a label below and none above.
enum HeaderBuilder {
    static func labels(from rows: [Row], text: (Cell) -> String) -> [Int: String] {
        var perRow: [[Int: String]] = rows.map { row in
            var m: [Int: String] = [:]
            for cell in row.cells {
                let t = text(cell).trimmedSpaces
                if !t.isEmpty { m[cell.column] = t }
            }
            return m
        }
        let columns = Set(perRow.flatMap(\.keys)).sorted()
        guard let last = columns.last else { return [:] }
        if perRow.count > 1 {
            for r in 0..<(perRow.count - 1) {
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

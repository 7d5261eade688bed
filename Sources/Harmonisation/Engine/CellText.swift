import SpreadsheetIO

/// A cell as text for labels, lookups and provenance: numbers in shortest form (`2020`, not
/// `2020.0`), dates in ISO form, strings as stored.
enum CellText {
    /// The text of the row's cell at `column` (empty when there is none).
    static func of(_ row: Row, column: Int) -> String {
        row.string(at: column) ?? of(row.value(at: column))
    }

    static func of(_ value: CellValue) -> String {
        switch value {
        case .number(let d): return NumberText.shortest(d)
        default: return value.text
        }
    }
}

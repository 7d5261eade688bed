/// One row as read: its 1-based index and its cells in column order, sparse (absent cells are
/// simply not there; ask `value(at:)` for any column).
public struct Row: Hashable, Sendable {
    /// 1-based row index in the sheet (for CSV: the record number).
    public var index: Int
    public var cells: [Cell]
    /// For CSV: the physical line where the record starts (records may span lines). Nil for XLSX.
    public var sourceLine: Int?

    public init(index: Int, cells: [Cell], sourceLine: Int? = nil) {
        self.index = index
        self.cells = cells
        self.sourceLine = sourceLine
    }

    /// The value at a 1-based column, `.empty` when the row has no cell there.
    public func value(at column: Int) -> CellValue {
        if column - 1 < cells.count, column >= 1, cells[column - 1].column == column {
            return cells[column - 1].value
        }
        var lo = 0, hi = cells.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cells[mid].column < column { lo = mid + 1 } else { hi = mid }
        }
        return lo < cells.count && cells[lo].column == column ? cells[lo].value : .empty
    }

    /// The text of a string cell at a 1-based column, nil for any other cell or none: read in
    /// place, without copying the cell's value out first.
    public func string(at column: Int) -> String? {
        if column - 1 < cells.count, column >= 1, cells[column - 1].column == column {
            if case .string(let s) = cells[column - 1].value { return s }
            return nil
        }
        var lo = 0, hi = cells.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cells[mid].column < column { lo = mid + 1 } else { hi = mid }
        }
        if lo < cells.count, cells[lo].column == column, case .string(let s) = cells[lo].value { return s }
        return nil
    }

    /// The format index (`s` attribute) of the cell at a 1-based column, 0 when there is none.
    public func formatIndex(at column: Int) -> Int {
        if column - 1 < cells.count, column >= 1, cells[column - 1].column == column {
            return cells[column - 1].formatIndex
        }
        var lo = 0, hi = cells.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cells[mid].column < column { lo = mid + 1 } else { hi = mid }
        }
        return lo < cells.count && cells[lo].column == column ? cells[lo].formatIndex : 0
    }

    /// Last column holding a non-empty value (0 when the row is blank).
    public var lastNonEmptyColumn: Int {
        cells.last(where: { !$0.value.isEmpty })?.column ?? 0
    }

    public var isBlank: Bool { cells.allSatisfy { $0.value.isEmpty } }

    /// Where a cell of this row came from, for messages and provenance: `file › Sheet!B7`.
    public func location(ofColumn column: Int, file: String, sheet: String?) -> CellLocation? {
        CellReference(column: column, row: index).map { CellLocation(file: file, sheet: sheet, cell: $0) }
    }
}

/// One row as read: its 1-based index and its cells in column order, sparse (absent cells are
/// simply not there; ask `value(at:)` for any column).
public struct Row: Hashable, Sendable {
    /// 1-based row index in the sheet (for CSV: the record number).
    public var index: Int
    public var cells: [Cell]
    /// For CSV: the physical line where the record starts (records may span lines). Nil for XLSX.
    public var sourceLine: Int?
    /// Formula cells saved without a computed value (a file written by a program that does not
    /// calculate): they have no cell in `cells`, and are listed here so a reader of the values
    /// can say why one is missing. Empty for CSV and for files saved by Excel or LibreOffice.
    public var uncachedFormulas: [UncachedFormula] = []

    public struct UncachedFormula: Hashable, Sendable {
        public var column: Int
        /// The formula as written, without `=` (empty for a shared formula's followers).
        public var formula: String

        public init(column: Int, formula: String) {
            self.column = column
            self.formula = formula
        }
    }

    public init(index: Int, cells: [Cell], sourceLine: Int? = nil) {
        self.index = index
        self.cells = cells
        self.sourceLine = sourceLine
    }

    /// The formula at a 1-based column that was saved without its value, if any.
    public func uncachedFormula(at column: Int) -> UncachedFormula? {
        uncachedFormulas.first { $0.column == column }
    }

    /// Where the cell of a 1-based column sits in `cells`: at `column - 1` in a dense row (the
    /// common case, one comparison), else found by binary search; nil when there is none.
    @inline(__always)
    private func position(of column: Int) -> Int? {
        if column - 1 < cells.count, column >= 1, cells[column - 1].column == column { return column - 1 }
        var lo = 0, hi = cells.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cells[mid].column < column { lo = mid + 1 } else { hi = mid }
        }
        return lo < cells.count && cells[lo].column == column ? lo : nil
    }

    /// The value at a 1-based column, `.empty` when the row has no cell there.
    public func value(at column: Int) -> CellValue {
        guard let i = position(of: column) else { return .empty }
        return cells[i].value
    }

    /// The text of a string cell at a 1-based column, nil for any other cell or none: read in
    /// place, without copying the cell's value out first.
    public func string(at column: Int) -> String? {
        guard let i = position(of: column), case .string(let s) = cells[i].value else { return nil }
        return s
    }

    /// The format index (`s` attribute) of the cell at a 1-based column, 0 when there is none.
    public func formatIndex(at column: Int) -> Int {
        guard let i = position(of: column) else { return 0 }
        return cells[i].formatIndex
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

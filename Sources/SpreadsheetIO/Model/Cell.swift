/// One non-empty (or explicitly present) cell of a row.
public struct Cell: Hashable, Sendable {
    /// 1-based column index (A = 1).
    public var column: Int
    public var value: CellValue
    /// Index into the workbook's cell formats (`cellXfs`); 0 is the default. Always 0 for CSV.
    public var formatIndex: Int

    public init(column: Int, value: CellValue, formatIndex: Int = 0) {
        self.column = column
        self.value = value
        self.formatIndex = formatIndex
    }
}

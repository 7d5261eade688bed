/// How a written sheet is laid out and what it offers the person who opens it.
public struct SheetOptions: Hashable, Sendable {
    /// Rows kept in view at the top when scrolling (1 = the header row).
    public var frozenRows: Int
    /// Columns kept in view at the left (key columns).
    public var frozenColumns: Int
    /// An autofilter over the first row written (the header) down to the last row, across the
    /// columns used.
    public var autoFilter: Bool
    /// Widths in Excel's character units for given 1-based columns; they win over content widths.
    public var columnWidths: [Int: Double]
    /// Width columns from the content of the first `widthSampleRows` rows (held in memory until
    /// then, since `<cols>` precedes the data in the file).
    public var widthsFromContent: Bool
    public var widthSampleRows: Int
    public var hidden: Bool
    /// 1-based columns whose strings go to the shared-string table even when the workbook writes
    /// strings inline: columns that repeat a few values (codes, names, units) down a long sheet
    /// are then written once, and each cell holds a short index (as Excel itself writes them).
    /// Only for columns with few distinct values: the table is kept in memory until `close()`.
    public var sharedStringColumns: Set<Int>

    public init(frozenRows: Int = 0, frozenColumns: Int = 0, autoFilter: Bool = false, columnWidths: [Int: Double] = [:],
                widthsFromContent: Bool = true, widthSampleRows: Int = 200, hidden: Bool = false, sharedStringColumns: Set<Int> = []) {
        self.frozenRows = frozenRows
        self.frozenColumns = frozenColumns
        self.autoFilter = autoFilter
        self.columnWidths = columnWidths
        self.widthsFromContent = widthsFromContent
        self.widthSampleRows = widthSampleRows
        self.hidden = hidden
        self.sharedStringColumns = sharedStringColumns
    }

    /// A table with a header row: the header frozen, filterable, columns widened to the content.
    public static let table = SheetOptions(frozenRows: 1, autoFilter: true)
}

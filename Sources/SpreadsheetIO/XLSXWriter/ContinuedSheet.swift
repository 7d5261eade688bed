/// A long table that may not fit in one worksheet: rows go to `name` until Excel's last row
/// (1,048,576), then on to `name (2)`, `name (3)`… each starting with the same header row, so
/// every sheet can be filtered and read on its own. What an analyst does by hand with a table too
/// long for Excel, done as the rows stream.
///
/// ```swift
/// let observations = try ContinuedSheet(in: book, named: "Observations", header: columns, headerStyle: bold)
/// for o in rows { try observations.writeRow(cells(o)) }
/// ```
public final class ContinuedSheet {
    private let book: XLSXWriter
    private let name: String
    private let options: SheetOptions
    private let header: [CellValue]
    private let headerStyle: CellStyleID
    /// Rows per sheet, the header included.
    public let rowLimit: Int
    private var current: WorksheetWriter
    private var rowsInCurrent = 0
    /// The sheets written so far, first to last.
    public private(set) var sheets: [WorksheetWriter]

    /// `rowLimit` (rows per sheet, header included) is Excel's unless a test asks for less.
    public init(in book: XLSXWriter, named name: String, options: SheetOptions = .init(), header: [CellValue],
                headerStyle: CellStyleID = .default, rowLimit: Int = CellReference.maxRow) throws {
        precondition(rowLimit >= 2, "a sheet must hold its header and at least one row")
        self.book = book
        self.name = name
        self.options = options
        self.header = header
        self.headerStyle = headerStyle
        self.rowLimit = min(rowLimit, CellReference.maxRow)
        current = try book.addSheet(named: name, options: options)
        sheets = [current]
        try writeHeader()
    }

    /// The data rows written, over every sheet.
    public private(set) var rowCount = 0

    public func writeRow(_ values: [CellValue], style: CellStyleID = .default, styles: [CellStyleID]? = nil) throws {
        if rowsInCurrent == rowLimit {
            current = try book.addSheet(named: book.availableSheetName(for: "\(name) (\(sheets.count + 1))"), options: options)
            sheets.append(current)
            rowsInCurrent = 0
            try writeHeader()
        }
        try current.writeRow(values, style: style, styles: styles)
        rowsInCurrent += 1
        rowCount += 1
    }

    private func writeHeader() throws {
        guard !header.isEmpty else { return }
        try current.writeRow(header, style: headerStyle)
        rowsInCurrent += 1
    }
}

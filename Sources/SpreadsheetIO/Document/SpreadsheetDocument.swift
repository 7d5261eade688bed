/// A spreadsheet file of any supported format, as a list of sheets whose rows can be streamed.
/// The format is decided by the file's bytes, not its name: a CSV renamed `.xlsx` is refused
/// as "not an XLSX workbook", an `.xls` saved as XLSX is read as XLSX.
public final class SpreadsheetDocument {
    public enum Format: String, Sendable { case xlsx, csv }

    public let file: String
    public let format: Format
    public let sheets: [SheetInfo]
    /// For XLSX: the workbook (number formats, date system).
    public let workbook: XLSXWorkbook?

    private init(file: String, format: Format, sheets: [SheetInfo], workbook: XLSXWorkbook?) {
        self.file = file
        self.format = format
        self.sheets = sheets
        self.workbook = workbook
    }

    /// Opens `path`: XLSX/XLSM when the bytes are a ZIP or OLE file or the name says so.
    public static func open(path: String, displayName: String? = nil, zipLimits: ZipLimits = .default) throws -> SpreadsheetDocument {
        let file = displayName ?? path
        let book = try XLSXWorkbook(path: path, displayName: file, limits: zipLimits)
        return SpreadsheetDocument(file: file, format: .xlsx, sheets: book.sheets, workbook: book)
    }

    public func sheet(named name: String) throws -> SheetInfo {
        if let workbook { return try workbook.sheet(named: name) }
        if let s = sheets.first(where: { $0.name == name }) { return s }
        throw SpreadsheetError(.noSuchSheet, file: file, sheet: name, reason: "a CSV file has one sheet, \"\(sheets.first?.name ?? "")\"")
    }

    public func rows(of sheet: SheetInfo) throws -> any RowReading {
        guard let workbook else { fatalError("unreachable: CSV documents arrive with the CSV reader") }
        return try workbook.rows(of: sheet)
    }

    /// The number format of a cell (General for CSV).
    public func numberFormat(of cell: Cell) -> NumberFormat {
        workbook?.numberFormat(of: cell) ?? .general
    }
}

/// A spreadsheet file of any supported format, as a list of sheets whose rows can be streamed.
///
/// The format is decided by the file's bytes first, then its name: a ZIP or OLE file is read as a
/// workbook whatever it is called (so a legacy `.xls` or an encrypted workbook gets its own clear
/// error), a text file named `.xlsx`/`.xlsm`/`.xls` is refused as "not an XLSX workbook", and any
/// other text file is read as CSV. A CSV file is one sheet named after the file.
public final class SpreadsheetDocument {
    public enum Format: String, Sendable { case xlsx, csv }

    public let file: String
    public let format: Format
    public let sheets: [SheetInfo]
    /// For XLSX: the workbook (number formats, date system).
    public let workbook: XLSXWorkbook?
    /// For CSV: the encoding and dialect found (or given), which every read of the file uses.
    public let csvEncoding: DetectedEncoding?
    public let csvDialect: CSVDialect?
    public let csvDialectConfidence: Double?

    private let path: String
    private let csvOptions: CSVReader.Options

    /// Opens `path`. `displayName` is how messages name the file (default: the path as given).
    public init(path: String, displayName: String? = nil, zipLimits: ZipLimits = .default, csvOptions: CSVReader.Options = .init()) throws {
        let file = displayName ?? path
        self.file = file
        self.path = path
        let signature: FileSignature
        do {
            signature = try FileSignature.detect(path: path)
        } catch {
            throw SpreadsheetError(.unreadableFile, file: file, reason: "cannot open the file for reading")
        }
        let lower = path.lowercased()
        let workbookName = [".xlsx", ".xlsm", ".xltx", ".xltm", ".xls"].contains { lower.hasSuffix($0) }
        let readAsWorkbook: Bool
        switch signature {
        case .zip, .encryptedOOXML, .legacyXLS, .otherOLE: readAsWorkbook = true
        case .empty, .unknown: readAsWorkbook = workbookName
        }
        if readAsWorkbook {
            let book = try XLSXWorkbook(path: path, displayName: file, limits: zipLimits)
            format = .xlsx
            sheets = book.sheets
            workbook = book
            csvEncoding = nil
            csvDialect = nil
            csvDialectConfidence = nil
            self.csvOptions = csvOptions
        } else {
            let probe = try CSVReader(path: path, displayName: file, options: csvOptions)
            format = .csv
            workbook = nil
            csvEncoding = probe.detectedEncoding
            csvDialect = probe.dialect
            csvDialectConfidence = probe.dialectConfidence
            var pinned = csvOptions
            pinned.encoding = probe.detectedEncoding.encoding
            pinned.dialect = probe.dialect
            self.csvOptions = pinned
            let base = file.split(separator: "/").last.map(String.init) ?? file
            let stem = base.lastIndex(of: ".").map { String(base[..<$0]) } ?? base
            sheets = [SheetInfo(index: 0, name: stem.isEmpty ? base : stem, visibility: .visible, kind: .worksheet, part: nil)]
        }
    }

    public func sheet(named name: String) throws -> SheetInfo {
        if let workbook { return try workbook.sheet(named: name) }
        if let s = sheets.first(where: { $0.name == name }) { return s }
        throw SpreadsheetError(.noSuchSheet, file: file, sheet: name, reason: "a CSV file has one sheet, \"\(sheets[0].name)\"")
    }

    /// Streams a sheet's rows (for CSV, a fresh pass over the file with the pinned encoding and dialect).
    public func rows(of sheet: SheetInfo) throws -> any RowReading {
        if let workbook { return try workbook.rows(of: sheet) }
        return try CSVReader(path: path, displayName: file, options: csvOptions)
    }

    /// The merged ranges of a sheet (none for CSV). Excel writes them after the cells, so this
    /// reads the whole sheet once: ask only when a header spans several rows.
    public func mergedCells(of sheet: SheetInfo) throws -> [CellRange] {
        guard let workbook else { return [] }
        let reader = try workbook.rows(of: sheet)
        while try reader.next() != nil {}
        return reader.mergedCells
    }

    /// The number format of a cell (General for CSV).
    public func numberFormat(of cell: Cell) -> NumberFormat {
        workbook?.numberFormat(of: cell) ?? .general
    }

    /// The kind of the number format with this format index (General for CSV).
    public func formatKind(ofIndex formatIndex: Int) -> NumberFormat.Kind {
        workbook?.formatKind(ofIndex: formatIndex) ?? .general
    }
}

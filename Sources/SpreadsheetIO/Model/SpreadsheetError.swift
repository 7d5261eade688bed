/// Why a spreadsheet file could not be read. Every error names the file and, when known, the
/// part of the package, the sheet and cell, or the line and column, so a person can find it.
///
/// Printed form (`description`):
/// `biocat.xlsx › xl/worksheets/sheet1.xml:12:5: malformed XML: Opening and ending tag mismatch`
public struct SpreadsheetError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kinds of failure. Each has a stable kebab-case `code` (documented in the README).
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The file does not exist or cannot be read.
        case unreadableFile = "unreadable-file"
        /// Neither a ZIP package nor an OLE compound file: not a spreadsheet we know.
        case notXLSX = "not-xlsx"
        /// A legacy binary Excel workbook (BIFF in an OLE compound file).
        case legacyXLS = "legacy-xls"
        /// An encrypted / password-protected workbook (OOXML inside an OLE compound file).
        case encrypted = "encrypted"
        /// The ZIP container is truncated or damaged (bad central directory, CRC mismatch).
        case corruptZip = "corrupt-zip"
        /// A ZIP entry that cannot be used: unsupported compression, encrypted entry, bad name.
        case badZipEntry = "bad-zip-entry"
        /// A part the package needs is absent (`xl/workbook.xml`, a sheet part).
        case missingPart = "missing-part"
        /// XML that is not well-formed, or a required element/attribute is absent or invalid.
        case malformed = "malformed"
        /// A DTD, entity declaration or external entity: refused, never expanded or fetched.
        case xmlEntity = "xml-entity"
        /// Over a size limit: a part's uncompressed size, its compression ratio, a string's length.
        case tooLarge = "too-large"
        /// A cell reference or sheet dimension outside Excel's 16,384 × 1,048,576 grid.
        case outOfRange = "out-of-range"
        /// Bytes that are not valid in the file's text encoding.
        case undecodableText = "undecodable-text"
        /// A sheet asked for by name or index that the workbook does not have.
        case noSuchSheet = "no-such-sheet"

        // Writing: values and names a file format cannot hold, refused before anything is written.
        /// A sheet name Excel refuses: empty, over 31 characters, `[]:*?/\\`, or a leading/trailing `'`.
        case invalidSheetName = "invalid-sheet-name"
        /// Two sheets whose names differ only in case (Excel compares them case-insensitively).
        case duplicateSheetName = "duplicate-sheet-name"
        /// Text over Excel's 32,767 characters in one cell.
        case textTooLong = "text-too-long"
        /// NaN or infinity, which no spreadsheet cell can hold.
        case nonFiniteNumber = "non-finite-number"
        /// A date before 1900-01-01 or after 9999-12-31, which Excel cannot store as a date.
        case dateOutOfRange = "date-out-of-range"
        /// Rows written out of order, or a feature (validation, comment, freeze) that is invalid.
        case invalidWrite = "invalid-write"
        /// The output file or a temporary file beside it could not be created, written or renamed.
        case cannotWrite = "cannot-write"

        /// Kinds raised by the writers; the others are reading failures (with corpus categories).
        public var isWriting: Bool {
            switch self {
            case .invalidSheetName, .duplicateSheetName, .textTooLong, .nonFiniteNumber, .dateOutOfRange, .invalidWrite, .cannotWrite: return true
            default: return false
            }
        }
    }

    public var kind: Kind
    /// The file as the user named it (not an absolute path unless they gave one).
    public var file: String
    /// The package part (`xl/worksheets/sheet2.xml`) when the error is inside one.
    public var part: String?
    /// The sheet name, when the error concerns one sheet.
    public var sheet: String?
    /// The cell, when known.
    public var cell: CellReference?
    /// 1-based line and column in the XML part or text file, when known.
    public var line: Int?
    public var column: Int?
    /// Byte offset in the file (text files) when known.
    public var byteOffset: Int?
    /// What went wrong, in words, without the location (that is added when printed).
    public var reason: String

    public init(_ kind: Kind, file: String, part: String? = nil, sheet: String? = nil, cell: CellReference? = nil,
                line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil, reason: String) {
        self.kind = kind
        self.file = file
        self.part = part
        self.sheet = sheet
        self.cell = cell
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.reason = reason
    }

    /// The category name used by the conformance corpus and `innaxe dump --json` refusals.
    public var category: String {
        switch kind {
        case .legacyXLS, .notXLSX, .unreadableFile: return "not-xlsx"
        case .missingPart, .noSuchSheet, .outOfRange, .undecodableText: return "malformed"
        default: return kind.rawValue
        }
    }

    /// Where, as precisely as known: `file › part:line:col`, `file › Sheet!B7`, `file:line (byte N)`.
    public var locationText: String {
        var s = file
        if let sheet, let cell {
            s += " › " + SheetName.quotedForReference(sheet) + "!" + cell.description
        } else if let part {
            s += " › " + part
            if let sheet { s += " (sheet \"\(sheet)\")" }
            if let line { s += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        } else if let sheet {
            s += " › sheet \"\(sheet)\""
        } else if let line {
            s += ":\(line)" + (column.map { ":\($0)" } ?? "")
        }
        if let byteOffset { s += " (byte \(byteOffset))" }
        return s
    }

    public var description: String { "\(locationText): \(kind.rawValue): \(reason)" }
}

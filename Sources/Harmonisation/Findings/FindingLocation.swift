import SpreadsheetIO

/// Where a finding points: file, sheet (nil for CSV), cell, and the header of its column.
/// Prints as `biocat.xlsx › Indicadors!G12`.
public struct FindingLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var sheet: String?
    public var cell: CellReference?
    /// 1-based row when there is no single cell (a whole row, a header).
    public var row: Int?
    public var columnHeader: String?

    public init(file: String, sheet: String? = nil, cell: CellReference? = nil, row: Int? = nil, columnHeader: String? = nil) {
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.row = row ?? cell?.row
        self.columnHeader = columnHeader
    }

    public var column: Int? { cell?.column }

    /// `Sheet!B7`, `Sheet!7:7` for a row, or the sheet alone.
    public var reference: String {
        let sheetPrefix = sheet.map { SheetName.quotedForReference($0) + "!" } ?? ""
        if let cell { return sheetPrefix + cell.description }
        if let row { return sheetPrefix + "\(row):\(row)" }
        return sheet ?? ""
    }

    public var description: String {
        let ref = reference
        return ref.isEmpty ? file : "\(file) › \(ref)"
    }
}

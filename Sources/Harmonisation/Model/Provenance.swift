import SpreadsheetIO

/// Where an observation came from and what it looked like there: the lineage every harmonised
/// value keeps (schema attributes `source_file`, `original_value`, `original_unit`).
public struct Provenance: Hashable, Sendable {
    public var file: String
    public var sheet: String?
    public var cell: CellReference?
    public var columnHeader: String?
    /// The cell's text as stored (numbers in shortest form, dates ISO).
    public var originalText: String
    public var originalUnit: String?
    /// For converted money: the rate used and its kind (`annual-average 2022`, `fixed`).
    public var conversion: Conversion?
    /// Cells summed into this value (totals built from parts).
    public var summedCells: [CellReference] = []

    public struct Conversion: Hashable, Sendable {
        public var currency: String
        public var nativeValue: Double
        public var ratePerEUR: Double
        public var rateKind: String
    }

    public var location: FindingLocation {
        FindingLocation(file: file, sheet: sheet, cell: cell, columnHeader: columnHeader)
    }
}

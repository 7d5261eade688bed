import SpreadsheetIO

/// Where an observation came from and what it looked like there: the lineage every harmonised
/// value keeps (schema attributes `source_file`, `original_value`, `original_unit`).
public struct Provenance: Hashable, Sendable {
    public var file: String
    public var sheet: String?
    public var cell: CellReference?
    public var columnHeader: String?
    /// The cell as read. Kept as the value, not its text: a numeric cell is formatted only when
    /// an output asks for `originalText`, and validating a million cells asks for none.
    public var originalValue: CellValue
    /// The cell's text as stored (numbers in shortest form, dates ISO).
    public var originalText: String {
        get { CellText.of(originalValue) }
        set { originalValue = .string(newValue) }
    }
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

    @inline(__always)
    public init(file: String, sheet: String?, cell: CellReference?, columnHeader: String?, original: CellValue, originalUnit: String?,
                conversion: Conversion? = nil, summedCells: [CellReference] = []) {
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.columnHeader = columnHeader
        originalValue = original
        self.originalUnit = originalUnit
        self.conversion = conversion
        self.summedCells = summedCells
    }

    public init(file: String, sheet: String?, cell: CellReference?, columnHeader: String?, originalText: String, originalUnit: String?,
                conversion: Conversion? = nil, summedCells: [CellReference] = []) {
        self.init(file: file, sheet: sheet, cell: cell, columnHeader: columnHeader, original: .string(originalText), originalUnit: originalUnit,
                  conversion: conversion, summedCells: summedCells)
    }

    public var location: FindingLocation {
        FindingLocation(file: file, sheet: sheet, cell: cell, columnHeader: columnHeader)
    }
}

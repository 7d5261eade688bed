/// How a written cell looks: number format, bold, fill, wrap. Register one with
/// `XLSXWriter.style(_:)` and pass the returned `CellStyleID` with the cells that use it; the
/// workbook's style table holds only the combinations that cells really use.
public struct CellStyle: Hashable, Sendable {
    /// An Excel number format code such as `#,##0.00`, `0.0%`, `yyyy-mm-dd`; nil = General
    /// (dates and times then get `yyyy-mm-dd`, `yyyy-mm-dd hh:mm:ss`, `hh:mm:ss` or `[h]:mm:ss`).
    public var numberFormat: String?
    public var bold: Bool
    /// Solid background as `RRGGBB` (`FFF2CC`), nil for none.
    public var fillColor: String?
    public var wrapText: Bool

    public init(numberFormat: String? = nil, bold: Bool = false, fillColor: String? = nil, wrapText: Bool = false) {
        self.numberFormat = numberFormat
        self.bold = bold
        self.fillColor = fillColor
        self.wrapText = wrapText
    }

    public static let plain = CellStyle()
    public static let header = CellStyle(bold: true)
    /// `#,##0`
    public static let integer = CellStyle(numberFormat: "#,##0")
    /// `#,##0.00`
    public static let decimal = CellStyle(numberFormat: "#,##0.00")
    /// `0.0%`: the cell holds the fraction (0.125 shows as 12.5%).
    public static let percent = CellStyle(numberFormat: "0.0%")
    /// `yyyy-mm-dd`
    public static let date = CellStyle(numberFormat: "yyyy-mm-dd")
    /// A light yellow fill for cells that need attention.
    public static let highlighted = CellStyle(fillColor: "FFF2CC")
}

/// A registered `CellStyle`, from `XLSXWriter.style(_:)`. `.default` is the workbook's Normal style.
public struct CellStyleID: Hashable, Sendable {
    let index: Int32
    init(index: Int32) { self.index = index }
    public static let `default` = CellStyleID(index: 0)
}

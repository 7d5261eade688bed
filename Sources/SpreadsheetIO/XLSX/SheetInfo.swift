/// A sheet as the workbook lists it.
public struct SheetInfo: Hashable, Sendable {
    public enum Visibility: String, Hashable, Sendable {
        case visible, hidden, veryHidden
    }

    public enum Kind: String, Hashable, Sendable {
        case worksheet, chartsheet, dialogsheet, macrosheet
    }

    /// 0-based position in the workbook's tab order.
    public let index: Int
    public let name: String
    public let visibility: Visibility
    public let kind: Kind
    /// The package part holding the sheet (nil when the workbook points at nothing).
    public let part: String?
}

/// A rectangle of cells such as `A1:C3`, inclusive at both corners.
/// Used for merged cells and sheet dimensions.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public let first: CellReference
    public let last: CellReference

    public init(first: CellReference, last: CellReference) {
        self.first = CellReference(column: min(first.column, last.column), row: min(first.row, last.row))!
        self.last = CellReference(column: max(first.column, last.column), row: max(first.row, last.row))!
    }

    /// Parses `A1:C3` or a single `B2` (a one-cell range). Nil when invalid or out of Excel's range.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let a = CellReference(String(parts[0])) else { return nil }
            self.init(first: a, last: a)
        case 2:
            guard let a = CellReference(String(parts[0])), let b = CellReference(String(parts[1])) else { return nil }
            self.init(first: a, last: b)
        default:
            return nil
        }
    }

    public var columnCount: Int { last.column - first.column + 1 }
    public var rowCount: Int { last.row - first.row + 1 }

    public func contains(_ reference: CellReference) -> Bool {
        (first.column...last.column).contains(reference.column) && (first.row...last.row).contains(reference.row)
    }

    public var description: String { first == last ? first.description : "\(first):\(last)" }
}

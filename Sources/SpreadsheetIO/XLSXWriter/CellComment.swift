/// A note attached to a cell (Excel's "Note", shown with a red corner and on hover).
public struct CellComment: Hashable, Sendable {
    public var cell: CellReference
    public var text: String
    public var author: String

    public init(cell: CellReference, text: String, author: String = "innaxe") {
        self.cell = cell
        self.text = text
        self.author = author
    }
}

import SpreadsheetIO

/// `B7` → column and row, for callers that hold a reference as text.
public enum CellReferenceParsing {
    public static func parse(_ text: String) -> CellReference? { CellReference(text) }
}

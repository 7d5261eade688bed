/// Where a value came from: file, sheet (nil for CSV) and cell. Prints as
/// `biocat.xlsx › Indicadors!G12` or `medicen.csv › B7`, the form every message uses.
public struct CellLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var sheet: String?
    public var cell: CellReference

    public init(file: String, sheet: String?, cell: CellReference) {
        self.file = file
        self.sheet = sheet
        self.cell = cell
    }

    /// `Sheet!B7`, with the sheet name quoted as Excel quotes it when it needs to be.
    public var sheetQualifiedReference: String {
        guard let sheet else { return cell.description }
        return SheetName.quotedForReference(sheet) + "!" + cell.description
    }

    public var description: String { "\(file) › \(sheetQualifiedReference)" }
}

/// Sheet-name rules shared by references and messages.
public enum SheetName {
    /// Excel quotes a sheet name in a reference when it is not a plain identifier:
    /// `'My Sheet'!A1`, `'Données 2023'!B2`; an apostrophe inside is doubled.
    public static func quotedForReference(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy { s in
            (s.properties.isAlphabetic || s.properties.numericType != nil || s == "_" || s == ".")
        } && !(name.unicodeScalars.first!.properties.numericType != nil)
            && CellReference(name) == nil
        if plain { return name }
        return "'" + name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }
}

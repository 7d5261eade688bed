import Foundation
@testable import SpreadsheetIO

/// Helpers for reading back what a writer wrote.
enum WrittenWorkbook {
    /// Every row of a sheet, by index.
    static func rows(_ book: XLSXWorkbook, _ sheet: String) throws -> (rows: [Int: Row], merges: [CellRange]) {
        let reader = try book.rows(of: book.sheet(named: sheet))
        var rows: [Int: Row] = [:]
        while let row = try reader.next() { rows[row.index] = row }
        return (rows, reader.mergedCells)
    }

    static func value(_ rows: [Int: Row], _ ref: String) -> CellValue {
        let r = CellReference(ref)!
        return rows[r.row]?.value(at: r.column) ?? .empty
    }

    static func cell(_ rows: [Int: Row], _ ref: String) -> Cell? {
        let r = CellReference(ref)!
        return rows[r.row]?.cells.first { $0.column == r.column }
    }

    /// The text of every entry of the package, by name.
    static func parts(_ path: String) throws -> [String: String] {
        let archive = try ZipArchive(path: path, file: path, limits: .default)
        var parts: [String: String] = [:]
        for name in archive.entryNames { parts[name] = String(decoding: try archive.readAll(name), as: UTF8.self) }
        return parts
    }

    /// Parses `xml` with libxml2 (the reader's hardened parser); throws on any well-formedness error.
    static func checkWellFormed(_ xml: String, part: String) throws {
        let parser = XMLStreamParser(handler: XMLEventHandler(), file: "written", part: part)
        try Array(xml.utf8).withUnsafeBytes { try parser.feed($0) }
        try parser.finish()
    }

    /// Files left in a folder (temporary files must never be).
    static func listing(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }
}

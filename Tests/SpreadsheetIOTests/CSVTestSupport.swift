import Foundation
@testable import SpreadsheetIO

/// Paths and small helpers shared by the CSV tests.
enum CSVTestSupport {
    /// `fixtures/csv/` at the package root, found from this source file.
    static let fixtureDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // SpreadsheetIOTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("fixtures")
        .appendingPathComponent("csv")

    static func fixturePath(_ name: String) -> String {
        fixtureDirectory.appendingPathComponent(name).path
    }

    static func fixtureBytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtureDirectory.appendingPathComponent(name)))
    }

    /// Opens a fixture under its bare file name (as a user would name it in messages).
    static func reader(_ name: String, _ options: CSVReader.Options = .init()) throws -> CSVReader {
        try CSVReader(path: fixturePath(name), displayName: name, options: options)
    }

    /// Every row as text (`CellValue.text`), for compact comparisons.
    static func texts(_ rows: [Row]) -> [[String]] {
        rows.map { $0.cells.map(\.value.text) }
    }

    /// Reads rows until the reader throws; returns the rows and the error (nil if none).
    static func readUntilError(_ reader: CSVReader) -> (rows: [Row], error: SpreadsheetError?) {
        var rows: [Row] = []
        do {
            while let row = try reader.next() { rows.append(row) }
            return (rows, nil)
        } catch let error as SpreadsheetError {
            return (rows, error)
        } catch {
            return (rows, SpreadsheetError(.unreadableFile, file: "?", reason: "unexpected error \(error)"))
        }
    }

    /// A temporary file holding `bytes`, removed by the caller with `remove`.
    static func temporaryFile(_ bytes: [UInt8], name: String = "innaxe-csv-test") throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(name)-\(UUID().uuidString).csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}

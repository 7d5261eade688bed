import Foundation
import Testing
@testable import SpreadsheetIO

/// A real client opens what the writer wrote: openpyxl (Tests/clients/openpyxl_inspect.py)
/// must see the values, types, number formats, freeze panes, autofilter, validations and
/// comments, with no warning. Skipped, saying so, where python3 or openpyxl is missing
/// (scripts/test.sh installs openpyxl, so CI runs it).
@Suite(.enabled(if: OpenpyxlClient.available, "openpyxl is not installed (python3 -m pip install openpyxl); skipping the real-client checks"))
struct OpenpyxlClientTests {
    @Test func openpyxlSeesEveryValueFormatAndFeature() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("client.xlsx").path
        let book = try XLSXWriter(path: path, properties: WorkbookProperties(title: "Ecosystem indicators", created: 1_764_633_600))
        let header = try book.style(.header)
        let integer = try book.style(.integer), decimal = try book.style(.decimal), percent = try book.style(.percent)
        let date = try book.style(.date), highlight = try book.style(CellStyle(fillColor: "FFF2CC", wrapText: true))
        let sheet = try book.addSheet(named: "Indicadors", options: SheetOptions(frozenRows: 1, frozenColumns: 1, autoFilter: true))
        try sheet.writeRow(["Codi", "Empreses", "Import", "Quota", "Data", "Actiu", "Nota", "Error", "Hora", "Durada"].map { .string($0) },
                           style: header)
        try sheet.writeRow([.string("EMP_TOT"), .number(1312), .number(1_250_000.5), .number(0.125),
                            .dateTime(CivilDateTime(year: 2024, month: 2, day: 29)), .boolean(true),
                            .string("dades provisionals\nrevisar"), .error(.notAvailable),
                            .timeOfDay(CivilDateTime(year: 1899, month: 12, day: 31, hour: 13, minute: 45)), .duration(seconds: 5400)],
                           styles: [.default, integer, decimal, percent, date, .default, highlight, .default, .default, .default])
        try sheet.writeRow([.string("Réactif A&B <2>"), .number(0.1 + 0.2),
                            .dateTime(CivilDateTime(year: 2023, month: 5, day: 12, hour: 14, minute: 32, second: 7))])
        try sheet.addComment(CellComment(cell: CellReference("B2")!, text: "Font: Directori BioRegió"))
        try sheet.addDataValidation(DataValidation(range: CellRange("F2:F100")!, rule: .list(["TRUE", "FALSE"]), prompt: "Actiu?"))
        try sheet.addDataValidation(DataValidation(range: CellRange("B2:B100")!, rule: .wholeNumber(minimum: 0, maximum: 1_000_000)))
        try sheet.addDataValidation(DataValidation(range: CellRange("D2:D100")!, rule: .decimal(minimum: 0, maximum: 1)))
        try sheet.merge(CellRange("A5:C5")!)
        let second = try book.addSheet(named: "Notes", options: SheetOptions(hidden: true))
        try second.writeRow([.string("hidden sheet")])
        try book.close()

        let seen = try OpenpyxlClient.inspect(path)
        #expect((seen["warnings"] as? [String]) == [], "openpyxl warned: \(seen["warnings"] ?? "")")
        #expect(seen["title"] as? String == "Ecosystem indicators")
        #expect(seen["creator"] as? String == "innaxe")
        #expect(seen["created"] as? String == "2025-12-02T00:00:00")
        let sheets = try #require(seen["sheets"] as? [[String: Any]])
        #expect(sheets.map { $0["name"] as? String } == ["Indicadors", "Notes"])
        #expect(sheets.map { $0["state"] as? String } == ["visible", "hidden"])
        let s = sheets[0]
        #expect(s["freeze"] as? String == "B2")
        #expect(s["autofilter"] as? String == "A1:J3")
        #expect(s["merged"] as? [String] == ["A5:C5"])
        let cells = try #require(s["cells"] as? [String: [String: Any]])
        func v(_ ref: String) -> Any? { cells[ref]?["value"] }
        func format(_ ref: String) -> String? { cells[ref]?["format"] as? String }
        #expect(v("A1") as? String == "Codi")
        #expect(cells["A1"]?["bold"] as? Bool == true)
        #expect(v("B2") as? Int == 1312)
        #expect(format("B2") == "#,##0")
        #expect((v("C2") as? [String: String])?["float"] == "1250000.5")
        #expect(format("C2") == "#,##0.00")
        #expect((v("D2") as? [String: String])?["float"] == "0.125")
        #expect(format("D2") == "0.0%")
        #expect((v("E2") as? [String: String])?["datetime"] == "2024-02-29T00:00:00")
        #expect(format("E2") == "yyyy-mm-dd")
        #expect(v("F2") as? Bool == true)
        #expect(cells["F2"]?["type"] as? String == "b")
        #expect(v("G2") as? String == "dades provisionals\nrevisar")
        #expect(cells["G2"]?["fill"] as? String == "FFFFF2CC")
        #expect(cells["G2"]?["wrap"] as? Bool == true)
        #expect(v("H2") as? String == "#N/A")
        #expect(cells["H2"]?["type"] as? String == "e")
        #expect((v("I2") as? [String: String])?["time"] == "13:45:00")
        #expect(format("J2") == "[h]:mm:ss")
        #expect(v("A3") as? String == "Réactif A&B <2>")
        #expect((v("B3") as? [String: String])?["float"] == "0.30000000000000004")
        #expect((v("C3") as? [String: String])?["datetime"] == "2023-05-12T14:32:07")
        #expect(format("C3") == "yyyy-mm-dd hh:mm:ss")
        let comments = try #require(s["comments"] as? [String: [String: String]])
        #expect(comments["B2"]?["text"] == "Font: Directori BioRegió")
        #expect(comments["B2"]?["author"] == "innaxe")
        let validations = try #require(s["validations"] as? [[String: Any]])
        #expect(validations.count == 3)
        #expect(validations[0]["type"] as? String == "list")
        #expect(validations[0]["sqref"] as? String == "F2:F100")
        #expect(validations[0]["formula1"] as? String == "\"TRUE,FALSE\"")
        #expect(validations[0]["prompt"] as? String == "Actiu?")
        #expect(validations[1]["type"] as? String == "whole")
        #expect(validations[1]["formula2"] as? String == "1000000")
        #expect(validations[2]["type"] as? String == "decimal")
        let widths = try #require(s["widths"] as? [String: Double])
        #expect((widths["G"] ?? 0) > (widths["F"] ?? 100), "the longer column is wider")
    }

    /// Excel's `_xHHHH_` escapes, read by openpyxl from a shared-strings table (it leaves them
    /// undecoded in inline strings).
    @Test func escapedTextsSurviveInSharedStrings() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("escapes.xlsx").path
        let book = try XLSXWriter(path: path, options: .init(strings: .shared))
        let texts = ["literal _x0041_ text", "bell\u{07}here", "cr\rhere", "  spaced  "]
        try book.addSheet(named: "S").writeRow(texts.map { .string($0) })
        try book.close()
        let sheets = try #require(OpenpyxlClient.inspect(path)["sheets"] as? [[String: Any]])
        let cells = try #require(sheets[0]["cells"] as? [String: [String: Any]])
        // openpyxl decodes the protected underscore; control characters, which it cannot hold,
        // stay visible as their escapes (Excel and innaxe decode them to the characters).
        #expect(["A1", "B1", "C1", "D1"].map { cells[$0]?["value"] as? String }
                == ["literal _x0041_ text", "bell_x0007_here", "cr_x000D_here", "  spaced  "])
    }

    @Test func openpyxlReadsAConvertedWorkbookLikeTheOriginal() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = TestPaths.fixture("xlsx/excel-style-indicators.xlsx")
        let path = folder.appendingPathComponent("converted.xlsx").path
        _ = try SpreadsheetConverter.convert(SpreadsheetDocument(path: source), to: path, format: .xlsx)
        let original = try OpenpyxlClient.inspect(source), converted = try OpenpyxlClient.inspect(path)
        let a = try #require(original["sheets"] as? [[String: Any]]), b = try #require(converted["sheets"] as? [[String: Any]])
        #expect(a.map { $0["name"] as? String } == b.map { $0["name"] as? String })
        for (x, y) in zip(a, b) {
            let cx = try #require(x["cells"] as? [String: [String: Any]]), cy = try #require(y["cells"] as? [String: [String: Any]])
            // openpyxl shows formulas where innaxe keeps their cached values; and it does not
            // decode `_xHHHH_` escapes in inline strings (Excel does), so such texts are compared
            // by innaxe's reader in the round-trip tests instead.
            for (ref, cell) in cx where !(cell["value"] is NSNull) {
                if let text = cell["value"] as? String, text.hasPrefix("=") || text.contains("_x") { continue }
                #expect(String(describing: cell["value"]!) == String(describing: cy[ref]?["value"] ?? "missing"),
                        "\(x["name"] ?? "") \(ref)")
            }
        }
    }
}

enum OpenpyxlClient {
    static let script = TestPaths.packageRoot.appendingPathComponent("Tests/clients/openpyxl_inspect.py").path

    static let available: Bool = {
        guard let r = try? run(["-c", "import openpyxl"]) else { return false }
        return r.status == 0
    }()

    static func inspect(_ path: String) throws -> [String: Any] {
        let r = try run([script, path])
        guard r.status == 0 else { throw SpreadsheetError(.malformed, file: path, reason: "openpyxl could not open it: \(r.stderr)") }
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] ?? [:]
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}

import Foundation
import Testing
import SpreadsheetIO

/// `innaxe convert`, run as a user runs it.
@Suite struct ConvertCommandTests {
    func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("innaxe-convert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    func dump(_ path: String) throws -> String {
        let r = try InnaxeProcess.run(["dump", path, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    /// XLSX → XLSX keeps every typed value of every sheet (the dump of both is the same, save
    /// the visibility of the very hidden sheet, which is written as hidden).
    @Test func xlsxToXLSXKeepsEveryTypedValue() throws {
        try withFolder { folder in
            let source = "fixtures/xlsx/excel-style-indicators.xlsx"
            let out = folder.appendingPathComponent("copy.xlsx").path
            let r = try InnaxeProcess.run(["convert", source, out])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.hasPrefix("wrote \(out): XLSX, 5 sheet(s)"))
            let original = try dump(source).replacingOccurrences(of: "\"visible\":false,\"state\":\"veryHidden\"",
                                                                 with: "\"visible\":false,\"state\":\"hidden\"")
            #expect(try dump(out) == original)
        }
    }

    @Test func xlsxToCSVToXLSXKeepsTypesThroughTheDecimalComma() throws {
        try withFolder { folder in
            let csv = folder.appendingPathComponent("indicators.csv").path
            let r = try InnaxeProcess.run(["convert", "fixtures/xlsx/excel-style-indicators.xlsx", csv, "--excel-europe"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("note: CSV holds one sheet; not converted: \"Calendari\""))
            let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("Codi;Indicador;".utf8)))
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.contains(";-3,5;"))
            let back = folder.appendingPathComponent("back.xlsx").path
            let r2 = try InnaxeProcess.run(["convert", csv, back, "--decimal-separator", ","])
            #expect(r2.status == 0, "\(r2.stderr)")
            let json = try dump(back)
            #expect(json.contains("[\"OCUP_VAR\",\"Variació anual de l'ocupació\",\"%\",-3.5,null,\"Càlcul propi\",false]")
                    || json.contains("\"OCUP_VAR\",\"Variació anual de l'ocupació\",\"%\",-3.5"), "\(json.prefix(600))")
        }
    }

    @Test func jsonRecordsAreKeyedByTheHeader() throws {
        try withFolder { folder in
            let out = folder.appendingPathComponent("indicators.json").path
            let r = try InnaxeProcess.run(["convert", "fixtures/xlsx/excel-style-indicators.xlsx", out, "--sheet", "Indicadors"])
            #expect(r.status == 0, "\(r.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
            let sheet = try #require((json?["sheets"] as? [[String: Any]])?.first)
            #expect(sheet["columns"] as? [String] == ["Codi", "Indicador", "Unitat", "2022", "2023 (p)", "Font", "Provisional"])
            let rows = try #require(sheet["rows"] as? [[String: Any]])
            #expect(rows[0]["Codi"] as? String == "EMP_TOT")
            #expect(rows[0]["2022"] as? Int == 1312)
            #expect((rows[1]["2023 (p)"] as? [String: String])?["error"] == "#N/A")
            let lines = folder.appendingPathComponent("indicators.jsonl").path
            #expect(try InnaxeProcess.run(["convert", "fixtures/xlsx/excel-style-indicators.xlsx", lines]).status == 0)
            let first = try String(contentsOfFile: lines, encoding: .utf8).split(separator: "\n").first.map(String.init)
            #expect(first?.hasPrefix("{\"Codi\":\"EMP_TOT\",\"Indicador\":") == true)
        }
    }

    @Test func aBrokenInputWritesNothingAndLeavesAnOldOutputAlone() throws {
        try withFolder { folder in
            let out = folder.appendingPathComponent("out.xlsx")
            try Data("old".utf8).write(to: out)
            let r = try InnaxeProcess.run(["convert", "fixtures/xlsx/bad-crc.xlsx", out.path])
            #expect(r.status == 2)
            #expect(r.stderr.contains("bad-crc.xlsx › xl/worksheets/sheet1.xml: corrupt-zip"))
            #expect(try String(contentsOf: out, encoding: .utf8) == "old")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.xlsx"])
        }
    }

    @Test func anUnknownOutputFormatIsAUsageError() throws {
        let r = try InnaxeProcess.run(["convert", "fixtures/xlsx/excel-style-indicators.xlsx", "out.txt"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("cannot tell the output format from \"out.txt\""))
        let help = try InnaxeProcess.run(["convert", "--help"])
        #expect(help.stdout.contains("--excel-europe"))
        #expect(help.stdout.contains("formula injection"))
    }
}

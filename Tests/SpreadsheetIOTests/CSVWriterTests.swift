import Foundation
import Testing
@testable import SpreadsheetIO

@Suite struct CSVWriterTests {
    func write(_ rows: [[CellValue]], _ options: CSVWriter.Options = .init()) throws -> String {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.csv").path
        let csv = try CSVWriter(path: path, options: options)
        for r in rows { try csv.writeRow(r) }
        try csv.close()
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    @Test func quotesOnlyWhatRFC4180RequiresAndDoublesQuotes() throws {
        let text = try write([[.string("plain"), .string("a,b"), .string("say \"hi\""), .string("two\nlines"), .string(" spaced ")]])
        #expect(text == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\", spaced \r\n")
    }

    @Test func typedValuesKeepTheirTextualForm() throws {
        let text = try write([[.number(0.1 + 0.2), .number(-3), .number(1e21), .boolean(true), .error(.notAvailable), .empty,
                               .dateTime(CivilDateTime(year: 2024, month: 2, day: 29)),
                               .dateTime(CivilDateTime(year: 2024, month: 2, day: 29, hour: 13, minute: 5)),
                               .timeOfDay(CivilDateTime(year: 1899, month: 12, day: 31, hour: 9, minute: 30, second: 15)),
                               .duration(seconds: 93_600)]])
        #expect(text == "0.30000000000000004,-3,1e+21,TRUE,#N/A,,2024-02-29,2024-02-29T13:05:00,09:30:15,26:00:00\r\n")
    }

    @Test func continentalExcelGetsSemicolonsDecimalCommasAndABOM() throws {
        let text = try write([[.string("Größe"), .number(1234.5), .number(-0.25), .string("a;b")]], .excelEurope)
        #expect(text.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(text.dropFirst() == "Größe;1234,5;-0,25;\"a;b\"\r\n")
    }

    @Test(arguments: ["=SUM(A1:A9)", "+33 1 23", "-2+3", "@cmd", "\tTAB", "\rCR"])
    func formulaLikeTextIsNeutralised(text: String) throws {
        let out = try write([[.string(text)]])
        #expect(out.hasPrefix("'") || out.hasPrefix("\"'"), "\(out)")
        let off = try write([[.string(text)]], CSVWriter.Options(neutralizeFormulas: false))
        #expect(!off.contains("'"))
    }

    @Test func signedNumbersStayWhenTheFlagSaysTheyAreNumbers() throws {
        #expect(try write([[.string("-12.5"), .string("+3"), .string("-1+1")]]) == "'-12.5,'+3,'-1+1\r\n")
        let options = CSVWriter.Options(signedNumbersAreSafe: true)
        #expect(try write([[.string("-12.5"), .string("+3"), .string("-1+1"), .number(-4)]], options) == "-12.5,+3,'-1+1,-4\r\n")
    }

    @Test func whatItWritesReadsBackWithTheCSVReader() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("round.csv").path
        let rows: [[CellValue]] = [[.string("Code"), .string("Valeur"), .string("Note")],
                                   [.string("EMP"), .number(1312.5), .string("multi\nline, \"quoted\"")],
                                   [.string("ÉQUIPE"), .number(-7), .string("")]]
        let csv = try CSVWriter(path: path, options: .excelEurope)
        for r in rows { try csv.writeRow(r) }
        try csv.close()
        var options = CSVReader.Options()
        options.numbers = .decimalComma
        let reader = try CSVReader(path: path, options: options)
        #expect(reader.dialect.delimiter == UInt8(ascii: ";"))
        var read: [[CellValue]] = []
        while let row = try reader.next() { read.append((1...3).map { row.value(at: $0) }) }
        #expect(read[0] == rows[0])
        #expect(read[1] == rows[1])
        #expect(read[2][0] == .string("ÉQUIPE"))
        #expect(read[2][1] == .number(-7))
    }

    @Test func nonFiniteNumbersAreRefusedAndNothingIsWritten() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.csv").path
        do {
            let csv = try CSVWriter(path: path, displayName: "bad.csv")
            try csv.writeRow([.number(1)])
            let error = #expect(throws: SpreadsheetError.self) { try csv.writeRow([.string("x"), .number(.nan)]) }
            #expect(error?.kind == .nonFiniteNumber)
            #expect(error?.locationText == "bad.csv:2:2")
        }
        #expect(try WrittenWorkbook.listing(folder) == [])
    }
}

@Suite struct JSONWriterTests {
    func render(_ body: (JSONWriter) throws -> Void) throws -> String {
        let sink = MemorySink()
        let json = JSONWriter(sink: sink, displayName: "test.json")
        try body(json)
        try json.close()
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    @Test func writesKeysInOrderWithShortestNumbersAndCellTyping() throws {
        let text = try render { j in
            try j.beginObject()
            try j.key("zeta"); try j.value(.number(0.1 + 0.2))
            try j.key("alpha"); try j.value(.number(3))
            try j.key("text"); try j.value(.string("quote \" backslash \\ newline \n control \u{01} ✓"))
            try j.key("list"); try j.beginArray()
            try j.value(.boolean(true)); try j.value(.empty); try j.value(.error(.notAvailable))
            try j.value(.dateTime(CivilDateTime(year: 2024, month: 2, day: 29))); try j.value(.duration(seconds: 90))
            try j.endArray()
            try j.key("empty"); try j.beginObject(); try j.endObject()
            try j.endObject()
        }
        #expect(text == ##"{"zeta":0.30000000000000004,"alpha":3,"text":"quote \" backslash \\ newline \n control \u0001 ✓","list":[true,null,{"error":"#N/A"},"2024-02-29",{"duration_s":90}],"empty":{}}"##)
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }

    @Test func refusesNonFiniteNumbersAndUnclosedContainers() throws {
        #expect(throws: SpreadsheetError.self) { _ = try render { try $0.beginArray(); try $0.number(.infinity); try $0.endArray() } }
        let error = #expect(throws: SpreadsheetError.self) { _ = try render { try $0.beginArray() } }
        #expect(error?.kind == .invalidWrite)
    }

    @Test func jsonLinesWritesOneRecordPerLine() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.jsonl").path
        let lines = try JSONLinesWriter(path: path)
        try lines.writeRecord([("code", .string("EMP")), ("value", .number(1312))])
        try lines.writeRecord([("code", .string("OCUP")), ("value", .empty)])
        try lines.close()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"code\":\"EMP\",\"value\":1312}\n{\"code\":\"OCUP\",\"value\":null}\n")
    }
}

import Foundation
import Testing

@Suite struct InspectCommandTests {
    @Test func showsSheetsVisibilityRangesAndAHeaderGuess() throws {
        let r = try InnaxeProcess.run(["inspect", "fixtures/xlsx/excel-style-indicators.xlsx", "--rows", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "fixtures/xlsx/excel-style-indicators.xlsx: XLSX workbook, 5 sheets")
        #expect(lines.contains { $0.contains("Показатели") && $0.contains("hidden") && $0.contains("A1:C5") })
        #expect(lines.contains { $0.contains("Noter") && $0.contains("veryHidden") })
        #expect(lines.contains { $0.contains("Indicadors") && $0.contains("A1:G12") })
        #expect(r.stdout.contains("header row (guess): 1: Codi | Indicador | Unitat | 2022 | 2023 (p)"))
        #expect(r.stdout.contains("merged: A1:A2"))
        #expect(r.stdout.contains("… 8 more row(s)"), "11 filled rows, 3 shown")
    }

    @Test func skipsATitleRowWhenGuessingTheHeader() throws {
        let r = try InnaxeProcess.run(["inspect", "fixtures/xlsx/libreoffice-style-indicators.xlsx", "--rows", "2"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("header row (guess): 2: Année | Adhérents"), "\(r.stdout)")
    }

    @Test func aBrokenFileExitsWithStatus2AndAClearMessage() throws {
        let r = try InnaxeProcess.run(["inspect", "fixtures/xlsx/legacy-biff.xls"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "error: fixtures/xlsx/legacy-biff.xls: legacy-xls: this is a legacy Excel 97–2003 workbook (.xls, BIFF); open it in Excel or LibreOffice and save it as .xlsx\n")
    }

    @Test func helpExplainsTheCommands() throws {
        let r = try InnaxeProcess.run(["--help"])
        #expect(r.status == 0)
        for command in ["inspect", "dump", "stats"] { #expect(r.stdout.contains(command)) }
        let inspect = try InnaxeProcess.run(["inspect", "--help"])
        #expect(inspect.stdout.contains("--rows"))
        #expect(inspect.stdout.contains("Example:"))
    }
}

@Suite struct CSVCommandTests {
    @Test func inspectSaysWhichEncodingAndDelimiterItFound() throws {
        let r = try InnaxeProcess.run(["inspect", "fixtures/csv/cp1251-semicolon-bulgarian.csv", "--rows", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("fixtures/csv/cp1251-semicolon-bulgarian.csv: CSV file, 1 sheet, windows-1251"))
        #expect(r.stdout.contains("delimiter ';'"))
        #expect(r.stdout.contains("Наименование"))
    }

    @Test func statsCountsNumbersOnlyWithADecimalSeparator() throws {
        let text = try InnaxeProcess.run(["stats", "fixtures/csv/cp1252-semicolon-french.csv"])
        let numbers = try InnaxeProcess.run(["stats", "fixtures/csv/cp1252-semicolon-french.csv", "--decimal-separator", ","])
        #expect(text.status == 0 && numbers.status == 0)
        func count(_ out: String, _ column: Int) -> Int? {
            out.split(separator: "\n").first { $0.contains("cp1252-semicolon-french") && !$0.contains(":") }
                .map { $0.split(separator: " ", omittingEmptySubsequences: true) }.flatMap { Int($0[column]) }
        }
        #expect(count(text.stdout, 4) == 0, "\(text.stdout)")
        #expect((count(numbers.stdout, 4) ?? 0) > 0, "\(numbers.stdout)")
        #expect(text.stdout.contains("cells: "))
    }

    @Test func anExplicitEncodingOverridesDetectionAndBadNamesAreRejected() throws {
        let forced = try InnaxeProcess.run(["inspect", "fixtures/csv/cp1252-semicolon-french.csv", "--encoding", "cp1251", "--rows", "1"])
        #expect(forced.status == 0)
        #expect(forced.stdout.contains("windows-1251 (explicit)"))
        let bad = try InnaxeProcess.run(["inspect", "fixtures/csv/cp1252-semicolon-french.csv", "--encoding", "klingon"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("unknown encoding \"klingon\""))
    }

    @Test func undecodableBytesAreReportedWithOffsetAndLine() throws {
        let r = try InnaxeProcess.run(["stats", "fixtures/csv/invalid-utf8.csv"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("fixtures/csv/invalid-utf8.csv:4:2 (byte 64): undecodable-text"))
    }
}

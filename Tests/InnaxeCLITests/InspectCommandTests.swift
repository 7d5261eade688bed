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

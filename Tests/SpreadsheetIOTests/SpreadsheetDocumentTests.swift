import Foundation
import Testing
@testable import SpreadsheetIO

/// The format is decided by bytes first, then by name.
@Suite struct SpreadsheetDocumentTests {
    func copy(_ fixture: String, as name: String, in folder: URL) throws -> String {
        let target = folder.appendingPathComponent(name)
        try FileManager.default.copyItem(atPath: TestPaths.fixture(fixture), toPath: target.path)
        return target.path
    }

    @Test func readsCSVAsOneSheetNamedAfterTheFile() throws {
        let doc = try SpreadsheetDocument(path: TestPaths.fixture("csv/cp1252-semicolon-french.csv"), displayName: "medicen.csv")
        #expect(doc.format == .csv)
        #expect(doc.sheets.map(\.name) == ["medicen"])
        #expect(doc.csvEncoding?.encoding == .windows1252)
        #expect(doc.csvDialect?.delimiter == UInt8(ascii: ";"))
        let rows = try doc.rows(of: doc.sheets[0])
        let header = try #require(try rows.next())
        #expect(header.value(at: 4) == .string("Chiffre d'affaires (k€)"))
        // Every pass over the file uses the encoding and dialect found the first time.
        let again = try doc.rows(of: doc.sheets[0])
        #expect(try again.next() == header)
    }

    /// Merged ranges come after the cells in the sheet XML; the document reads them on request.
    @Test func mergedCellsOfASheetAndNoneForCSV() throws {
        let book = try SpreadsheetDocument(path: TestPaths.fixture("partners/Medicen_Tableau_de_bord_2019-2023.xlsx"))
        let merges = try book.mergedCells(of: book.sheet(named: "Tableau de bord"))
        #expect(Set(merges.map(\.description)) == ["A1:H1", "B3:E3", "F3:H3"])
        let csv = try SpreadsheetDocument(path: TestPaths.fixture("csv/cp1252-semicolon-french.csv"))
        #expect(try csv.mergedCells(of: csv.sheets[0]).isEmpty)
    }

    @Test func aWorkbookIsReadAsOneWhateverItsName() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let renamed = try copy("xlsx/date1904.xlsx", as: "export.csv", in: folder)
        let doc = try SpreadsheetDocument(path: renamed)
        #expect(doc.format == .xlsx)
        #expect(doc.sheets.map(\.name) == ["Statistik"])
        let legacy = try copy("xlsx/legacy-biff.xls", as: "legacy.csv", in: folder)
        let error = #expect(throws: SpreadsheetError.self) { _ = try SpreadsheetDocument(path: legacy) }
        #expect(error?.kind == .legacyXLS)
    }

    @Test func textNamedLikeAWorkbookIsRefusedNotGuessed() {
        let error = #expect(throws: SpreadsheetError.self) {
            _ = try SpreadsheetDocument(path: TestPaths.fixture("xlsx/text-renamed.xlsx"))
        }
        #expect(error?.kind == .notXLSX)
    }

    @Test func dumpsCSVInTheCorpusShape() throws {
        var options = CSVReader.Options()
        options.numbers = .decimalComma
        let doc = try SpreadsheetDocument(path: TestPaths.fixture("csv/cp1251-semicolon-bulgarian.csv"), csvOptions: options)
        let json = try JSONValue.parse(WorkbookDump.json(doc))
        let rows = json["sheets"]?.array?.first?["rows"]?.array ?? []
        #expect(rows.first?.array?.first == .string("Наименование"))
        #expect(rows[1].array?[3] == .number(15300.5), "decimal comma read as a number")
        #expect(rows[2].array?[3] == .string("NC"), "markers stay text")
    }

    @Test func headerGuessSkipsTitleRows() throws {
        let doc = try SpreadsheetDocument(path: TestPaths.fixture("csv/title-rows-semicolon.csv"))
        let reader = try doc.rows(of: doc.sheets[0])
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        let header = try #require(HeaderGuess.headerRow(in: rows))
        #expect(header > 1, "the title lines above the table are not the header")
        let headerRow = try #require(rows.first { $0.index == header })
        #expect(headerRow.nonEmptyCount >= 3)
    }
}

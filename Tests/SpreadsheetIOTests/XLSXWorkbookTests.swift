import Testing
@testable import SpreadsheetIO

/// Reading the project's own valid fixtures (fixtures/README.md lists what each must return).
@Suite struct XLSXWorkbookTests {
    func open(_ name: String) throws -> XLSXWorkbook {
        try XLSXWorkbook(path: TestPaths.fixture("xlsx/" + name), displayName: name)
    }

    func allRows(_ book: XLSXWorkbook, _ sheet: String) throws -> [Int: Row] {
        let reader = try book.rows(of: book.sheet(named: sheet))
        var rows: [Int: Row] = [:]
        while let row = try reader.next() { rows[row.index] = row }
        return rows
    }

    func value(_ rows: [Int: Row], _ ref: String) -> CellValue {
        let r = CellReference(ref)!
        return rows[r.row]?.value(at: r.column) ?? .empty
    }

    @Test func listsSheetsWithOrderAndVisibility() throws {
        let book = try open("excel-style-indicators.xlsx")
        #expect(book.sheets.map(\.name) == ["Indicadors", "Calendari", "Kennzahlen", "Показатели", "Noter"])
        #expect(book.sheets.map(\.visibility) == [.visible, .visible, .visible, .hidden, .veryHidden])
        #expect(book.sheets.allSatisfy { $0.kind == .worksheet })
        #expect(try book.sheet(named: "kennzahlen").index == 2)
        #expect(try book.sheet(at: 3).name == "Показатели")
        let missing = #expect(throws: SpreadsheetError.self) { try book.sheet(named: "Dades") }
        #expect(missing?.kind == .noSuchSheet)
        #expect(missing?.reason.contains("\"Indicadors\"") == true)
        #expect(throws: SpreadsheetError.self) { try book.sheet(at: 5) }
    }

    /// A row holding only formulas saved without values comes out with no cells and its
    /// formulas listed: dropping it would hide why the values are missing.
    @Test func aRowOfOnlyUncalculatedFormulasIsPassedOn() throws {
        let rows = try allRows(try open("uncalculated-formulas.xlsx"), "Indicadors")
        #expect(rows.keys.sorted() == [1, 2, 3, 4])
        #expect(rows[3]?.cells == [])
        #expect(rows[3]?.uncachedFormulas == [Row.UncachedFormula(column: 1, formula: "\"Empreses \"&\"total\""),
                                               Row.UncachedFormula(column: 2, formula: "SUM(B2:B2)*4"),
                                               Row.UncachedFormula(column: 3, formula: "SUM(C2:C2)*4")])
        #expect(value(rows, "B4") == .number(12))
    }

    @Test func readsEveryCellType() throws {
        let rows = try allRows(try open("excel-style-indicators.xlsx"), "Indicadors")
        #expect(value(rows, "A1") == .string("Codi"))
        #expect(value(rows, "D1") == .number(2022))
        #expect(value(rows, "E3") == .error(.notAvailable))
        #expect(value(rows, "E10") == .error(.divisionByZero))
        #expect(value(rows, "G2") == .boolean(false))
        #expect(value(rows, "G3") == .boolean(true))
        #expect(value(rows, "E4") == .number(60197), "a formula's cached value")
        #expect(value(rows, "E6") == .empty, "a formula without a cached value")
        #expect(rows[6]?.uncachedFormulas == [Row.UncachedFormula(column: 5, formula: "ROUND((E4-D4)/D4*100,1)")], "and the row says so")
        #expect(rows[4]?.uncachedFormulas == [], "a formula with its cached value is a value")
        #expect(value(rows, "D6") == .number(-3.5))
        #expect(value(rows, "D8") == .number(0.3))
        #expect(value(rows, "E8") == .number(0.30000000000000004))
        #expect(value(rows, "B5") == .string("Finançament mobilitzat per projectes (dades provisionals)"), "rich-text runs joined")
        #expect(value(rows, "F3") == .string("Biocat & ACCIÓ"))
        #expect(rows[7] == nil, "an empty row yields nothing")
        #expect(rows[11]?.cells.map(\.column) == [1, 6], "a sparse row keeps its columns")
        #expect(value(rows, "B12") == .dateTime(CivilDateTime(year: 2024, month: 3, day: 15)), "a cell without r follows its neighbour")
        #expect(value(rows, "C12") == .string("Informe BioRegió 2023"))
    }

    @Test func decidesDatesFromTheCellFormat() throws {
        let book = try open("excel-style-indicators.xlsx")
        let rows = try allRows(book, "Calendari")
        #expect(value(rows, "B2") == .dateTime(CivilDateTime(year: 2023, month: 12, day: 31)))
        #expect(value(rows, "B3") == .dateTime(CivilDateTime(year: 2024, month: 3, day: 15)))
        #expect(value(rows, "B4") == .dateTime(CivilDateTime(year: 2023, month: 6, day: 30)))
        #expect(value(rows, "B5") == .dateTime(CivilDateTime(year: 2023, month: 5, day: 12, hour: 14, minute: 32)))
        #expect(value(rows, "B6") == .timeOfDay(CivilDateTime(year: 1899, month: 12, day: 31, hour: 9, minute: 30, second: 15)))
        #expect(value(rows, "B7") == .duration(seconds: 129_600))
        let b4 = try #require(rows[4]?.cells.first { $0.column == 2 })
        #expect(book.numberFormat(of: b4).code == "[$-40C]d mmmm yyyy")
        let b7 = try #require(rows[7]?.cells.first { $0.column == 2 })
        #expect(book.numberFormat(of: b7).id == 46)
    }

    @Test func exposesMergedRangesAfterTheRows() throws {
        let book = try open("excel-style-indicators.xlsx")
        let reader = try book.rows(of: book.sheet(named: "Kennzahlen"))
        while try reader.next() != nil {}
        #expect(reader.mergedCells.map(\.description).contains("B1:D1"))
        #expect(reader.mergedCells.contains(CellRange("A1:A2")!))
    }

    @Test func decodesEscapesAndKeepsUnicode() throws {
        let rows = try allRows(try open("excel-style-indicators.xlsx"), "Noter")
        #expect(value(rows, "A3") == .string("Kilde: Danmarks Statistik & Lægemiddelstyrelsen"))
        #expect(value(rows, "A4") == .string("Tal under 5 vises ikke.\r\nSe metodebeskrivelse."))
        #expect(value(rows, "A5") == .string("Feltkode i StatBank: _x0041_"))
        #expect(value(rows, "A6") == .string("Ændringer < 0,5 % markeres med *"))
        let bg = try allRows(try open("excel-style-indicators.xlsx"), "Показатели")
        #expect(value(bg, "A4") == .string("Инвестиции (хил. лв.)"))
        #expect(value(bg, "B4") == .number(18250.5))
    }

    @Test func readsBothDateSystemsAndTheLeapYearQuirk() throws {
        let mac = try open("date1904.xlsx")
        #expect(mac.dateSystem == .from1904)
        let rows = try allRows(mac, "Statistik")
        #expect(value(rows, "B1") == .dateTime(CivilDateTime(year: 2023, month: 12, day: 31)))
        #expect(value(rows, "B2") == .dateTime(CivilDateTime(year: 2023, month: 12, day: 31, hour: 12)))
        #expect(value(rows, "B3") == .number(1517))
        let quirk = try allRows(try open("date1900-leap-quirk.xlsx"), "Дати")
        #expect(value(quirk, "B2").text == "1900-01-01")
        #expect(value(quirk, "B3").text == "1900-02-28")
        #expect(value(quirk, "B5").text == "1900-03-01")
        #expect(value(quirk, "C4") == .number(60), "the same serial without a date format stays a number")
    }

    @Test func findsPartsThroughRelationshipsNotFixedPaths() throws {
        let book = try open("nonstandard-paths.xlsx")
        #expect(book.sheets.map(\.part) == ["book/data/s1.xml", "book/data/s2.xml"])
        let rows = try allRows(book, "Beskæftigelse")
        #expect(value(rows, "B2") == .number(58214.5))
        let virk = try allRows(book, "Virksomheder")
        #expect(value(virk, "C3") == .number(934))
    }

    @Test func readsPrefixedNamespacesAndInlineOnlyWorkbooks() throws {
        let prefixed = try allRows(try open("prefixed-namespaces.xlsx"), "Gründungen")
        #expect(value(prefixed, "C3") == .string("k. A."))
        #expect(value(prefixed, "B2") == .number(7))
        let inline = try allRows(try open("no-shared-strings.xlsx"), "ЮЗР")
        #expect(value(inline, "A4") == .string("Инвестиции (хил. лв.)"))
        #expect(value(inline, "B4") == .number(4120.75))
    }

    @Test func readsLibreOfficeFilesAndKeepsCurrencyFormatsAsNumbers() throws {
        let book = try open("libreoffice-style-indicators.xlsx")
        let sheet = try book.sheet(at: 0)
        let reader = try book.rows(of: sheet)
        var rows: [Int: Row] = [:]
        while let row = try reader.next() { rows[row.index] = row }
        #expect(value(rows, "D6") == .number(47005.125))
        #expect(value(rows, "F7") == .dateTime(CivilDateTime(year: 2024, month: 1, day: 15)))
        #expect(value(rows, "B2") == .string("Adhérents"))
    }

    @Test func stopsEarlyWithoutReadingTheRest() throws {
        let book = try open("excel-style-indicators.xlsx")
        let reader = try book.rows(of: book.sheet(named: "Indicadors"))
        let first = try #require(try reader.next())
        #expect(first.index == 1)
        // Dropping the reader here must free the parser and the zip entry cleanly.
    }
}

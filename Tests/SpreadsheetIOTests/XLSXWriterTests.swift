import Foundation
import Testing
@testable import SpreadsheetIO

/// Round trips: everything the XLSX writer can write, read back by innaxe's own reader.
@Suite struct XLSXWriterTests {
    static let texts = [
        "plain", "Réactif A&B <Typ 2> \"Q\" 'x'", "  leading and trailing  ", "line one\nline two", "carriage\r\nreturn",
        "bell\u{07}tab\tend", "literal _x0041_ escape", "emoji 🧬 and Кирилица", "]]> cdata end", "\u{FFFE}noncharacter",
    ]
    static let numbers: [Double] = [0, 0.3, 0.1 + 0.2, -3.5, 1e-7, 1e20, 123_456_789_012_345, 9_007_199_254_740_994, 2.5e-300, -0.0, 1.0 / 3]
    static let dates = [
        CivilDateTime(year: 1900, month: 1, day: 1), CivilDateTime(year: 1900, month: 2, day: 28),
        CivilDateTime(year: 1900, month: 3, day: 1), CivilDateTime(year: 2024, month: 2, day: 29),
        CivilDateTime(year: 2023, month: 5, day: 12, hour: 14, minute: 32, second: 7),
        CivilDateTime(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59),
    ]

    func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    @Test(arguments: [XLSXWriter.Options.StringStorage.inline, .shared])
    func everyCellTypeReadsBackEqual(strings: XLSXWriter.Options.StringStorage) throws {
        try withFolder { folder in
            let path = folder.appendingPathComponent("types.xlsx").path
            let book = try XLSXWriter(path: path, options: .init(strings: strings))
            let sheet = try book.addSheet(named: "Types")
            try sheet.writeRow(Self.texts.map { .string($0) })
            try sheet.writeRow(Self.numbers.map { .number($0) })
            try sheet.writeRow(Self.dates.map { .dateTime($0) })
            try sheet.writeRow([.boolean(true), .boolean(false), .error(.notAvailable), .error(.divisionByZero), .error(.value),
                                .timeOfDay(CivilDateTime(year: 1899, month: 12, day: 31, hour: 9, minute: 30, second: 15)),
                                .duration(seconds: 129_600), .empty, .string("after a gap")])
            try sheet.writeRow([.string("row 10")], row: 10, startColumn: 3)
            try book.close()

            let read = try XLSXWorkbook(path: path)
            let (rows, _) = try WrittenWorkbook.rows(read, "Types")
            for (i, t) in Self.texts.enumerated() { #expect(rows[1]?.value(at: i + 1) == .string(t), "text \(i)") }
            for (i, n) in Self.numbers.enumerated() {
                guard case .number(let d)? = rows[2]?.value(at: i + 1) else { Issue.record("number \(i) missing"); continue }
                #expect(d == n, "number \(i): \(d) vs \(n)")
            }
            for (i, d) in Self.dates.enumerated() { #expect(rows[3]?.value(at: i + 1) == .dateTime(d), "date \(i)") }
            let r4 = try #require(rows[4])
            #expect(r4.value(at: 1) == .boolean(true))
            #expect(r4.value(at: 2) == .boolean(false))
            #expect(r4.value(at: 3) == .error(.notAvailable))
            #expect(r4.value(at: 4) == .error(.divisionByZero))
            #expect(r4.value(at: 5) == .error(.value))
            #expect(r4.value(at: 6).text == "09:30:15")
            #expect(r4.value(at: 7) == .duration(seconds: 129_600))
            #expect(r4.value(at: 8) == .empty)
            #expect(r4.value(at: 9) == .string("after a gap"))
            #expect(rows[10]?.cells.map(\.column) == [3])
            #expect(rows[5] == nil)
        }
    }

    /// Columns that repeat a few strings go to the shared-string table while the rest stay
    /// inline; both read back as the strings written, on every sheet that shares the table.
    @Test func sharedStringColumnsShareTheirStringsAndTheRestStayInline() throws {
        try withFolder { folder in
            let path = folder.appendingPathComponent("columns.xlsx").path
            let book = try XLSXWriter(path: path)
            let options = SheetOptions(widthSampleRows: 3, sharedStringColumns: [1, 3])
            let first = try book.addSheet(named: "First", options: options)
            let second = try book.addSheet(named: "Second", options: options)
            let units = ["count", "EUR", "count", "count", "Réactif A&B <2>"]
            for (i, unit) in units.enumerated() {
                try first.writeRow([.string(unit), .string("cell \(i)"), .string(i % 2 == 0 ? "ES51" : "FR10"), .number(Double(i))])
            }
            try second.writeRow([.string("EUR"), .string("only here"), .string("  spaced  ")])
            try book.close()

            let parts = try WrittenWorkbook.parts(path)
            let sst = try #require(parts["xl/sharedStrings.xml"])
            // Each distinct string once, each reference counted.
            #expect(sst.contains("count=\"12\""))
            #expect(sst.contains("uniqueCount=\"6\""))
            let sheet1 = try #require(parts["xl/worksheets/sheet1.xml"])
            #expect(sheet1.contains("<c r=\"A1\" t=\"s\"><v>0</v></c>"))
            #expect(sheet1.contains("<c r=\"B1\" t=\"inlineStr\"><is><t>cell 0</t></is></c>"))
            #expect(!sheet1.contains("<t>count</t>"))

            let read = try XLSXWorkbook(path: path)
            let (rows, _) = try WrittenWorkbook.rows(read, "First")
            for (i, unit) in units.enumerated() {
                #expect(rows[i + 1]?.value(at: 1) == .string(unit))
                #expect(rows[i + 1]?.value(at: 2) == .string("cell \(i)"))
                #expect(rows[i + 1]?.value(at: 3) == .string(i % 2 == 0 ? "ES51" : "FR10"))
            }
            let (other, _) = try WrittenWorkbook.rows(read, "Second")
            #expect(other[1]?.cells.map(\.value) == [.string("EUR"), .string("only here"), .string("  spaced  ")])
        }
    }

    @Test func numberFormatsFillsAndWrapBuildAStyleTableFromUsedCells() throws {
        try withFolder { folder in
            let path = folder.appendingPathComponent("styles.xlsx").path
            let book = try XLSXWriter(path: path)
            let header = try book.style(.header)
            let integer = try book.style(.integer)
            let decimal = try book.style(.decimal)
            let percent = try book.style(.percent)
            let date = try book.style(.date)
            let flagged = try book.style(CellStyle(numberFormat: "#,##0.00", fillColor: "FFC7CE"))
            let wrapped = try book.style(CellStyle(wrapText: true))
            _ = try book.style(CellStyle(numberFormat: "0.000", bold: true))  // registered, never used
            #expect(try book.style(.integer) == integer)
            let sheet = try book.addSheet(named: "Styled")
            try sheet.writeRow([.string("n"), .string("x"), .string("p"), .string("d"), .string("f"), .string("w")], style: header)
            try sheet.writeRow([.number(1312), .number(1.5), .number(0.125), .dateTime(CivilDateTime(year: 2024, month: 1, day: 31)),
                                .number(-7.25), .string("long\ntext")], styles: [integer, decimal, percent, date, flagged, wrapped])
            try book.close()

            let read = try XLSXWorkbook(path: path)
            let (rows, _) = try WrittenWorkbook.rows(read, "Styled")
            func code(_ ref: String) -> String { read.numberFormat(of: WrittenWorkbook.cell(rows, ref)!).code }
            #expect(code("A2") == "#,##0")
            #expect(code("B2") == "#,##0.00")
            #expect(code("C2") == "0.0%")
            #expect(code("D2") == "yyyy-mm-dd")
            #expect(read.numberFormat(of: WrittenWorkbook.cell(rows, "C2")!).kind == .percent)
            #expect(WrittenWorkbook.value(rows, "D2") == .dateTime(CivilDateTime(year: 2024, month: 1, day: 31)))
            let styles = try #require(WrittenWorkbook.parts(path)["xl/styles.xml"])
            #expect(styles.contains("<b/>"))
            #expect(styles.contains("<fgColor rgb=\"FFFFC7CE\"/>"))
            #expect(styles.contains("<alignment wrapText=\"1\"/>"))
            #expect(!styles.contains("0.000"), "an unused style must not reach the table")
            // Default, header, integer, decimal, percent, date, flagged, wrapped: 8 formats.
            #expect(styles.contains("<cellXfs count=\"8\">"))
        }
    }

    @Test func sheetsFeaturesAndPropertiesRoundTrip() throws {
        try withFolder { folder in
            let path = folder.appendingPathComponent("features.xlsx").path
            let book = try XLSXWriter(path: path, properties: WorkbookProperties(title: "Indicators 2024", created: 1_700_000_000))
            let data = try book.addSheet(named: "Données 2024", options: SheetOptions(frozenRows: 1, frozenColumns: 1, autoFilter: true))
            try data.writeRow([.string("Code"), .string("Value"), .string("Unit")])
            for i in 1...50 { try data.writeRow([.string("IND_\(i)"), .number(Double(i) * 1.5), .string("EUR")]) }
            try data.merge(CellRange("A53:C53")!)
            try data.writeRow([.string("merged footer")], row: 53)
            try data.addComment(CellComment(cell: CellReference("B2")!, text: "provisional figure\nsecond line"))
            try data.addComment(CellComment(cell: CellReference("A40")!, text: "checked by BioRN", author: "Coordinator"))
            try data.addDataValidation(DataValidation(range: CellRange("C2:C51")!, rule: .list(["EUR", "DKK", "BGN"]), prompt: "Currency"))
            try data.addDataValidation(DataValidation(range: CellRange("B2:B51")!, rule: .decimal(minimum: 0, maximum: 1e9)))
            let hidden = try book.addSheet(named: "Lists", options: SheetOptions(hidden: true))
            try hidden.writeRow([.string("EUR")])
            try hidden.addDataValidation(DataValidation(range: CellRange("B1:B10")!, rule: .wholeNumber(minimum: 1990, maximum: 2100)))
            try book.close()

            let read = try XLSXWorkbook(path: path)
            #expect(read.sheets.map(\.name) == ["Données 2024", "Lists"])
            #expect(read.sheets.map(\.visibility) == [.visible, .hidden])
            let (rows, merges) = try WrittenWorkbook.rows(read, "Données 2024")
            #expect(rows.count == 52)
            #expect(WrittenWorkbook.value(rows, "B51") == .number(75))
            #expect(merges == [CellRange("A53:C53")!])
            let parts = try WrittenWorkbook.parts(path)
            for (name, xml) in parts { try WrittenWorkbook.checkWellFormed(xml, part: name) }
            let sheet1 = try #require(parts["xl/worksheets/sheet1.xml"])
            #expect(sheet1.contains("<pane xSplit=\"1\" ySplit=\"1\" topLeftCell=\"B2\" activePane=\"bottomRight\" state=\"frozen\"/>"))
            #expect(sheet1.contains("<autoFilter ref=\"A1:C53\"/>"))
            #expect(sheet1.contains("<legacyDrawing r:id=\"rId2\"/>"))
            #expect(parts["xl/workbook.xml"]?.contains("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">'Données 2024'!$A$1:$C$53</definedName>") == true)
            #expect(parts["xl/comments1.xml"]?.contains("<author>Coordinator</author>") == true)
            #expect(parts["xl/drawings/vmlDrawing1.vml"]?.components(separatedBy: "<x:ClientData ObjectType=\"Note\">").count == 3)
            #expect(parts["docProps/core.xml"]?.contains("<dc:title>Indicators 2024</dc:title><dc:creator>innaxe</dc:creator>") == true)
            #expect(parts["docProps/core.xml"]?.contains("2023-11-14T22:13:20Z") == true)
            #expect(parts["[Content_Types].xml"]?.contains("Extension=\"vml\"") == true)
            #expect(parts["xl/worksheets/sheet2.xml"]?.contains("<dataValidation type=\"whole\"") == true)
        }
    }

    /// CT_Worksheet is a sequence: Excel "repairs" a sheet whose children are out of order.
    @Test func worksheetChildrenComeInSchemaOrder() throws {
        try withFolder { folder in
            let path = folder.appendingPathComponent("order.xlsx").path
            let book = try XLSXWriter(path: path)
            let sheet = try book.addSheet(named: "S", options: SheetOptions(frozenRows: 1, autoFilter: true, columnWidths: [1: 20]))
            try sheet.writeRow([.string("a"), .string("b")])
            try sheet.writeRow([.number(1), .number(2)])
            try sheet.merge(CellRange("A3:B3")!)
            try sheet.addDataValidation(DataValidation(range: CellRange("A2:A9")!, rule: .wholeNumber(minimum: 0, maximum: 9)))
            try sheet.addComment(CellComment(cell: CellReference("A1")!, text: "note"))
            try book.close()
            let xml = try #require(WrittenWorkbook.parts(path)["xl/worksheets/sheet1.xml"])
            let order = ["<dimension", "<sheetViews", "<sheetFormatPr", "<cols", "<sheetData", "<autoFilter", "<mergeCells",
                         "<dataValidations", "<pageMargins", "<legacyDrawing"]
            let positions = order.map { xml.range(of: $0)?.lowerBound }
            #expect(positions.allSatisfy { $0 != nil }, "every element present: \(zip(order, positions).filter { $0.1 == nil }.map(\.0))")
            let found = positions.compactMap { $0 }
            #expect(found == found.sorted(), "children out of schema order")
        }
    }

    @Test func columnWidthsComeFromContentAndExplicitWidthsWin() throws {
        try withFolder { folder in
            let path = folder.appendingPathComponent("widths.xlsx").path
            let book = try XLSXWriter(path: path)
            let sheet = try book.addSheet(named: "W", options: SheetOptions(columnWidths: [3: 30]))
            try sheet.writeRow([.string("x"), .string(String(repeating: "w", count: 40)), .string("explicit")])
            try book.close()
            let xml = try #require(WrittenWorkbook.parts(path)["xl/worksheets/sheet1.xml"])
            #expect(xml.contains("<col min=\"1\" max=\"1\" width=\"8.43\" customWidth=\"1\"/>"))
            #expect(xml.contains("<col min=\"2\" max=\"2\" width=\"41.7\" customWidth=\"1\"/>"))
            #expect(xml.contains("<col min=\"3\" max=\"3\" width=\"30\" customWidth=\"1\"/>"))
            #expect(xml.contains("<dimension ref=\"A1:C1\"/>"))
        }
    }

    @Test func aLargeSheetStreamsPastTheWidthSampleAndKeepsEveryRow() throws {
        try withFolder { folder in
            let path = folder.appendingPathComponent("large.xlsx").path
            let book = try XLSXWriter(path: path)
            let sheet = try book.addSheet(named: "Large", options: SheetOptions(widthSampleRows: 10))
            var values = [CellValue](repeating: .empty, count: 4)
            for i in 1...20_000 {
                values[0] = .number(Double(i)); values[1] = .string("row \(i)"); values[2] = .boolean(i % 2 == 0)
                values[3] = .dateTime(CivilDateTime(year: 2020 + i % 5, month: 1 + i % 12, day: 1 + i % 28))
                try sheet.writeRow(values)
            }
            try book.close()
            let read = try XLSXWorkbook(path: path)
            let reader = try read.rows(of: read.sheet(named: "Large"))
            var count = 0
            while let row = try reader.next() {
                count += 1
                #expect(row.index == count)
                if count == 12_345 {
                    #expect(row.value(at: 2) == .string("row 12345"))
                    #expect(row.value(at: 4) == .dateTime(CivilDateTime(year: 2020, month: 10, day: 26)))
                }
            }
            #expect(count == 20_000)
        }
    }

    @Test func sheetsMayBeWrittenInterleaved() throws {
        try withFolder { folder in
            let path = folder.appendingPathComponent("interleaved.xlsx").path
            let book = try XLSXWriter(path: path)
            let a = try book.addSheet(named: "A"), b = try book.addSheet(named: "B")
            for i in 1...300 {
                try a.writeRow([.number(Double(i))])
                try b.writeRow([.string("b\(i)")])
            }
            try book.close()
            let read = try XLSXWorkbook(path: path)
            #expect(try WrittenWorkbook.rows(read, "A").rows[300]?.value(at: 1) == .number(300))
            #expect(try WrittenWorkbook.rows(read, "B").rows[299]?.value(at: 1) == .string("b299"))
        }
    }

    @Test func anEmptyWorkbookStillHasTheSheetExcelRequires() throws {
        try withFolder { folder in
            let path = folder.appendingPathComponent("empty.xlsx").path
            try XLSXWriter(path: path).close()
            #expect(try XLSXWorkbook(path: path).sheets.map(\.name) == ["Sheet1"])
        }
    }
}

/// Values and names the format cannot hold: named errors, raised before anything is written.
@Suite struct XLSXWriterRefusalTests {
    func book(_ folder: URL, _ options: XLSXWriter.Options = .init()) throws -> XLSXWriter {
        try XLSXWriter(path: folder.appendingPathComponent("out.xlsx").path, displayName: "out.xlsx", options: options)
    }

    @Test(arguments: [
        ("", SpreadsheetError.Kind.invalidSheetName), (String(repeating: "x", count: 32), .invalidSheetName),
        ("a[1]", .invalidSheetName), ("a:b", .invalidSheetName), ("a*", .invalidSheetName), ("a?", .invalidSheetName),
        ("a/b", .invalidSheetName), ("a\\b", .invalidSheetName), ("'quoted'", .invalidSheetName), ("History", .invalidSheetName),
        ("DATA", .duplicateSheetName),
    ])
    func sheetNamesExcelRefuses(name: String, kind: SpreadsheetError.Kind) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let b = try book(folder)
        try b.addSheet(named: "Data")
        let error = #expect(throws: SpreadsheetError.self) { try b.addSheet(named: name) }
        #expect(error?.kind == kind)
        #expect(error?.description.hasPrefix("out.xlsx") == true)
        // 31 characters, accents and apostrophes inside are fine.
        try b.addSheet(named: String(repeating: "é", count: 31))
        try b.addSheet(named: "Partner's data")
    }

    @Test func badCellsAreRefusedWithTheirCellAndTheRowIsNotWritten() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.xlsx").path
        let b = try book(folder)
        let s = try b.addSheet(named: "Data")
        try s.writeRow([.string(String(repeating: "a", count: 32_767))])
        let cases: [([CellValue], SpreadsheetError.Kind, String)] = [
            ([.string("ok"), .string(String(repeating: "a", count: 32_768))], .textTooLong, "B2"),
            ([.number(.nan)], .nonFiniteNumber, "A2"),
            ([.empty, .empty, .number(-.infinity)], .nonFiniteNumber, "C2"),
            ([.dateTime(CivilDateTime(year: 1899, month: 12, day: 31))], .dateOutOfRange, "A2"),
            ([.string("nul\u{0}byte")], .invalidWrite, "A2"),
            // A text long enough to live on the heap, its NUL at the very end.
            ([.string(""), .string(String(repeating: "é", count: 40) + "\u{0}")], .invalidWrite, "B2"),
        ]
        for (values, kind, ref) in cases {
            let error = #expect(throws: SpreadsheetError.self) { try s.writeRow(values) }
            #expect(error?.kind == kind)
            #expect(error?.cell == CellReference(ref), "\(kind)")
            #expect(error?.locationText == "out.xlsx › Data!\(ref)")
        }
        try s.writeRow([.string("next row is fine")])
        let outOfOrder = #expect(throws: SpreadsheetError.self) { try s.writeRow([.number(1)], row: 1) }
        #expect(outOfOrder?.kind == .invalidWrite)
        let tooFar = #expect(throws: SpreadsheetError.self) { try s.writeRow([.number(1)], row: 1_048_577) }
        #expect(tooFar?.kind == .outOfRange)
        let merge = try #require(CellRange("A5:B6"))
        try s.merge(merge)
        #expect(throws: SpreadsheetError.self) { try s.merge(CellRange("B6:C7")!) }
        #expect(throws: SpreadsheetError.self) {
            try s.addDataValidation(DataValidation(range: CellRange("A1:A2")!, rule: .list([String(repeating: "v", count: 300)])))
        }
        #expect(throws: SpreadsheetError.self) {
            try s.addDataValidation(DataValidation(range: CellRange("A1:A2")!, rule: .wholeNumber(minimum: 5, maximum: 1)))
        }
        #expect(throws: SpreadsheetError.self) { _ = try b.style(CellStyle(fillColor: "yellow")) }
        try b.close()
        let (rows, _) = try WrittenWorkbook.rows(try XLSXWorkbook(path: path), "Data")
        #expect(rows.keys.sorted() == [1, 2])
        #expect(rows[2]?.value(at: 1) == .string("next row is fine"))
        #expect(rows[1]?.value(at: 1).text.count == 32_767)
    }

    @Test func nonFiniteNumbersCanBeWrittenAsVisibleNumErrors() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let b = try book(folder, .init(nonFiniteNumbers: .numError))
        try b.addSheet(named: "S").writeRow([.number(.nan), .number(.infinity), .number(1)])
        try b.close()
        let (rows, _) = try WrittenWorkbook.rows(try XLSXWorkbook(path: folder.appendingPathComponent("out.xlsx").path), "S")
        #expect(rows[1]?.cells.map(\.value) == [.error(.number), .error(.number), .number(1)])
    }

    @Test func nothingIsLeftWhenTheWorkbookIsNotClosedAndAnOldFileStays() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("out.xlsx")
        try Data("previous".utf8).write(to: target)
        do {
            let b = try book(folder)
            let s = try b.addSheet(named: "S")
            // Past XLSXWriter.inMemorySheetBytes, so the sheet streams through a spool on disk.
            for i in 1...40_000 { try s.writeRow([.number(Double(i)), .string("row \(i)")]) }
            #expect(try WrittenWorkbook.listing(folder).count > 1, "spools exist while writing")
            // dropped here without close(): a failure half-way
        }
        #expect(try WrittenWorkbook.listing(folder) == ["out.xlsx"])
        #expect(try String(contentsOf: target, encoding: .utf8) == "previous")
    }

    /// A small sheet stays in memory: no temporary file and no thread for a workbook of a few
    /// kilobytes (a feedback workbook per submission), and the package is the same.
    @Test func smallSheetsNeedNoTemporaryFile() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let b = try book(folder)
        let small = try b.addSheet(named: "Small")
        for i in 1...500 { try small.writeRow([.number(Double(i)), .string("row \(i)")]) }
        #expect(try WrittenWorkbook.listing(folder) == [], "nothing on disk while a small sheet is written")
        try b.close()
        #expect(try WrittenWorkbook.listing(folder) == ["out.xlsx"])
        let read = try XLSXWorkbook(path: folder.appendingPathComponent("out.xlsx").path)
        let rows = try WrittenWorkbook.rows(read, "Small").rows
        #expect(rows.count == 500)
        #expect(rows[500]?.value(at: 2) == .string("row 500"))
    }

    @Test func aSheetKeptAfterItsWorkbookIsGoneRefusesRowsWithANamedError() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var sheet: WorksheetWriter?
        do {
            let b = try book(folder)
            sheet = try b.addSheet(named: "S")
            try sheet?.writeRow([.number(1)])
        }
        do {
            try sheet?.writeRow([.number(2)])
            Issue.record("a row was taken by a sheet whose workbook is gone")
        } catch let error as SpreadsheetError {
            #expect(error.kind == .invalidWrite)
            #expect(error.description.contains("already closed"))
        }
        #expect(try WrittenWorkbook.listing(folder).isEmpty)
    }

    @Test func aWorkbookOfHiddenSheetsIsRefusedAndTheFirstVisibleSheetIsTheSelectedTab() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hiddenOnly = try book(folder)
        try hiddenOnly.addSheet(named: "Lists", options: SheetOptions(hidden: true))
        let error = #expect(throws: SpreadsheetError.self) { try hiddenOnly.close() }
        #expect(error?.kind == .invalidWrite)
        #expect(try WrittenWorkbook.listing(folder) == [])
        let path = folder.appendingPathComponent("out.xlsx").path
        let b = try book(folder)
        try b.addSheet(named: "Lists", options: SheetOptions(hidden: true))
        try b.addSheet(named: "Data")
        try b.close()
        let parts = try WrittenWorkbook.parts(path)
        #expect(parts["xl/worksheets/sheet1.xml"]?.contains("tabSelected") == false)
        #expect(parts["xl/worksheets/sheet2.xml"]?.contains("<sheetView tabSelected=\"1\"") == true)
        #expect(parts["xl/workbook.xml"]?.contains("activeTab=\"1\"") == true)
    }

    @Test func aFolderThatCannotTakeTheFileFailsAtOnce() throws {
        let error = #expect(throws: SpreadsheetError.self) { try XLSXWriter(path: "/nonexistent-folder/out.xlsx", displayName: "out.xlsx") }
        #expect(error?.kind == .cannotWrite)
    }
}

import Testing
@testable import SpreadsheetIO

@Suite struct CellReferenceTests {
    @Test func printsAndParsesColumnLettersAcrossTheWholeRange() {
        #expect(CellReference.columnLetters(1) == "A")
        #expect(CellReference.columnLetters(26) == "Z")
        #expect(CellReference.columnLetters(27) == "AA")
        #expect(CellReference.columnLetters(702) == "ZZ")
        #expect(CellReference.columnLetters(703) == "AAA")
        #expect(CellReference.columnLetters(16_384) == "XFD")
        for column in [1, 26, 27, 52, 53, 702, 703, 9_999, 16_384] {
            #expect(CellReference.columnIndex(CellReference.columnLetters(column)) == column)
        }
    }

    @Test func parsesA1FormsAndRejectsOutOfRange() {
        #expect(CellReference("B7")?.description == "B7")
        #expect(CellReference("$b$7") == CellReference(column: 2, row: 7))
        #expect(CellReference("XFD1048576") == CellReference(column: 16_384, row: 1_048_576))
        #expect(CellReference("XFE1") == nil)
        #expect(CellReference("A1048577") == nil)
        #expect(CellReference("A0") == nil)
        #expect(CellReference("7B") == nil)
        #expect(CellReference("B") == nil)
        #expect(CellReference("B7:") == nil)
        #expect(CellReference("AAAA1") == nil)
    }

    @Test func locationPrintsSheetQualifiedReference() {
        let b7 = CellReference(column: 2, row: 7)!
        #expect(CellLocation(file: "a.xlsx", sheet: "Sheet1", cell: b7).description == "a.xlsx › Sheet1!B7")
        #expect(CellLocation(file: "a.xlsx", sheet: "Données 2023", cell: b7).sheetQualifiedReference == "'Données 2023'!B7")
        #expect(CellLocation(file: "a.xlsx", sheet: "it's", cell: b7).sheetQualifiedReference == "'it''s'!B7")
        #expect(CellLocation(file: "a.csv", sheet: nil, cell: b7).description == "a.csv › B7")
    }

    @Test func rangesNormaliseCorners() {
        let r = CellRange("C3:A1")!
        #expect(r.description == "A1:C3")
        #expect(r.rowCount == 3 && r.columnCount == 3)
        #expect(r.contains(CellReference("B2")!))
        #expect(!r.contains(CellReference("D2")!))
        #expect(CellRange("A1:XFE2") == nil)
    }

    /// The A1 text is built in one buffer: it must agree with the letters and the row for every
    /// column and across the row range, and parse back to the same reference.
    @Test func descriptionIsLettersThenRowForEveryColumn() {
        for column in 1...CellReference.maxColumn {
            for row in [1, 9, 10, 99, 1_000, 65_536, CellReference.maxRow] where column % 97 == 1 || row == 1 || column == CellReference.maxColumn {
                let ref = CellReference(column: column, row: row)!
                #expect(ref.description == CellReference.columnLetters(column) + String(row))
                #expect(CellReference(ref.description) == ref)
            }
        }
    }
}

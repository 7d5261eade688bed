import Testing
@testable import SpreadsheetIO

/// Every kind of broken or hostile file gets its own error, naming the file and where inside it,
/// and never a crash or a hang. The files are in fixtures/xlsx (fixtures/README.md says how each was made).
@Suite struct MalformedInputTests {
    /// Reads a fixture to the end (every sheet, every row), returning the error it raises.
    func readError(_ name: String, limits: ZipLimits = .default) -> SpreadsheetError? {
        #expect(throws: SpreadsheetError.self) {
            let book = try XLSXWorkbook(path: TestPaths.fixture("xlsx/" + name), displayName: name, limits: limits)
            for sheet in book.sheets {
                let reader = try book.rows(of: sheet)
                while try reader.next() != nil {}
            }
        }
    }

    @Test(arguments: [
        ("text-renamed.xlsx", SpreadsheetError.Kind.notXLSX, "text file"),
        ("empty-file.xlsx", .notXLSX, "empty"),
        ("html-export.xlsx", .notXLSX, "HTML"),
        ("legacy-biff.xls", .legacyXLS, "save it as .xlsx"),
        ("legacy-biff-renamed.xlsx", .legacyXLS, "Excel 97–2003"),
        ("encrypted-agile.xlsx", .encrypted, "password"),
        ("truncated.xlsx", .corruptZip, "truncated"),
        ("bad-crc.xlsx", .corruptZip, "CRC"),
        ("encrypted-zip-entry.xlsx", .badZipEntry, "encrypted inside the ZIP"),
        ("zip-without-workbook.xlsx", .missingPart, "no workbook part"),
        ("missing-sheet-part.xlsx", .missingPart, "xl/worksheets/sheet2.xml"),
        ("malformed-sheet-xml.xlsx", .malformed, "mismatch"),
        ("billion-laughs.xlsx", .xmlEntity, "DTD"),
        ("xxe-external-entity.xlsx", .xmlEntity, "never expanded or fetched"),
        ("dtd-declared.xlsx", .xmlEntity, "DTD"),
        ("zip-bomb.xlsx", .tooLarge, "compression ratio"),
        ("cell-ref-out-of-range.xlsx", .outOfRange, "XFE1"),
        ("row-out-of-range.xlsx", .outOfRange, "1048577"),
        ("absurd-dimension.xlsx", .outOfRange, "A1:ZZZZ99999999"),
        ("shared-string-index-out-of-range.xlsx", .malformed, "outside the table of 3 strings"),
        ("row-with-duplicate-cells.xlsx", .outOfRange, "more than 16384 cells"),
        ("huge-cell-text.xlsx", .tooLarge, "longer than 1048576 bytes"),
    ])
    func refusesWithADistinctError(name: String, kind: SpreadsheetError.Kind, words: String) {
        let error = readError(name)
        #expect(error?.kind == kind, "\(name): \(String(describing: error))")
        #expect(error?.description.hasPrefix(name) == true, "the message starts with the file: \(String(describing: error))")
        #expect(error?.description.contains(words) == true, "\(String(describing: error))")
    }

    @Test func namesThePartLineAndColumnOfMalformedXML() {
        let error = readError("malformed-sheet-xml.xlsx")
        #expect(error?.part == "xl/worksheets/sheet1.xml")
        #expect(error?.line == 11)
        #expect(error?.column == 27)
        #expect(error?.locationText == "malformed-sheet-xml.xlsx › xl/worksheets/sheet1.xml:11:27")
    }

    @Test func namesTheSheetAndCellOfABadValue() {
        let error = readError("shared-string-index-out-of-range.xlsx")
        #expect(error?.sheet == "Données")
        #expect(error?.cell == CellReference("B2"))
        #expect(error?.locationText == "shared-string-index-out-of-range.xlsx › Données!B2")
    }

    @Test func namesTheLineOfAnOutOfRangeRow() {
        let error = readError("row-out-of-range.xlsx")
        #expect(error?.sheet == "Données")
        #expect(error?.line != nil)
    }

    @Test func neverExpandsOrFetchesEntities() {
        // The XXE fixture points at /etc/passwd: the reader must refuse before reading any cell.
        let error = readError("xxe-external-entity.xlsx")
        #expect(error?.kind == .xmlEntity)
        #expect(error?.description.contains("root:") == false)
    }

    @Test func decompressionLimitsAreConfigurable() {
        // A generous ratio lets the bomb through the ratio check, but the size limit still stops it.
        let sizeOnly = ZipLimits(maxPartBytes: 50 << 20, maxCompressionRatio: 10_000)
        let error = readError("zip-bomb.xlsx", limits: sizeOnly)
        #expect(error?.kind == .tooLarge)
        #expect(error?.reason.contains("limit 52428800") == true, "\(String(describing: error))")
        // And a tight size limit refuses an ordinary workbook, naming the part.
        let tiny = ZipLimits(maxPartBytes: 100)
        let small = readError("excel-style-indicators.xlsx", limits: tiny)
        #expect(small?.kind == .tooLarge)
        #expect(small?.part != nil)
    }

    @Test func aMissingFileIsUnreadableNotACrash() {
        let error = #expect(throws: SpreadsheetError.self) { _ = try XLSXWorkbook(path: "/nonexistent/innaxe.xlsx") }
        #expect(error?.kind == .unreadableFile)
    }

    @Test func categoriesMatchTheCorpusVocabulary() {
        let corpus: Set = ["encrypted", "corrupt-zip", "not-xlsx", "malformed", "too-large", "xml-entity", "bad-zip-entry"]
        for kind in SpreadsheetError.Kind.allCases where !kind.isWriting {
            #expect(corpus.contains(SpreadsheetError(kind, file: "f", reason: "r").category), "\(kind)")
        }
    }
}

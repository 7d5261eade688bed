import Foundation
import Testing
@testable import SpreadsheetIO

/// Every workbook of `shared/corpus/xlsx-real` dumps to its expected JSON (by compare.py's rules),
/// and every file the corpus expects to be refused is refused with the expected category.
@Suite(.enabled(if: TestPaths.corpusAvailable, "shared/corpus is absent beside the project: corpus conformance skipped"))
struct CorpusConformanceTests {
    static var workbooks: [String] {
        guard TestPaths.corpusAvailable,
              let names = try? FileManager.default.contentsOfDirectory(atPath: TestPaths.corpus.path) else { return [] }
        return names.filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".xlsm") }.sorted()
    }

    /// Cells where the corpus's expected value is wrong, checked against the file's own XML.
    /// cal_pivots: J5 and G8 of both data sheets are `<c t="e">…<v>#DIV/0!</v></c>`; the expected
    /// nulls come from python-calamine's to_python(), which blanks error cells, because openpyxl
    /// crashed on this file and left nothing to reconcile with. We keep the errors and assert them.
    static let corpusDefects: [String: [(sheet: String, cell: String, value: CellValue)]] = [
        "cal_pivots.xlsx": [
            ("DataSheet", "J5", .error(.divisionByZero)), ("DataSheet", "G8", .error(.divisionByZero)),
            ("DataSheet2", "J5", .error(.divisionByZero)), ("DataSheet2", "G8", .error(.divisionByZero)),
        ],
    ]

    @Test(arguments: workbooks)
    func dumpMatchesExpected(_ name: String) throws {
        let path = TestPaths.corpus.appendingPathComponent(name).path
        let base = (name as NSString).deletingPathExtension
        let expectedDir = TestPaths.corpus.appendingPathComponent("expected")
        let expectFile = expectedDir.appendingPathComponent(base + ".expect.txt").path
        if FileManager.default.fileExists(atPath: expectFile) {
            let rules = try String(contentsOfFile: expectFile, encoding: .utf8)
            let category = rules.split(separator: "\n").first { $0.hasPrefix("category:") }
                .map { $0.dropFirst("category:".count).trimmingCharacters(in: .whitespaces) }
            let error = #expect(throws: SpreadsheetError.self) { _ = try WorkbookDump.json(xlsxPath: path, displayName: name) }
            if let category { #expect(error?.category == category, "\(name): \(String(describing: error))") }
            return
        }
        let expected = try JSONValue.parse(String(contentsOf: expectedDir.appendingPathComponent(base + ".json"), encoding: .utf8))
        var got = try JSONValue.parse(WorkbookDump.json(xlsxPath: path, displayName: name))
        for defect in Self.corpusDefects[name] ?? [] {
            let ref = try #require(CellReference(defect.cell))
            let book = try XLSXWorkbook(path: path)
            let rows = try book.rows(of: book.sheet(named: defect.sheet))
            var found: CellValue = .empty
            while let row = try rows.next(), row.index <= ref.row {
                if row.index == ref.row { found = row.value(at: ref.column) }
            }
            #expect(found == defect.value, "\(name) \(defect.sheet)!\(defect.cell)")
            got = Self.blank(got, sheet: defect.sheet, row: ref.row, column: ref.column)
        }
        let difference = CorpusComparison.difference(expected: expected, got: got)
        #expect(difference == nil, "\(name): \(difference ?? "")")
    }

    private static func blank(_ dump: JSONValue, sheet: String, row: Int, column: Int) -> JSONValue {
        guard case .array(var sheets) = dump["sheets"] ?? .null else { return dump }
        for i in sheets.indices where sheets[i]["name"]?.string == sheet {
            guard case .object(var s) = sheets[i], case .array(var rows) = s["rows"] ?? .null, row - 1 < rows.count,
                  case .array(var cells) = rows[row - 1], column - 1 < cells.count else { continue }
            cells[column - 1] = .null
            rows[row - 1] = .array(cells)
            s["rows"] = .array(rows)
            sheets[i] = .object(s)
        }
        return .object(["sheets": .array(sheets)])
    }
}

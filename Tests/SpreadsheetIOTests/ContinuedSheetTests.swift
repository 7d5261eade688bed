import Foundation
import Testing
@testable import SpreadsheetIO

/// A table longer than a sheet goes on in `name (2)`, `name (3)`…, each with the header, and
/// no row is lost or repeated.
@Suite struct ContinuedSheetTests {
    @Test func rowsPastTheLimitGoOnInNumberedSheetsUnderTheSameHeader() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("long.xlsx").path
        let book = try XLSXWriter(path: path)
        let bold = try book.style(.header)
        // Three rows a sheet: the header and two data rows.
        let table = try ContinuedSheet(in: book, named: "Observations", options: .table, header: [.string("n"), .string("label")],
                                       headerStyle: bold, rowLimit: 3)
        for n in 1...5 { try table.writeRow([.number(Double(n)), .string("row \(n)")]) }
        // A sheet added after the table comes after all of its parts.
        try book.addSheet(named: "After").writeRow([.string("x")])
        try book.close()
        #expect(table.rowCount == 5)

        let read = try XLSXWorkbook(path: path)
        #expect(read.sheets.map(\.name) == ["Observations", "Observations (2)", "Observations (3)", "After"])
        var seen: [Double] = []
        for name in ["Observations", "Observations (2)", "Observations (3)"] {
            let (rows, _) = try WrittenWorkbook.rows(read, name)
            #expect(rows[1]?.value(at: 1) == .string("n"), "\(name) starts with the header")
            #expect(rows[1]?.value(at: 2) == .string("label"))
            for index in rows.keys.sorted() where index > 1 {
                guard case .number(let n)? = rows[index]?.value(at: 1) else { Issue.record("\(name) row \(index)"); continue }
                #expect(rows[index]?.value(at: 2) == .string("row \(Int(n))"))
                seen.append(n)
            }
            #expect(rows.count <= 3, "\(name) holds at most the limit")
        }
        #expect(seen == [1, 2, 3, 4, 5])
    }

    @Test func theLimitIsExcelsLastRowAndATakenNameIsNotReused() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("names.xlsx").path
        let book = try XLSXWriter(path: path)
        try book.addSheet(named: "Data (2)").writeRow([.string("taken")])
        let table = try ContinuedSheet(in: book, named: "Data", header: [.string("h")], rowLimit: 2)
        #expect(try ContinuedSheet(in: book, named: "Other", header: []).rowLimit == CellReference.maxRow)
        for n in 1...2 { try table.writeRow([.number(Double(n))]) }
        try book.close()
        let names = table.sheets.map(\.name)
        #expect(names.count == 2)
        #expect(names[0] == "Data")
        #expect(names[1] != "Data (2)", "the continuation must not take another sheet's name")
        let read = try XLSXWorkbook(path: path)
        let (rows, _) = try WrittenWorkbook.rows(read, names[1])
        #expect(rows[2]?.value(at: 1) == .number(2))
    }
}

import Foundation
import Testing
@testable import SpreadsheetIO

/// Rows read ahead on another thread must be the rows the reader gives, in order, with the
/// source's error after the rows before it, and a reader dropped half-way must stop its thread.
@Suite struct PrefetchingRowReaderTests {
    static func all(_ reader: any RowReading) throws -> [Row] {
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    @Test(arguments: ["partners/CEBR_member_survey_2023_export.csv", "partners/Biocat_Indicadors_BioRegio_2023.xlsx",
                      "partners/BioRN_Kennzahlen_2023_final_v3.xlsx", "csv/cp1252-semicolon-french.csv"])
    func theSameRowsAsReadingDirectly(fixture: String) throws {
        let document = try SpreadsheetDocument(path: TestPaths.fixture(fixture))
        for sheet in document.sheets {
            let direct = try Self.all(try document.rows(of: sheet))
            #expect(!direct.isEmpty)
            for (batchSize, depth) in [(1, 1), (3, 2), (256, 4)] {
                let ahead = try Self.all(PrefetchingRowReader(try document.rows(of: sheet), batchSize: batchSize, depth: depth))
                #expect(ahead == direct, "\(sheet.name) batch \(batchSize)")
            }
        }
    }

    struct Broken: Error, Equatable { var after: Int }

    final class CountingSource: RowReading {
        let rows: Int
        let failAfter: Int?
        var given = 0
        init(rows: Int, failAfter: Int? = nil) { self.rows = rows; self.failAfter = failAfter }
        func next() throws -> Row? {
            if let failAfter, given == failAfter { throw Broken(after: given) }
            guard given < rows else { return nil }
            given += 1
            return Row(index: given, cells: [Cell(column: 1, value: .number(Double(given)))])
        }
    }

    @Test func anErrorComesAfterTheRowsBeforeItAndStays() throws {
        let reader = PrefetchingRowReader(CountingSource(rows: 100, failAfter: 10), batchSize: 4, depth: 1)
        var indices: [Int] = []
        do {
            while let row = try reader.next() { indices.append(row.index) }
            Issue.record("no error thrown")
        } catch let error as Broken {
            #expect(error == Broken(after: 10))
        }
        #expect(indices == Array(1...10))
        #expect(throws: Broken.self) { _ = try reader.next() }
    }

    @Test func aReaderDroppedHalfWayStopsAndReleasesItsSource() throws {
        weak var released: CountingSource?
        do {
            let source = CountingSource(rows: 1_000_000)
            released = source
            let reader = PrefetchingRowReader(source, batchSize: 8, depth: 2)
            for _ in 0..<5 { _ = try reader.next() }
        }
        #expect(released == nil)
    }
}

import Foundation
import Testing
@testable import SpreadsheetIO

/// Inflating a sheet on a second thread changes nothing of what is read, stops cleanly when a
/// reader is dropped half-way, and reports the same errors as inflating in line.
@Suite struct PrefetchingEntryReaderTests {
    static let always = ZipLimits(prefetchThresholdBytes: 0)
    static let never = ZipLimits(prefetchThresholdBytes: .max)

    static func allRows(_ path: String, limits: ZipLimits) throws -> [[Row]] {
        let book = try XLSXWorkbook(path: path, limits: limits)
        return try book.sheets.map { sheet in
            let reader = try book.rows(of: sheet)
            var rows: [Row] = []
            while let row = try reader.next() { rows.append(row) }
            return rows
        }
    }

    static var readableFixtures: [String] {
        ["excel-style-indicators.xlsx", "libreoffice-style-indicators.xlsx", "date1904.xlsx",
         "date1900-leap-quirk.xlsx", "nonstandard-paths.xlsx", "prefixed-namespaces.xlsx", "no-shared-strings.xlsx"]
    }

    @Test(arguments: readableFixtures)
    func sameRowsWithAndWithoutPrefetching(name: String) throws {
        let path = TestPaths.fixture("xlsx/" + name)
        let inline = try Self.allRows(path, limits: Self.never)
        let prefetched = try Self.allRows(path, limits: Self.always)
        #expect(!inline.joined().isEmpty)
        #expect(prefetched == inline)
    }

    @Test func corpusReadsTheSameWithPrefetching() throws {
        guard TestPaths.corpusAvailable else { return }
        let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.corpus.path)
            .filter { $0.hasSuffix(".xlsx") }.sorted()
        var compared = 0
        for name in files {
            let path = TestPaths.corpus.appendingPathComponent(name).path
            guard let inline = try? Self.allRows(path, limits: Self.never) else { continue }
            #expect(try Self.allRows(path, limits: Self.always) == inline, "\(name)")
            compared += 1
        }
        #expect(compared > 100)
    }

    @Test func droppingAReaderHalfWayStopsTheThread() throws {
        let book = try XLSXWorkbook(path: TestPaths.fixture("xlsx/excel-style-indicators.xlsx"), limits: Self.always)
        for _ in 0..<200 {
            let reader = try book.rows(of: book.sheets[0])
            #expect(try reader.next() != nil)
        }
    }

    @Test func inflateErrorsCrossTheThread() {
        #expect(throws: SpreadsheetError.self) {
            _ = try Self.allRows(TestPaths.fixture("xlsx/bad-crc.xlsx"), limits: Self.always)
        }
        do {
            _ = try Self.allRows(TestPaths.fixture("xlsx/bad-crc.xlsx"), limits: Self.always)
        } catch let error as SpreadsheetError {
            #expect(error.kind == .corruptZip)
            #expect(error.description.contains("CRC"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

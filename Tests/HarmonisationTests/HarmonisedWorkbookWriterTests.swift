import Foundation
import Testing
import SpreadsheetIO
@testable import Harmonisation

/// The harmonised workbook holds every observation, in order, even when they need more rows than
/// one sheet has (Excel stops at 1,048,576: a 1.1M-observation run failed there).
@Suite struct HarmonisedWorkbookWriterTests {
    @Test func observationsPastOneSheetGoOnInTheNextWithTheHeader() throws {
        let run = try Fixtures.run("biocat")
        let observations = run.observations
        #expect(observations.count > 20)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("innaxe-workbook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("harmonised.xlsx").path
        let index = ObservationIndex()
        for o in observations { _ = index.insert(o) }
        // Ten rows a sheet: the header and nine observations.
        let writer = try HarmonisedWorkbookWriter(path: path, schema: Fixtures.schema, rates: Fixtures.rates, mappings: [try Fixtures.mapping("biocat")],
                                                  rowsPerSheet: 10)
        for o in observations { try writer.accept(o) }
        try writer.finish(index: index, reports: run.reports, findings: run.findings)

        let book = try XLSXWorkbook(path: path)
        let parts = (observations.count + 8) / 9
        let expectedNames = ["Observations"] + (2...max(2, parts)).prefix(parts - 1).map { "Observations (\($0))" }
        #expect(Array(book.sheets.map(\.name).prefix(parts)) == expectedNames)
        #expect(book.sheets.map(\.name).dropFirst(parts).first?.hasPrefix("Comparison") == true)
        let header = HarmonisedWorkbookWriter.columns.map { CellValue.string($0.name) }
        var written: [(cluster: String, indicator: String, year: Int)] = []
        for name in expectedNames {
            let reader = try book.rows(of: book.sheet(named: name))
            var first = true
            while let row = try reader.next() {
                if first {
                    #expect((1...header.count).map { row.value(at: $0) } == header, "\(name) starts with the header")
                    first = false
                    continue
                }
                guard case .string(let cluster) = row.value(at: 1), case .string(let indicator) = row.value(at: 4),
                      case .number(let year) = row.value(at: 3) else { Issue.record("\(name) row \(row.index)"); continue }
                written.append((cluster, indicator, Int(year)))
            }
        }
        #expect(written.count == observations.count)
        for (w, o) in zip(written, observations) {
            #expect(w.cluster == o.clusterID && w.indicator == o.indicator && w.year == o.year, "\(o.key)")
        }
    }
}

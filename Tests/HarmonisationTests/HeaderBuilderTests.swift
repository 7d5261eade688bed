import Foundation
import Testing
import SpreadsheetIO
@testable import Harmonisation

/// Group labels of multi-row headers: spread by the sheet's merged ranges where there are some,
/// by the carry-over rule where there are none.
@Suite struct HeaderBuilderTests {
    static func row(_ index: Int, _ texts: [Int: String]) -> Row {
        Row(index: index, cells: texts.keys.sorted().map { Cell(column: $0, value: .string(texts[$0]!)) })
    }

    /// Row 3: a group over B:D and one over F:G; row 4: the labels below, and `Font` in E with no
    /// group above it.
    static let rows = [row(3, [1: "Indicador", 2: "Empreses", 6: "Ocupació"]),
                       row(4, [2: "2021", 3: "2022", 4: "2023", 5: "Font", 6: "2022", 7: "2023"])]

    @Test func mergedRangesSayWhichColumnsAGroupCovers() {
        let merges = [CellRange("B3:D3")!, CellRange("F3:G3")!, CellRange("A3:A4")!]
        let labels = HeaderBuilder.labels(from: Self.rows, merges: merges, text: { $0.value.text })
        #expect(labels == [1: "Indicador", 2: "Empreses / 2021", 3: "Empreses / 2022", 4: "Empreses / 2023", 5: "Font",
                           6: "Ocupació / 2022", 7: "Ocupació / 2023"])
    }

    @Test func withoutMergesAGroupCarriesToTheColumnsWithALabelBelow() {
        let rows = [Self.row(3, [1: "Année", 2: "Adhérents", 4: "Animation"]), Self.row(4, [2: "Total", 3: "dont PME", 4: "Événements", 5: "Projets"])]
        let labels = HeaderBuilder.labels(from: rows, text: { $0.value.text })
        #expect(labels == [1: "Année", 2: "Adhérents / Total", 3: "Adhérents / dont PME", 4: "Animation / Événements", 5: "Animation / Projets"])
    }

    /// End to end: a workbook written with merged group labels and a column after the groups whose
    /// label sits in the lower header row only. The carry-over rule alone would call it
    /// `Empreses / Ocupació`; the merges keep it `Ocupació`.
    @Test func theEngineReadsTheSheetsMergedRanges() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("innaxe-header-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("grouped.xlsx").path
        let book = try XLSXWriter(path: path)
        let sheet = try book.addSheet(named: "Dades")
        try sheet.writeRow([.string("Indicadors 2023")])
        try sheet.writeRow([.string("Any"), .string("Empreses")], row: 3)
        try sheet.writeRow([.empty, .string("Total"), .string("Biotec"), .string("Ocupació")], row: 4)
        try sheet.writeRow([.number(2023), .number(1200), .number(310), .number(51_000)], row: 5)
        try sheet.merge(CellRange("B3:C3")!)
        try book.close()

        let mapping = try MappingLoader(schema: Fixtures.schema).parse("""
            mapping_version: 1
            partner: biocat
            tables:
              - header: {row: 3, rows: 2}
                region: ES51
                year: {column: Any}
                values:
                  - {header: Empreses / Total, indicator: ls_companies_total}
                  - {header: Empreses / Biotec, indicator: ls_companies_biotech}
                  - {header: Ocupació, indicator: ls_employment}
            """, file: "test.yaml")
        let harmoniser = Harmoniser(schema: Fixtures.schema, rates: Fixtures.rates)
        let sink = ObservationCollector()
        let report = harmoniser.harmonise(path: path, displayName: "grouped.xlsx", mapping: mapping, sink: sink)
        #expect(report.findings.filter { $0.severity == .error }.isEmpty, "\(report.findings.map(\.message))")
        #expect(sink.observations.map { "\($0.indicator) \($0.year) \($0.value?.number ?? .nan) \($0.provenance.cell!)" }
                == ["ls_companies_total 2023 1200.0 B5", "ls_companies_biotech 2023 310.0 C5", "ls_employment 2023 51000.0 D5"])
    }
}

import Foundation
import Testing
import SpreadsheetIO
@testable import Harmonisation

/// Rules across indicators of one cluster, region and year, in both directions: applied only
/// where the larger side is complete, missing terms of the smaller side counted as 0, one
/// finding per failing (rule, cell), located at the first reported term of the right side.
@Suite struct CrossIndicatorRuleCheckTests {
    static let total = "ls_companies_total", biotech = "ls_companies_biotech", medtech = "ls_companies_medtech"

    /// Row r of a made-up sheet: total in column B, biotech in C, medtech in D.
    static func observation(_ indicator: String, _ year: Int, _ value: Double?) -> Observation {
        let column = indicator == total ? 2 : indicator == biotech ? 3 : 4
        return Observation(key: .init(clusterID: "c1", region: "ES51", year: year, indicator: indicator), value: value.map { .number($0) },
                           unit: "count", status: value == nil ? .confidential : .normal, comment: nil,
                           provenance: Provenance(file: "f.xlsx", sheet: "S", cell: CellReference(column: column, row: year - 2000), columnHeader: nil,
                                                  original: value.map { .number($0) } ?? .string("c"), originalUnit: nil))
    }

    @Test(arguments: [CrossIndicatorRule.Comparison.lessOrEqual, .greaterOrEqual])
    func failsWhereThePartsExceedACompleteTotal(comparison: CrossIndicatorRule.Comparison) throws {
        let index = ObservationIndex()
        let total = Self.total, biotech = Self.biotech, medtech = Self.medtech
        let data: [(String, Int, Double?)] = [
            (total, 2020, 10), (biotech, 2020, 6), (medtech, 2020, 5),   // 11 > 10: fails
            (total, 2021, 10), (biotech, 2021, 6),                       // medtech missing, counted 0: holds
            (biotech, 2022, 6), (medtech, 2022, 5),                      // no total: not checked
            (total, 2023, 3), (medtech, 2023, 5),                        // only the second part: fails, once
            (total, 2024, 10), (biotech, 2024, nil), (medtech, 2024, 12), // a confidential part counts 0: 12 > 10
            (total, 2025, nil), (biotech, 2025, 50),                     // confidential total: not checked
        ]
        for (indicator, year, value) in data { _ = index.insert(Self.observation(indicator, year, value)) }
        var schema = Fixtures.schema
        let parts = [Self.biotech, Self.medtech]
        schema.rules = [comparison == .lessOrEqual
            ? CrossIndicatorRule(id: "r", left: parts, comparison: .lessOrEqual, right: [Self.total], severity: .warning, message: "")
            : CrossIndicatorRule(id: "r", left: [Self.total], comparison: .greaterOrEqual, right: parts, severity: .warning, message: "")]

        let findings = CrossIndicatorRuleCheck().run(index, schema: schema)
        #expect(findings.allSatisfy { $0.code == .crossIndicatorRule && $0.severity == .warning })
        #expect(findings.map { $0.message.components(separatedBy: ":").first! } == ["ES51 2020", "ES51 2023", "ES51 2024"])
        let sums = comparison == .lessOrEqual ? ["(11 vs 10)", "(5 vs 3)", "(12 vs 10)"] : ["(10 vs 11)", "(3 vs 5)", "(10 vs 12)"]
        for (f, s) in zip(findings, sums) { #expect(f.message.contains(s), "\(f.message)") }
        // At the first reported term of the right side: the total, or the first reported part.
        let cells = findings.map { $0.location.cell?.description }
        #expect(cells == (comparison == .lessOrEqual ? ["B20", "B23", "B24"] : ["C20", "D23", "D24"]))
    }
}

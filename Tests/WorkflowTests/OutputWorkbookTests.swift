import Foundation
import SpreadsheetIO
import Testing
@testable import Workflow

/// The XLSX outputs, read back with innaxe's own reader.
@Suite struct OutputWorkbookTests {
    static func rows(_ path: String, sheet: String) throws -> [[String]] {
        let doc = try SpreadsheetDocument(path: path)
        let reader = try doc.rows(of: try doc.sheet(named: sheet))
        var out: [[String]] = []
        while let row = try reader.next() {
            let last = row.cells.last?.column ?? 0
            out.append((1...max(last, 1)).map { row.value(at: $0).text })
        }
        return out
    }

    static let dlsc = "DLSC_nøgletal_2023.xlsx"
    static let medicen = "medicen_export_indicateurs_2023.csv"

    @Test func harmonisedWorkbookHasTheLongSheetAComparisonPerYearSourcesAndFindings() throws {
        let ws = try WorkspaceFixture()
        try ws.dropPartnerFile(Self.dlsc, as: "dlsc/" + Self.dlsc)
        try ws.dropPartnerFile(Self.medicen, as: "medicen/" + Self.medicen)
        _ = try ws.pass()
        let count = try ws.json("out/harmonised.json")["observation_count"] as! Int
        let path = ws.workspace.harmonisedXLSX.path
        let doc = try SpreadsheetDocument(path: path)
        let names = doc.sheets.map(\.name)
        #expect(names.first == "Observations")
        #expect(names.suffix(2) == ["Sources", "Findings"])
        #expect(names.contains("Compare 2019") && names.contains("Compare 2023"), "\(names)")
        let long = try Self.rows(path, sheet: "Observations")
        #expect(long[0].prefix(8) == ["Partner", "Cluster", "Indicator", "Region", "Year", "Value", "Unit", "Status"])
        #expect(long.count == count + 1)
        #expect(long.contains { $0.prefix(8) == ["dlsc", "dlsc", "ls_companies_total", "DK", "2019", "1402", "count", "A"] && $0[12] == "C4" })
        let compare = try Self.rows(path, sheet: "Compare 2019")
        #expect(compare[0].prefix(3) == ["Region", "Partner", "Cluster"])
        let column = compare[0].firstIndex(of: "ls_companies_total")
        #expect(column != nil)
        #expect(compare.contains { row in row.prefix(3) == ["DK", "dlsc", "dlsc"] && column.map { c in row[c] } == "1402" })
        let findings = try Self.rows(path, sheet: "Findings")
        #expect(findings.contains { $0.contains("required-indicator-missing") })
    }

    @Test func validationReportWorkbookColoursTheCompletenessMatrix() throws {
        let ws = try WorkspaceFixture(partners: ["medicen", "dlsc"])
        try ws.dropPartnerFile(Self.medicen, as: "medicen/" + Self.medicen)
        try ws.drop("dlsc/broken.xlsx", "not a workbook")
        _ = try ws.pass()
        let path = ws.workspace.validationReportXLSX.path
        let matrix = try Self.rows(path, sheet: "Completeness")
        #expect(matrix[0].prefix(2) == ["Partner", "Indicator"])
        let y2022 = try #require(matrix[0].firstIndex(of: "2022"))
        #expect(matrix.contains { $0.prefix(2) == ["medicen", "clinical_trials_started"] && $0[y2022] == "confidential" })
        #expect(matrix.contains { $0.prefix(2) == ["dlsc", "ls_companies_total"] && $0[y2022] == "missing" })
        let doc = try SpreadsheetDocument(path: path)
        #expect(doc.sheets.map(\.name) == ["Completeness", "Open findings", "Latest submissions", "Rejected"])
        let rejected = try Self.rows(path, sheet: "Rejected")
        #expect(rejected.count == 2)
        #expect(rejected[1][3] == "broken.xlsx")
        #expect(rejected[1].last?.contains("not-xlsx") == true)
    }

    @Test func feedbackWorkbookPutsEachFindingBesideItsValueAndListsTheChanges() throws {
        let ws = try WorkspaceFixture(partners: ["medicen"])
        try ws.dropPartnerFile(Self.medicen, as: "medicen/" + Self.medicen)
        _ = try ws.pass()
        try ws.drop("medicen/medicen_export_indicateurs_2023_v2.csv", try InboxPassTests.revisedMedicen())
        let report = try ws.pass()
        guard case .accepted(let v2)? = report.outcomes.first else { Issue.record(); return }
        let path = ws.workspace.absolute(SubmissionFeedback.relativePath(for: v2, extension: "xlsx"))
        let values = try Self.rows(path, sheet: "Your values")
        #expect(values[0] == ["Sheet", "Cell", "Original text", "Indicator", "Region", "Year", "Value", "Unit", "Status", "Finding"])
        let members = values.first { $0.count > 6 && $0[1] == "E2" }
        #expect(members?[3] == "cluster_members")
        #expect(members?[6] == "530")
        let withFinding = values.first { $0.count > 9 && $0[1] == "E7" }
        #expect(withFinding?[9].hasPrefix("total-and-parts") == true, "\(String(describing: withFinding))")
        let changes = try Self.rows(path, sheet: "Changes")
        #expect(changes.contains { $0.count >= 8 && $0[0] == "revised" && $0[1] == "cluster_members" && $0[3] == "2023" && $0[5] == "512" && $0[7] == "530" },
                "\(changes)")
        let summary = try Self.rows(path, sheet: "Summary")
        #expect(summary.contains { $0[0] == "Previous submission" && $0[1].hasPrefix(Self.medicen + " (submission 1") })
    }

    @Test func exportWritesTheFilteredDatasetAsAWorkbook() throws {
        let ws = try WorkspaceFixture(partners: ["dlsc"])
        try ws.dropPartnerFile(Self.dlsc, as: "dlsc/" + Self.dlsc)
        _ = try ws.pass()
        let expected = try ws.store().currentObservations().filter { $0.record.year == 2019 }.count
        #expect(expected > 0)
        let out = ws.root.appendingPathComponent("export.xlsx").path
        let n = try Exporter.export(store: ws.store(), filter: ObservationFilter(years: [2019]), format: .xlsx, to: out)
        #expect(n == expected)
        let long = try Self.rows(out, sheet: "Observations")
        #expect(long.count == expected + 1)
        #expect(long.dropFirst().allSatisfy { $0[4] == "2019" })
    }
}

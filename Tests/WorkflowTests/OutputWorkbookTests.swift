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

    @Test func harmonisedWorkbookHasTheLongSheetAComparisonPerYearSourcesAndFindings() throws {
        let ws = try WorkspaceFixture()
        try ws.drop("biocat/b.csv", longTable(["companies_total;ES51;2023;1250;A", "companies_total;ES51;2024;1300;P", "employees_total;ES51;2023;;A"]))
        try ws.drop("dlsc/d.csv", longTable(["companies_total;DK;2023;412;A", "vc_investment;DK;2023;;C"]))
        _ = try ws.pass()
        let path = ws.workspace.harmonisedXLSX.path
        let doc = try SpreadsheetDocument(path: path)
        #expect(doc.sheets.map(\.name) == ["Observations", "Compare 2023", "Compare 2024", "Sources", "Findings"])
        let long = try Self.rows(path, sheet: "Observations")
        #expect(long[0].prefix(8) == ["Partner", "Cluster", "Indicator", "Region", "Year", "Value", "Unit", "Status"])
        #expect(long.count == 6)
        #expect(long.contains { $0.prefix(8) == ["biocat", "biocat", "companies_total", "ES51", "2024", "1300", "", "P"] && $0[12] == "D3" })
        let compare = try Self.rows(path, sheet: "Compare 2023")
        #expect(compare[0] == ["Region", "Partner", "Cluster", "companies_total", "employees_total", "vc_investment"])
        #expect(compare.contains { $0 == ["DK", "dlsc", "dlsc", "412", "", "(confidential)"] })
        #expect(compare.contains { $0 == ["ES51", "biocat", "biocat", "1250", "(missing)"] })
        let findings = try Self.rows(path, sheet: "Findings")
        #expect(findings.count == 2)
        #expect(findings[1][4] == "missing-value")
        #expect(findings[1][5] == "b.csv › D4")
    }

    @Test func validationReportWorkbookColoursTheCompletenessMatrix() throws {
        let ws = try WorkspaceFixture(partners: ["biocat", "dlsc"])
        try ws.drop("biocat/b.csv", longTable(["companies_total;ES51;2023;1250;A", "companies_total;ES51;2024;1300;P"]))
        try ws.drop("dlsc/d.csv", longTable(["vc_investment;DK;2023;;C"]))
        try ws.drop("dlsc/broken.xlsx", "not a workbook")
        _ = try ws.pass()
        let path = ws.workspace.validationReportXLSX.path
        let matrix = try Self.rows(path, sheet: "Completeness")
        #expect(matrix[0] == ["Partner", "Indicator", "2023", "2024"])
        #expect(matrix.contains { $0 == ["biocat", "companies_total", "present", "provisional"] })
        #expect(matrix.contains { $0 == ["dlsc", "vc_investment", "confidential", "missing"] })
        #expect(matrix.contains { $0 == ["dlsc", "companies_total", "missing", "missing"] })
        let doc = try SpreadsheetDocument(path: path)
        #expect(doc.sheets.map(\.name) == ["Completeness", "Open findings", "Latest submissions", "Rejected"])
        let rejected = try Self.rows(path, sheet: "Rejected")
        #expect(rejected.count == 2)
        #expect(rejected[1][3] == "broken.xlsx")
        #expect(rejected[1].last?.contains("not-xlsx") == true)
    }

    @Test func feedbackWorkbookPutsEachFindingBesideItsValueAndListsTheChanges() throws {
        let ws = try WorkspaceFixture(partners: ["medicen"])
        try ws.drop("medicen/v1.csv", longTable(["members;FR10;2023;420;A", "members;FR10;2024;430;P"]))
        _ = try ws.pass()
        try ws.drop("medicen/v2.csv", longTable(["members;FR10;2024;437;A", "members;FR10;2023;;A"]))
        let report = try ws.pass()
        guard case .accepted(let v2)? = report.outcomes.first else { Issue.record(); return }
        let path = ws.workspace.absolute(SubmissionFeedback.relativePath(for: v2, extension: "xlsx"))
        let values = try Self.rows(path, sheet: "Your values")
        #expect(values[0] == ["Sheet", "Cell", "Original text", "Indicator", "Region", "Year", "Value", "Unit", "Status", "Finding"])
        let missing = values.first { $0.count > 9 && $0[1] == "D3" }
        #expect(missing?[8] == "M")
        #expect(missing?[9].hasPrefix("missing-value: the value is empty") == true)
        let changes = try Self.rows(path, sheet: "Changes")
        #expect(changes.contains { $0.prefix(8) == ["revised", "members", "FR10", "2024", "medicen", "430", "P", "437"] })
        #expect(changes.contains { $0.prefix(8) == ["revised", "members", "FR10", "2023", "medicen", "420", "A", ""] })
        let summary = try Self.rows(path, sheet: "Summary")
        #expect(summary.contains { $0[0] == "Previous submission" && $0[1].hasPrefix("v1.csv (submission 1") })
    }

    @Test func exportWritesTheFilteredDatasetAsAWorkbook() throws {
        let ws = try WorkspaceFixture(partners: ["biocat"])
        try ws.drop("biocat/b.csv", longTable(["companies_total;ES51;2023;1250;A", "companies_total;ES51;2024;1300;P"]))
        _ = try ws.pass()
        let out = ws.root.appendingPathComponent("export.xlsx").path
        let n = try Exporter.export(store: ws.store(), filter: ObservationFilter(years: [2024]), format: .xlsx, to: out)
        #expect(n == 1)
        let long = try Self.rows(out, sheet: "Observations")
        #expect(long.count == 2)
        #expect(long[1][4] == "2024")
    }
}

import Foundation
import Testing
@testable import Workflow

/// The inbox end to end with the real harmonisation engine, the bundled mappings and the six
/// partners' sample files (fixtures/partners/).
@Suite struct InboxPassTests {
    static let biocat = "Biocat_Indicadors_BioRegio_2023.xlsx"
    static let medicenCSV = "medicen_export_indicateurs_2023.csv"
    static let biorn = "BioRN_Kennzahlen_2023_final_v3.xlsx"
    static let hlsc = "HLSC_pokazateli_2023.csv"
    static let dlsc = "DLSC_nøgletal_2023.xlsx"
    static let cebr = "CEBR_member_survey_2023_export.csv"

    @Test func allSixPartnersAreIdentifiedHarmonisedArchivedAndPublished() throws {
        let ws = try WorkspaceFixture()
        // Three in their partner's folder, two found by the mappings' file-name patterns, one
        // renamed and found by the header fingerprint its mapping implies (sheet Nøgletal…).
        try ws.dropPartnerFile(Self.biocat, as: "biocat/" + Self.biocat)
        try ws.dropPartnerFile(Self.biorn, as: "biorn/" + Self.biorn)
        try ws.dropPartnerFile(Self.hlsc, as: "hlsc/" + Self.hlsc)
        try ws.dropPartnerFile(Self.medicenCSV, as: Self.medicenCSV)
        try ws.dropPartnerFile(Self.cebr, as: Self.cebr)
        try ws.dropPartnerFile(Self.dlsc, as: "nøgletal kopi.xlsx")

        let report = try ws.pass()
        #expect(report.acceptedCount == 6)
        #expect(report.rejectedCount == 0)
        var method: [String: String] = [:]
        for o in report.outcomes { if let e = o.entry, let p = e.partnerID { method[p] = e.identifiedBy ?? "?" } }
        #expect(method == ["biocat": "inbox-folder", "biorn": "inbox-folder", "hlsc": "inbox-folder",
                           "medicen": "file-name", "cebr": "file-name", "dlsc": "header-fingerprint"])
        #expect(ws.files(in: "inbox").isEmpty)
        let archived = ws.files(in: "archive")
        #expect(archived.count == 6)
        #expect(archived.contains { $0.hasPrefix("dlsc/") && $0.hasSuffix("-nøgletal kopi.xlsx") })
        #expect(archived.allSatisfy { $0.range(of: #"^[a-z]+/\d{8}T\d{6}Z-[0-9a-f]{16}-"#, options: .regularExpression) != nil })

        let store = try ws.store()
        for s in try store.submissions() {
            #expect(s.mappingID == s.partnerID, "\(s.originalName) read with mappings/\(s.partnerID).yaml")
            #expect(s.counts.observations > 0, "\(s.originalName)")
        }
        let harmonised = try ws.json("out/harmonised.json")
        #expect((harmonised["partners"] as? [String])?.sorted() == ["biocat", "biorn", "cebr", "dlsc", "hlsc", "medicen"])
        let observations = harmonised["observations"] as! [[String: Any]]
        #expect(harmonised["observation_count"] as? Int == observations.count)
        func find(_ partner: String, _ indicator: String, _ region: String, _ year: Int) -> [String: Any]? {
            observations.first { $0["partner"] as? String == partner && $0["indicator"] as? String == indicator
                && $0["region"] as? String == region && $0["year"] as? Int == year }
        }
        // Rows of partner-spreadsheets.md, as the golden tests expect them, through the inbox.
        let trials = find("biocat", "clinical_trials_started", "ES51", 2020)
        #expect(trials?["value"] as? Double == 912)
        #expect((trials?["provenance"] as? [String: Any])?["cell"] as? String == "D13")
        #expect((trials?["provenance"] as? [String: Any])?["sheet"] as? String == "Indicadors")
        let dk = find("dlsc", "ls_companies_total", "DK", 2019)
        #expect(dk?["value"] as? Double == 1402)
        #expect((dk?["provenance"] as? [String: Any])?["file"] as? String == "nøgletal kopi.xlsx")
        let secret = find("medicen", "clinical_trials_started", "FR10", 2022)
        #expect(secret?["obs_status"] as? String == "C")
        #expect(secret?["value"] is NSNull)
        #expect((secret?["provenance"] as? [String: Any])?["sheet"] is NSNull, "a CSV has no sheet")
        #expect((secret?["provenance"] as? [String: Any])?["original_text"] as? String == "secret stat.")

        let validation = try ws.json("out/validation-report.json")
        let cells = (validation["completeness"] as! [String: Any])["cells"] as! [[String: Any]]
        func state(_ p: String, _ i: String, _ y: Int) -> String? {
            cells.first { $0["partner"] as? String == p && $0["indicator"] as? String == i && $0["year"] as? Int == y }?["state"] as? String
        }
        #expect(state("medicen", "clinical_trials_started", 2022) == "confidential")
        #expect(state("medicen", "ls_companies_total", 2022) == "estimated")
        #expect(state("dlsc", "ls_companies_total", 2019) == "present")
        #expect(state("biocat", "cluster_budget_eur", 2023) == "missing", "every schema indicator is in the matrix, reported or not")
        let feedback = ws.files(in: "out/feedback")
        #expect(feedback.filter { $0.hasSuffix(".feedback.json") }.count == 6)
        #expect(feedback.filter { $0.hasSuffix(".feedback.xlsx") }.count == 6)
    }

    @Test func engineFindingsAreRecordedOnTheAcceptedSubmissionAtTheirCells() throws {
        let ws = try WorkspaceFixture()
        try ws.dropPartnerFile(Self.cebr, as: "cebr/" + Self.cebr)
        let report = try ws.pass()
        guard case .accepted(let entry)? = report.outcomes.first else { Issue.record("\(report.outcomes)"); return }
        let findings = try ws.store().findings(ofSubmission: entry.id)
        #expect(findings.contains { $0.severity == .error }, "CEBR's two-region answer is an error, the file still accepted")
        #expect(findings.allSatisfy { $0.file == Self.cebr && $0.sheet == nil })
        #expect(findings.contains { $0.code == "ambiguous-number" && $0.cell == "E4" && $0.rawText == "1,200+" })
        #expect(entry.counts.errors == findings.filter { $0.severity == .error }.count)
    }

    @Test func anIdenticalFileDroppedAgainIsADuplicateAndImportsNothing() throws {
        let ws = try WorkspaceFixture()
        try ws.dropPartnerFile(Self.hlsc, as: "hlsc/" + Self.hlsc)
        let first = try ws.pass()
        #expect(first.acceptedCount == 1)
        let values = try ws.store().currentObservations().count
        #expect(values > 0)
        try ws.dropPartnerFile(Self.hlsc, as: "HLSC_pokazateli_2023 (1).csv")
        let report = try ws.pass()
        #expect(report.duplicateCount == 1)
        guard case .duplicate(let dup)? = report.outcomes.first else { Issue.record("not a duplicate"); return }
        #expect(dup.duplicateOf == 1)
        #expect(dup.counts.observations == 0)
        #expect(try ws.store().currentObservations().count == values)
        #expect(ws.files(in: "archive/hlsc").count == 2, "the re-dropped original is archived too, never left or deleted")
        #expect(ws.files(in: "inbox").isEmpty)
        let feedback = try ws.json(SubmissionFeedback.relativePath(for: dup))
        #expect((feedback["summary"] as? String)?.contains("identical to \(Self.hlsc)") == true)
    }

    /// Medicen's export with one figure revised: adherents 2023, 512 → 530 (cell E2).
    static func revisedMedicen() throws -> Data {
        let original = try WorkspaceFixture.partnerFile(medicenCSV)
        let old = Data(";2023;512;nb;".utf8), new = Data(";2023;530;nb;".utf8)
        guard let range = original.range(of: old) else { throw CocoaError(.fileReadCorruptFile) }
        var revised = original
        revised.replaceSubrange(range, with: new)
        return revised
    }

    @Test func aRowLeftOutOfARevisedExportIsWithdrawn() throws {
        let ws = try WorkspaceFixture()
        try ws.dropPartnerFile(Self.medicenCSV, as: "medicen/" + Self.medicenCSV)
        _ = try ws.pass()
        let before = try ws.store().currentObservations()
        let original = try WorkspaceFixture.partnerFile(Self.medicenCSV)
        var lines = original.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let drop = lines.firstIndex(where: { String(decoding: $0, as: UTF8.self).contains(";92;2022;") }) else {
            Issue.record("the fixture has no département 92 row"); return
        }
        lines.remove(at: drop)
        try ws.drop("medicen/medicen_export_indicateurs_2023_v3.csv", Data(lines.joined(separator: [UInt8(ascii: "\n")])))
        let report = try ws.pass()
        guard case .accepted(let v2)? = report.outcomes.first else { Issue.record("not accepted: \(report.outcomes)"); return }
        #expect(v2.counts.withdrawn == 1)
        #expect(try ws.store().currentObservations().count == before.count - 1)
    }

    @Test func aPartnersWorkbookDoesNotWithdrawWhatOnlyItsCSVReports() throws {
        let ws = try WorkspaceFixture()
        try ws.dropPartnerFile(Self.hlsc, as: "hlsc/" + Self.hlsc)
        _ = try ws.pass()
        let before = try ws.store().currentObservations().count
        try ws.dropPartnerFile("Показатели_2023.xlsx", as: "hlsc/Показатели_2023.xlsx")
        let report = try ws.pass()
        guard case .accepted(let xlsx)? = report.outcomes.first else { Issue.record("not accepted: \(report.outcomes)"); return }
        #expect(xlsx.counts.withdrawn == 0)
        #expect(try ws.store().currentObservations().count >= before)
    }

    @Test func aRevisedFileSupersedesValuesAndItsFeedbackListsTheChange() throws {
        let ws = try WorkspaceFixture()
        try ws.dropPartnerFile(Self.medicenCSV, as: "medicen/" + Self.medicenCSV)
        _ = try ws.pass()
        let before = try ws.store().currentObservations()
        try ws.drop("medicen/medicen_export_indicateurs_2023_v2.csv", try Self.revisedMedicen())
        let report = try ws.pass()
        guard case .accepted(let v2)? = report.outcomes.first else { Issue.record("not accepted: \(report.outcomes)"); return }
        #expect(v2.counts.revised == 1)
        #expect(v2.counts.added == 0)
        #expect(v2.counts.withdrawn == 0)
        #expect(v2.counts.unchanged == before.count - 1)
        #expect(v2.previousSubmissionID == 1)

        let store = try ws.store()
        let current = try store.currentObservations()
        #expect(current.count == before.count)
        let members = current.filter { $0.record.indicator == "cluster_members" && $0.record.year == 2023 }
        #expect(members.map(\.record.value) == [.number(530)])
        #expect(members.first?.submissionID == 2)
        #expect(try store.observations(ofSubmission: 1).contains { $0.record.indicator == "cluster_members" && $0.record.value == .number(512) },
                "history is kept")

        let feedback = try ws.json(SubmissionFeedback.relativePath(for: v2))
        let changes = feedback["changes"] as! [[String: Any]]
        #expect(changes.count == 1)
        let revised = changes.first
        #expect(revised?["change"] as? String == "revised")
        #expect(revised?["indicator"] as? String == "cluster_members")
        #expect((revised?["previous"] as? [String: Any])?["value"] as? String == "512")
        #expect((revised?["now"] as? [String: Any])?["value"] as? String == "530")
        #expect(revised?["cell"] as? String == "E2")
    }

    @Test func badFilesAreRejectedWithAReasonWhileTheOthersAreTaken() throws {
        let ws = try WorkspaceFixture()
        try ws.dropPartnerFile(Self.biocat, as: "biocat/" + Self.biocat)
        try ws.dropFixture("fixtures/xlsx/truncated.xlsx", as: "medicen/tableau.xlsx")
        try ws.dropFixture("fixtures/xlsx/legacy-biff.xls", as: "biorn/Unternehmen.xls")
        try ws.dropFixture("fixtures/xlsx/text-renamed.xlsx", as: "hlsc/report.xlsx")
        try ws.drop("somebody.csv", "indicator;region;year;value\nls_companies_total;ES51;2023;1\n")
        try ws.dropPartnerFile("CEBR_member_survey_2023_export.xlsx", as: "dlsc/noter.xlsx")
        try ws.drop("acme/Indicators.csv", "a;b\n1;2\n")
        try ws.dropPartnerFile(Self.cebr, as: "cebr/" + Self.cebr)

        let report = try ws.pass()
        #expect(report.acceptedCount == 2)
        #expect(report.rejectedCount == 6)
        #expect(ws.files(in: "inbox").isEmpty)
        var codes: [String: String] = [:]
        for o in report.outcomes { if case .rejected(let e) = o { codes[e.inboxPath] = e.rejection?.code.rawValue } }
        #expect(codes == [
            "medicen/tableau.xlsx": "corrupt-zip",
            "biorn/Unternehmen.xls": "legacy-xls",
            "hlsc/report.xlsx": "not-xlsx",
            "somebody.csv": "unknown-partner",
            "dlsc/noter.xlsx": "sheet-not-found",
            "acme/Indicators.csv": "no-mapping",
        ])
        let rejected = ws.files(in: "rejected")
        #expect(rejected.count == 6)
        for file in rejected {
            let txt = try String(contentsOf: ws.root.appendingPathComponent("rejected/" + file + ".reason.txt"), encoding: .utf8)
            #expect(txt.contains("Reason:"), "\(file)")
            let reason = try ws.json("rejected/" + file + ".reason.json")
            #expect(reason["code"] is String)
            #expect(reason["content_hash"] as? String == FileCopy.hash(of: ws.root.appendingPathComponent("rejected/" + file).path))
        }
        // CEBR's workbook in DLSC's folder: DLSC's mapping names the table it cannot find.
        let noter = try ws.json("rejected/" + rejected.first { $0.hasSuffix("noter.xlsx") }! + ".reason.json")
        #expect((noter["message"] as? String)?.contains("key figures") == true, "\(noter)")
        #expect((noter["message"] as? String)?.contains("Responses") == true, "the sheets it has are listed")
        let acme = try ws.json("rejected/" + rejected.first { $0.hasSuffix("Indicators.csv") }! + ".reason.json")
        #expect((acme["message"] as? String)?.contains("\"acme\"") == true)
        #expect(rejected.contains { !$0.contains("/") && $0.hasSuffix("-somebody.csv") }, "an unidentified file is filed at the top of rejected/")
        let validation = try ws.json("out/validation-report.json")
        #expect((validation["unidentified_rejections"] as? [Any])?.count == 1)
    }

    @Test func filesStillBeingWrittenAndTemporaryFilesWait() throws {
        let ws = try WorkspaceFixture()
        try ws.dropPartnerFile(Self.biocat, as: "biocat/fresh.xlsx")
        try ws.drop("biocat/~$fresh.xlsx", "owner")
        try ws.drop("biocat/.~lock.fresh.xlsx#", "lock")
        try ws.drop("biocat/download.xlsx.crdownload", "partial")
        try ws.drop("biocat/upload.part", "partial")
        try ws.drop("biocat/.hidden.csv", "x")
        let report = try ws.pass(settle: 60)
        #expect(report.outcomes.isEmpty)
        #expect(report.waiting == ["biocat/fresh.xlsx"])
        let later = try ws.pass(settle: 0)
        #expect(later.acceptedCount == 1)
        #expect(ws.files(in: "inbox/biocat").sorted() == ["download.xlsx.crdownload", "upload.part", "~$fresh.xlsx"],
                "temporary files are never taken (the hidden ones are not listed)")
    }

    @Test func aSecondRunOnALockedWorkspaceIsRefused() throws {
        let ws = try WorkspaceFixture()
        try ws.dropPartnerFile(Self.hlsc, as: "hlsc/a.csv")
        let lock = try WorkspaceLock(workspace: ws.workspace)
        #expect(throws: WorkspaceLock.Busy.self) { _ = try ws.pass() }
        #expect(ws.files(in: "inbox") == ["hlsc/a.csv"])
        withExtendedLifetime(lock) {}
        _ = consume lock
        #expect(try ws.pass().acceptedCount == 1, "the lock is released with its holder")
    }

    @Test func recoveryFinishesARecordedSubmissionAndDropsOrphanSnapshots() throws {
        let ws = try WorkspaceFixture()
        let original = try ws.dropPartnerFile(Self.hlsc, as: "hlsc/a.csv")
        // What a run killed right after its commit leaves: the ledger names where the original
        // goes, the original is still in the inbox and its snapshot in staging.
        let store = try ws.store()
        let snapshot = "state/staging/killed.csv"
        _ = try FileCopy.copyHashing(from: original.path, to: ws.workspace.absolute(snapshot))
        let hash = FileCopy.hash(of: original.path)!
        let file = InboxFile(path: ws.workspace.absolute(snapshot), originalName: "a.csv", inboxPath: "hlsc/a.csv",
                             partnerFolder: "hlsc", contentHash: hash, size: 0)
        let partner = PartnerIdentification(partnerID: "hlsc", method: .inboxFolder)
        let processor = MappingProcessor(catalogue: try MappingCatalogue(folder: ws.workspace.mappings))
        guard case .processed(let processed) = processor.process(file, from: partner) else { Issue.record(); return }
        _ = try store.record(SubmissionDraft(file: file, identification: partner, outcome: .accepted(processed),
                                             receivedAt: "2026-01-01T00:00:00Z", processedAt: "2026-01-01T00:00:00Z",
                                             storedPath: "archive/hlsc/x-a.csv", snapshotPath: snapshot))
        try Data("orphan".utf8).write(to: ws.workspace.staging.appendingPathComponent("orphan.csv"))

        let report = try ws.pass()
        #expect(report.recovered.count == 1)
        #expect(report.outcomes.isEmpty, "the recorded file is not taken a second time")
        #expect(ws.files(in: "inbox").isEmpty)
        #expect(ws.files(in: "archive") == ["hlsc/x-a.csv"])
        #expect(ws.files(in: "state/staging").isEmpty)
        #expect(try store.currentObservations().count == processed.observations.count)
        #expect(try store.unfiledSubmissions().isEmpty)
    }

    @Test func theLedgerPassesSQLitesIntegrityCheck() throws {
        let ws = try WorkspaceFixture()
        try ws.dropPartnerFile(Self.hlsc, as: "hlsc/a.csv")
        _ = try ws.pass()
        #expect(try ws.store().integrityCheck() == "ok")
    }
}

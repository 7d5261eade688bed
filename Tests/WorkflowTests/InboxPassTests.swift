import Foundation
import Testing
@testable import Workflow

@Suite struct InboxPassTests {
    @Test func everyPartnersFileIsRecordedArchivedAndPublished() throws {
        let ws = try WorkspaceFixture()
        try ws.drop("biocat/Indicadors 2024.csv", longTable(["companies_total;ES51;2023;1250;A", "companies_total;ES51;2024;1302;P"]))
        try ws.drop("medicen/medicen.csv", longTable(["members;FR10;2024;437;A"]))
        try ws.drop("biorn/unternehmen.csv", longTable(["companies_total;X-DE-RHEIN-NECKAR;2023;118;A"]))
        try ws.drop("hlsc/hlsc.csv", longTable(["companies_total;BG41;2023;96;E"]))
        try ws.dropFixture("fixtures/workflow/dlsc-long-table.xlsx", as: "dlsc/Nøgletal.xlsx")
        try ws.drop("cebr/survey.csv", "indicator;region;year;value;status;cluster\nmembers;BE2;2023;310;A;cebr-flandersbio\n")

        let report = try ws.pass()
        #expect(report.acceptedCount == 6)
        #expect(report.rejectedCount == 0)
        #expect(ws.files(in: "inbox").isEmpty)
        let archived = ws.files(in: "archive")
        #expect(archived.count == 6)
        #expect(archived.contains { $0.hasPrefix("dlsc/") && $0.hasSuffix("-Nøgletal.xlsx") })
        // Archive names carry time and hash: <yyyymmddThhmmssZ>-<16 hex>-<name>.
        #expect(archived.allSatisfy { $0.range(of: #"^[a-z]+/\d{8}T\d{6}Z-[0-9a-f]{16}-"#, options: .regularExpression) != nil })

        let harmonised = try ws.json("out/harmonised.json")
        #expect(harmonised["observation_count"] as? Int == 10)
        #expect((harmonised["partners"] as? [String])?.sorted() == ["biocat", "biorn", "cebr", "dlsc", "hlsc", "medicen"])
        let observations = harmonised["observations"] as! [[String: Any]]
        let dk = observations.first { $0["indicator"] as? String == "employees_total" }!
        #expect(dk["value"] as? Double == 55200)
        let prov = dk["provenance"] as! [String: Any]
        #expect(prov["file"] as? String == "Nøgletal.xlsx")
        #expect(prov["sheet"] as? String == "Data")
        #expect(prov["cell"] as? String == "D4")
        let cebr = observations.first { $0["partner"] as? String == "cebr" }!
        #expect(cebr["cluster_id"] as? String == "cebr-flandersbio")

        let validation = try ws.json("out/validation-report.json")
        let cells = (validation["completeness"] as! [String: Any])["cells"] as! [[String: Any]]
        func state(_ p: String, _ i: String, _ y: Int) -> String? {
            cells.first { $0["partner"] as? String == p && $0["indicator"] as? String == i && $0["year"] as? Int == y }?["state"] as? String
        }
        #expect(state("dlsc", "vc_investment", 2023) == "confidential")
        #expect(state("dlsc", "companies_total", 2024) == "provisional")
        #expect(state("hlsc", "companies_total", 2023) == "estimated")
        #expect(state("biocat", "companies_total", 2023) == "present")
        #expect(state("medicen", "companies_total", 2023) == "missing")
        let feedback = ws.files(in: "out/feedback")
        #expect(feedback.filter { $0.hasSuffix(".feedback.json") }.count == 6)
        #expect(feedback.filter { $0.hasSuffix(".feedback.xlsx") }.count == 6)
    }

    @Test func anIdenticalFileDroppedAgainIsADuplicateAndImportsNothing() throws {
        let ws = try WorkspaceFixture()
        let csv = longTable(["members;FR10;2024;437;A"])
        try ws.drop("medicen/medicen.csv", csv)
        _ = try ws.pass()
        try ws.drop("medicen/medicen (1).csv", csv)
        let report = try ws.pass()
        #expect(report.duplicateCount == 1)
        guard case .duplicate(let dup)? = report.outcomes.first else { Issue.record("not a duplicate"); return }
        #expect(dup.duplicateOf == 1)
        #expect(dup.counts.observations == 0)
        #expect(try ws.store().currentObservations().count == 1)
        #expect(ws.files(in: "archive/medicen").count == 2, "the re-dropped original is archived too, never left or deleted")
        #expect(ws.files(in: "inbox").isEmpty)
        let feedback = try ws.json(SubmissionFeedback.relativePath(for: dup))
        #expect((feedback["summary"] as? String)?.contains("identical to medicen.csv") == true)
    }

    @Test func aRevisedFileSupersedesValuesAndItsFeedbackListsTheChanges() throws {
        let ws = try WorkspaceFixture()
        try ws.drop("biocat/indicadors.csv", longTable([
            "companies_total;ES51;2023;1250;A", "companies_total;ES51;2024;1300;P",
            "companies_total;ES52;2024;80;A", "employees_total;ES51;2023;52000;A",
        ]))
        _ = try ws.pass()
        try ws.drop("biocat/indicadors v2.csv", longTable([
            "companies_total;ES51;2023;1250;A",   // unchanged
            "companies_total;ES51;2024;1302;A",   // revised: value and status
            "companies_total;ES53;2024;12;A",     // added; ES52 2024 withdrawn (same indicator and year)
        ]))
        let report = try ws.pass()
        guard case .accepted(let v2)? = report.outcomes.first else { Issue.record("not accepted"); return }
        #expect(v2.counts.revised == 1)
        #expect(v2.counts.added == 1)
        #expect(v2.counts.withdrawn == 1)
        #expect(v2.counts.unchanged == 1)
        #expect(v2.previousSubmissionID == 1)

        let store = try ws.store()
        let current = try store.currentObservations()
        #expect(current.count == 4, "ES51 2023, ES51 2024, ES53 2024 from v2; employees 2023 kept from v1")
        let employees = current.first { $0.record.indicator == "employees_total" }
        #expect(employees?.submissionID == 1, "v2 reports no employees: v1's value stands")
        #expect(current.first { $0.record.region == "ES51" && $0.record.year == 2024 }?.record.value == .number(1302))
        #expect(!current.contains { $0.record.region == "ES52" })
        #expect(try store.observations(ofSubmission: 1).count == 4, "history is kept")

        let feedback = try ws.json(SubmissionFeedback.relativePath(for: v2))
        let changes = feedback["changes"] as! [[String: Any]]
        #expect(changes.count == 3)
        let revised = changes.first { $0["change"] as? String == "revised" }!
        #expect(revised["region"] as? String == "ES51")
        #expect((revised["previous"] as? [String: Any])?["value"] as? String == "1300")
        #expect((revised["previous"] as? [String: Any])?["obs_status"] as? String == "P")
        #expect((revised["now"] as? [String: Any])?["value"] as? String == "1302")
        #expect(revised["cell"] as? String == "D3")
        #expect(changes.contains { $0["change"] as? String == "withdrawn" && $0["region"] as? String == "ES52" })
        #expect(changes.contains { $0["change"] as? String == "added" && $0["region"] as? String == "ES53" })
    }

    @Test func badFilesAreRejectedWithAReasonWhileTheOthersAreTaken() throws {
        let ws = try WorkspaceFixture()
        try ws.drop("biocat/good.csv", longTable(["companies_total;ES51;2023;1250;A"]))
        try ws.dropFixture("fixtures/xlsx/truncated.xlsx", as: "medicen/tableau.xlsx")
        try ws.dropFixture("fixtures/xlsx/legacy-biff.xls", as: "biorn/Unternehmen.xls")
        try ws.dropFixture("fixtures/xlsx/text-renamed.xlsx", as: "hlsc/report.xlsx")
        try ws.drop("somebody.csv", longTable(["companies_total;ES51;2023;1;A"]))
        try ws.drop("dlsc/noter.csv", "name;comment\nx;y\n")
        try ws.drop("cebr/good.csv", longTable(["members;BE2;2023;310;A"]))

        let report = try ws.pass()
        #expect(report.acceptedCount == 2)
        #expect(report.rejectedCount == 5)
        #expect(ws.files(in: "inbox").isEmpty)
        var codes: [String: String] = [:]
        for o in report.outcomes { if case .rejected(let e) = o { codes[e.inboxPath] = e.rejection?.code.rawValue } }
        #expect(codes == [
            "medicen/tableau.xlsx": "corrupt-zip",
            "biorn/Unternehmen.xls": "legacy-xls",
            "hlsc/report.xlsx": "not-xlsx",
            "somebody.csv": "unknown-partner",
            "dlsc/noter.csv": "missing-column",
        ])
        let rejected = ws.files(in: "rejected")
        #expect(rejected.count == 5)
        for file in rejected {
            let txt = try String(contentsOf: ws.root.appendingPathComponent("rejected/" + file + ".reason.txt"), encoding: .utf8)
            #expect(txt.contains("Reason:"), "\(file)")
            let reason = try ws.json("rejected/" + file + ".reason.json")
            #expect(reason["code"] is String)
            #expect(reason["content_hash"] as? String == FileCopy.hash(of: ws.root.appendingPathComponent("rejected/" + file).path))
        }
        let noter = try ws.json("rejected/" + rejected.first { $0.hasSuffix("noter.csv") }! + ".reason.json")
        #expect(noter["location"] as? String == "noter.csv › A1")
        #expect((noter["message"] as? String)?.contains("indicator, region, year, value") == true)
        #expect(rejected.contains { !$0.contains("/") && $0.hasSuffix("-somebody.csv") }, "an unidentified file is filed at the top of rejected/")
        let validation = try ws.json("out/validation-report.json")
        #expect((validation["unidentified_rejections"] as? [Any])?.count == 1)
    }

    @Test func aFileNamedAfterAPartnerIsThatPartnersEvenOutsideItsFolder() throws {
        let ws = try WorkspaceFixture()
        try ws.drop("BioRN-Finanzierung.csv", longTable(["vc_investment;X-DE-RHEIN-NECKAR;2023;4500000;A"]))
        let report = try ws.pass()
        #expect(report.outcomes.first?.entry?.partnerID == "biorn")
        #expect(report.outcomes.first?.entry?.identifiedBy == "file-name")
    }

    @Test func filesStillBeingWrittenAndTemporaryFilesWait() throws {
        let ws = try WorkspaceFixture()
        try ws.drop("biocat/fresh.csv", longTable(["companies_total;ES51;2023;1;A"]))
        try ws.drop("biocat/~$fresh.xlsx", "owner")
        try ws.drop("biocat/.~lock.fresh.xlsx#", "lock")
        try ws.drop("biocat/download.xlsx.crdownload", "partial")
        try ws.drop("biocat/upload.part", "partial")
        try ws.drop("biocat/.hidden.csv", "x")
        let report = try ws.pass(settle: 60)
        #expect(report.outcomes.isEmpty)
        #expect(report.waiting == ["biocat/fresh.csv"])
        let later = try ws.pass(settle: 0)
        #expect(later.acceptedCount == 1)
        #expect(ws.files(in: "inbox/biocat").sorted() == ["download.xlsx.crdownload", "upload.part", "~$fresh.xlsx"],
                "temporary files are never taken (the hidden ones are not listed)")
    }

    @Test func aSecondRunOnALockedWorkspaceIsRefused() throws {
        let ws = try WorkspaceFixture()
        try ws.drop("biocat/a.csv", longTable(["companies_total;ES51;2023;1;A"]))
        let lock = try WorkspaceLock(workspace: ws.workspace)
        #expect(throws: WorkspaceLock.Busy.self) { _ = try ws.pass() }
        #expect(ws.files(in: "inbox") == ["biocat/a.csv"])
        withExtendedLifetime(lock) {}
        _ = consume lock
        #expect(try ws.pass().acceptedCount == 1, "the lock is released with its holder")
    }

    @Test func recoveryFinishesARecordedSubmissionAndDropsOrphanSnapshots() throws {
        let ws = try WorkspaceFixture()
        let original = try ws.drop("biocat/a.csv", longTable(["companies_total;ES51;2023;1;A"]))
        // What a run killed right after its commit leaves: the ledger names where the original
        // goes, the original is still in the inbox and its snapshot in staging.
        let store = try ws.store()
        let snapshot = "state/staging/killed.csv"
        _ = try FileCopy.copyHashing(from: original.path, to: ws.workspace.absolute(snapshot))
        let hash = FileCopy.hash(of: original.path)!
        let file = InboxFile(path: ws.workspace.absolute(snapshot), originalName: "a.csv", inboxPath: "biocat/a.csv",
                             partnerFolder: "biocat", contentHash: hash, size: 0)
        let partner = PartnerIdentification(partnerID: "biocat", method: .inboxFolder)
        guard case .processed(let processed) = LongTableProcessor().process(file, from: partner) else { Issue.record(); return }
        _ = try store.record(SubmissionDraft(file: file, identification: partner, outcome: .accepted(processed),
                                             receivedAt: "2026-01-01T00:00:00Z", processedAt: "2026-01-01T00:00:00Z",
                                             storedPath: "archive/biocat/x-a.csv", snapshotPath: snapshot))
        try Data("orphan".utf8).write(to: ws.workspace.staging.appendingPathComponent("orphan.csv"))

        let report = try ws.pass()
        #expect(report.recovered.count == 1)
        #expect(report.outcomes.isEmpty, "the recorded file is not taken a second time")
        #expect(ws.files(in: "inbox").isEmpty)
        #expect(ws.files(in: "archive") == ["biocat/x-a.csv"])
        #expect(ws.files(in: "state/staging").isEmpty)
        #expect(try store.currentObservations().count == 1)
        #expect(try store.unfiledSubmissions().isEmpty)
    }

    @Test func theLedgerPassesSQLitesIntegrityCheck() throws {
        let ws = try WorkspaceFixture()
        try ws.drop("biocat/a.csv", longTable(["companies_total;ES51;2023;1;A"]))
        _ = try ws.pass()
        #expect(try ws.store().integrityCheck() == "ok")
    }
}

import Foundation
import Testing
@testable import Workflow

@Suite struct LongTableProcessorTests {
    static func process(_ csv: String, name: String = "t.csv") throws -> ProcessingOutcome {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString + "-" + name)
        try Data(csv.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let file = InboxFile(path: url.path, originalName: name, inboxPath: "p/" + name, partnerFolder: "p", contentHash: "", size: 0)
        return LongTableProcessor().process(file, from: PartnerIdentification(partnerID: "biocat", method: .inboxFolder))
    }

    @Test func everyTrapGetsItsFindingAtItsCell() throws {
        let outcome = try Self.process("""
            Indicator;Region;Year;Value;Status;Unit
            companies_total;ES51;2023;1250;A;count
            companies_total;es51;2024;12,5;p;
            ;ES51;2023;1;A;
            companies_total;Catalunya;2023;1;A;
            companies_total;ES51;1999;1;A;
            employees_total;ES51;2023;;A;
            turnover;ES51;2023;7;Q;
            companies_total;ES51;2023;1300;A;
            vc_investment;ES51;2023;;C;EUR
            """)
        guard case .processed(let p) = outcome else { Issue.record("\(outcome)"); return }
        #expect(p.observations.count == 5)
        let codes = p.findings.map { "\($0.code)@\($0.cell ?? "")" }
        #expect(codes == ["missing-indicator@A4", "invalid-region@B5", "invalid-year@C6", "missing-value@D7",
                          "unknown-status@E8", "duplicate-key@D9"])
        let revised = p.observations.first { $0.year == 2024 }
        #expect(revised?.region == "ES51", "region codes are upper-cased")
        #expect(revised?.value == .number(12.5), "a decimal comma reads")
        #expect(revised?.obsStatus == "P")
        #expect(revised?.provenance.originalText == "12,5")
        #expect(p.observations.first { $0.indicator == "employees_total" }?.obsStatus == "M")
        #expect(p.observations.first { $0.indicator == "vc_investment" }?.value == nil)
        #expect(p.observations.first { $0.indicator == "vc_investment" }?.unit == "EUR")
    }

    @Test func aFileWithoutTheColumnsIsRejectedAtItsHeader() throws {
        guard case .rejected(let r) = try Self.process("\n\nname;value\nx;1\n") else { Issue.record(); return }
        #expect(r.code == .missingColumn)
        #expect(r.cell == "A3")
        #expect(r.message == "the header row has no indicator, region, year column")
    }

    @Test func aFileWhoseRowsAreAllBadHoldsNoObservation() throws {
        guard case .rejected(let r) = try Self.process("indicator;region;year;value\nx;nowhere;2023;1\n") else { Issue.record(); return }
        #expect(r.code == .noObservations)
        #expect(r.hint == "every row was skipped; see the 1 finding(s)")
    }

    @Test func namesThatAreNeverTaken() {
        for name in ["~$Indicadors.xlsx", ".~lock.Indicadors.xlsx#", ".DS_Store", "report.xlsx.part", "x.crdownload", "x.tmp", "Thumbs.db"] {
            #expect(InboxScanner.ignoredReason(name) != nil, "\(name)")
        }
        for name in ["Indicadors 2024.xlsx", "medicen.csv", "lock.xlsx", "partial.csv"] {
            #expect(InboxScanner.ignoredReason(name) == nil, "\(name)")
        }
    }
}

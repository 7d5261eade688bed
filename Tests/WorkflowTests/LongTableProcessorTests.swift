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

@Suite struct PartnerIdentificationTests {
    static func file(_ name: String, folder: String?, contents: Data) throws -> InboxFile {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString + "-" + name)
        try contents.write(to: url)
        return InboxFile(path: url.path, originalName: name, inboxPath: (folder.map { $0 + "/" } ?? "") + name,
                         partnerFolder: folder, contentHash: "", size: contents.count)
    }

    @Test func folderThenNameThenHeaderFingerprint() throws {
        let biocat = HeaderFingerprintPartnerIdentifier.Rule(partnerID: "biocat", mappingID: "biocat-indicadors",
                                                             labels: ["Codi", "Indicador", "Unitat"])
        let medicen = HeaderFingerprintPartnerIdentifier.Rule(partnerID: "medicen", labels: ["Année", "Adhérents"])
        let identifier = FirstMatchPartnerIdentifier([
            InboxFolderPartnerIdentifier(knownPartners: ["biocat", "medicen", "dlsc"]),
            FileNamePatternPartnerIdentifier(rules: [.init(partnerID: "dlsc", pattern: #"^n(ø|oe)gletal"#)]),
            HeaderFingerprintPartnerIdentifier(rules: [biocat, medicen]),
        ])
        let inFolder = try Self.file("x.csv", folder: "medicen", contents: Data("a\n".utf8))
        #expect(identifier.identify(inFolder) == PartnerIdentification(partnerID: "medicen", method: .inboxFolder))
        let byName = try Self.file("Nøgletal 2024.csv", folder: nil, contents: Data("a\n".utf8))
        #expect(identifier.identify(byName)?.partnerID == "dlsc")
        #expect(identifier.identify(byName)?.method == .fileName)
        let byHeader = try Self.file("export.csv", folder: "unknown-folder",
                                     contents: Data("Informe BioRegió\n\nCODI;indicador;Unitat;2023\nEMP;Empreses;nombre;1250\n".utf8))
        #expect(identifier.identify(byHeader) == PartnerIdentification(partnerID: "biocat", mappingID: "biocat-indicadors", method: .headerFingerprint))
        let accents = try Self.file("tdb.csv", folder: nil, contents: Data("annee;ADHERENTS\n2023;420\n".utf8))
        #expect(identifier.identify(accents)?.partnerID == "medicen", "accents and case do not matter")
        let nobody = try Self.file("n.csv", folder: nil, contents: Data("name;value\nx;1\n".utf8))
        #expect(identifier.identify(nobody) == nil)
    }
}

import Foundation
import Harmonisation
import Testing
@testable import Workflow

/// The adapter between the inbox and the harmonisation engine, on the partners' sample files.
@Suite struct MappingProcessorTests {
    static let catalogue: MappingCatalogue = {
        try! MappingCatalogue(folder: WorkspaceFixture.repoRoot.appendingPathComponent("mappings"))
    }()

    static func file(_ fixture: String, as name: String? = nil) -> InboxFile {
        let path = WorkspaceFixture.repoRoot.appendingPathComponent(fixture).path
        let n = name ?? (fixture as NSString).lastPathComponent
        return InboxFile(path: path, originalName: n, inboxPath: n, partnerFolder: nil, contentHash: "", size: 0)
    }

    static func process(_ fixture: String, as name: String? = nil, partner: String) -> ProcessingOutcome {
        MappingProcessor(catalogue: catalogue).process(file(fixture, as: name), from: PartnerIdentification(partnerID: partner, method: .inboxFolder))
    }

    @Test func theCatalogueHoldsTheSchemaAndOneMappingPerPartner() {
        #expect(Self.catalogue.partners == ["biocat", "biorn", "cebr", "dlsc", "hlsc", "medicen"])
        #expect(Self.catalogue.entries.map(\.id) == ["biocat", "biorn", "cebr", "dlsc", "hlsc", "medicen"])
        #expect(Self.catalogue.schema.indicator("ls_companies_total") != nil)
    }

    @Test func observationsKeepValueUnitStatusAndProvenance() {
        guard case .processed(let p) = Self.process("fixtures/partners/DLSC_nøgletal_2023.xlsx", partner: "dlsc") else { Issue.record(); return }
        #expect(p.mappingID == "dlsc")
        #expect(p.mappingVersion == "1.0.0")
        #expect(p.schemaVersion == Self.catalogue.schema.version)
        let dk = p.observations.first { $0.indicator == "ls_companies_total" && $0.region == "DK" && $0.year == 2019 }
        #expect(dk?.value == .number(1402))
        #expect(dk?.unit == "count")
        #expect(dk?.obsStatus == "A")
        #expect(dk?.provenance == Provenance(file: "DLSC_nøgletal_2023.xlsx", sheet: "Nøgletal", cell: "C4", originalText: "1402", originalUnit: nil))
        #expect(p.observations.contains { $0.obsStatus == "C" && $0.value == nil }, "StatBank's \"..\" is confidential, without a value")
        #expect(Set(p.observations.map(\.key)).count == p.observations.count)
    }

    @Test func findingsCarryCodeSeverityAndCellWithoutASheetForCSV() {
        guard case .processed(let p) = Self.process("fixtures/partners/CEBR_member_survey_2023_export.csv", partner: "cebr") else { Issue.record(); return }
        let ambiguous = p.findings.first { $0.code == "ambiguous-number" }
        #expect(ambiguous?.cell == "E4")
        #expect(ambiguous?.sheet == nil)
        #expect(ambiguous?.rawText == "1,200+")
        #expect(ambiguous?.locationText == "CEBR_member_survey_2023_export.csv › E4")
        #expect(p.findings.contains { $0.severity == .error }, "an error in a value is a finding; the file is still taken")
        #expect(p.observations.allSatisfy { $0.provenance.sheet == nil })
        #expect(Set(p.observations.map(\.clusterID)).count > 1, "CEBR reports for its member bioregions")
    }

    @Test func unreadableFilesAreRejectedWithTheReadersCode() {
        for (fixture, code) in [("fixtures/xlsx/truncated.xlsx", "corrupt-zip"), ("fixtures/xlsx/legacy-biff.xls", "legacy-xls"),
                                ("fixtures/xlsx/text-renamed.xlsx", "not-xlsx"), ("fixtures/xlsx/encrypted-agile.xlsx", "encrypted")] {
            guard case .rejected(let r) = Self.process(fixture, as: "Biocat_x.xlsx", partner: "biocat") else { Issue.record("\(fixture)"); continue }
            #expect(r.code.rawValue == code, "\(fixture)")
            #expect(r.file == "Biocat_x.xlsx")
            #expect(!r.message.isEmpty)
        }
    }

    @Test func anotherPartnersLayoutIsRejectedNamingWhatIsMissing() {
        guard case .rejected(let r) = Self.process("fixtures/partners/Biocat_Indicadors_BioRegio_2023.xlsx", as: "noter.xlsx", partner: "dlsc") else {
            Issue.record(); return
        }
        #expect(r.code.rawValue == "sheet-not-found")
        #expect(r.message.contains("key figures") && r.message.contains("Indicadors"), "\(r.message)")
    }

    @Test func aPartnerWithoutMappingIsNoMapping() {
        guard case .rejected(let r) = Self.process("fixtures/partners/HLSC_pokazateli_2023.csv", partner: "acme") else { Issue.record(); return }
        #expect(r.code == .noMapping)
        #expect(r.hint?.contains("mappings/acme.yaml") == true)
    }

    @Test func identificationRulesComeFromTheMappings() {
        let names = FileNamePatternPartnerIdentifier(rules: MappingPartnerRules.fileNameRules(Self.catalogue))
        #expect(names.identify(Self.file("fixtures/partners/Показатели_2023.xlsx"))?.partnerID == "hlsc")
        #expect(names.identify(Self.file("fixtures/partners/Показатели_2023.xlsx"))?.mappingID == "hlsc")
        #expect(names.identify(Self.file("fixtures/partners/DLSC_nøgletal_2023.xlsx", as: "kopi.xlsx")) == nil)

        let fingerprints = HeaderFingerprintPartnerIdentifier(rules: MappingPartnerRules.fingerprintRules(Self.catalogue))
        #expect(fingerprints.rules.allSatisfy { $0.labels.count + ($0.sheet == nil ? 0 : 1) >= 2 })
        for (fixture, partner) in [("Biocat_Indicadors_BioRegio_2023.xlsx", "biocat"), ("DLSC_nøgletal_2023.xlsx", "dlsc"),
                                   ("CEBR_member_survey_2023_export.csv", "cebr"), ("Medicen_Tableau_de_bord_2019-2023.xlsx", "medicen")] {
            let found = fingerprints.identify(Self.file("fixtures/partners/" + fixture, as: "renamed" + (fixture as NSString).pathExtension))
            #expect(found?.partnerID == partner, "\(fixture)")
            #expect(found?.method == .headerFingerprint)
        }
        #expect(fingerprints.identify(Self.file("fixtures/xlsx/date1904.xlsx")) == nil, "a foreign workbook names nobody")
        #expect(fingerprints.identify(Self.file("fixtures/partners/HLSC_pokazateli_2023.csv", as: "x.csv"))?.partnerID == "hlsc")
    }
}

@Suite struct MappingChoiceTests {
    /// A partner with two mappings (CEBR's survey and a network export): a renamed survey in
    /// its folder matches neither `files:` pattern, and is still read with the survey mapping,
    /// found by its header fingerprint.
    @Test func aRenamedFileInAFolderWithSeveralMappingsIsMatchedByFingerprint() throws {
        let base = MappingProcessorTests.catalogue
        let survey = try #require(base.entry(id: "cebr"))
        var other = survey
        other.id = "cebr-a-network"   // sorts first
        other.mapping.files = [try MatchPattern("^CEBR_network_.*\\.csv$")]
        other.mapping.tables = try #require(base.entry(id: "biocat")).mapping.tables
        let catalogue = MappingCatalogue(schema: base.schema, rates: base.rates, entries: [other] + base.entries)
        let processor = MappingProcessor(catalogue: catalogue)
        let file = MappingProcessorTests.file("fixtures/partners/CEBR_member_survey_2023_export.csv", as: "copy of survey.csv")
        #expect(processor.mapping(for: file, partner: PartnerIdentification(partnerID: "cebr", method: .inboxFolder))?.id == "cebr")
    }
}

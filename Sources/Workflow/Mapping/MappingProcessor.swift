import Harmonisation
import SpreadsheetIO

/// The workflow's processor: runs the harmonisation engine with the partner's mapping over one
/// inbox file and hands the workflow its observations and findings.
///
/// Which mapping: the one identification named (a file-name rule or fingerprint knows it), else
/// the partner's mapping whose `files:` patterns match the name, else the one whose header
/// fingerprint the file carries (a renamed file in a partner folder with several mappings), else
/// the partner's first mapping — the inbox folder says whose file it is, the engine then says
/// what fits.
///
/// Accepted or rejected — the line is whether the file could be *read as this partner's*:
/// - **rejected** (the original goes to `rejected/`, nothing is imported): the partner has no
///   mapping (`no-mapping`); the file cannot be opened or is damaged part-way (the
///   `SpreadsheetError` kind: `corrupt-zip`, `legacy-xls`, `not-xlsx`, … — a half-read file
///   would import some values and silently withdraw the rest, so it is all or nothing); or it
///   yields no observation at all (the mapping's structural error — `sheet-not-found`,
///   `header-not-found`, `missing-column` — else `no-observations`).
/// - **accepted** otherwise, with every finding, errors included (a value out of range, an
///   unknown region): those are the partner's to fix cell by cell, and the feedback workbook
///   shows them next to their cells; the values that were read stand.
public struct MappingProcessor: SubmissionProcessor {
    public let catalogue: MappingCatalogue
    private let fingerprints: [HeaderFingerprintPartnerIdentifier.Rule]

    public init(catalogue: MappingCatalogue) {
        self.catalogue = catalogue
        fingerprints = MappingPartnerRules.fingerprintRules(catalogue)
    }

    static let structuralCodes: [FindingCode] = [.sheetNotFound, .headerNotFound, .missingColumn]

    public func process(_ file: InboxFile, from partner: PartnerIdentification) -> ProcessingOutcome {
        let name = file.originalName
        guard let entry = mapping(for: file, partner: partner) else {
            let known = catalogue.partners
            return .rejected(SubmissionRejection(
                code: .noMapping, message: "no mapping file is for partner \"\(partner.partnerID)\"", file: name,
                hint: known.isEmpty ? "add mappings/\(partner.partnerID).yaml (docs/mapping.md)"
                    : "mappings/ has mappings for \(known.joined(separator: ", ")); add mappings/\(partner.partnerID).yaml (docs/mapping.md)"))
        }
        let harmoniser = Harmoniser(schema: catalogue.schema, rates: catalogue.rates)
        let sink = ObservationCollector()
        // The inbox hashed this snapshot already: the engine need not read it a second time.
        let report = harmoniser.harmonise(path: file.path, displayName: name, mapping: entry.mapping, sink: sink,
                                          knownContent: (file.contentHash, file.size))
        if let unreadable = report.findings.first(where: { $0.code == .unreadableFile }) {
            return .rejected(rejection(unreadable: unreadable, file: file, opened: !report.format.isEmpty))
        }
        let findings = report.findings + harmoniser.finish()
        guard !sink.observations.isEmpty else {
            if let cause = findings.first(where: { $0.severity == .error && Self.structuralCodes.contains($0.code) }) {
                return .rejected(SubmissionRejection(
                    code: .init(rawValue: cause.code.rawValue), message: cause.message, file: name, sheet: cause.location.sheet,
                    cell: cause.location.cell?.description,
                    hint: cause.hint ?? "is this a \(entry.mapping.partner) file laid out as \(entry.mapping.file) describes?"))
            }
            return .rejected(SubmissionRejection(
                code: .noObservations, message: "\(entry.mapping.file) reads no observation from this file", file: name,
                hint: findings.isEmpty ? nil : "\(findings.count) finding(s): " + findings.prefix(3).map { "\($0.location): \($0.message)" }.joined(separator: "; ")))
        }
        let csv = report.format == "csv"
        return .processed(ProcessedSubmission(
            partnerID: partner.partnerID, mappingID: entry.id, mappingVersion: entry.mapping.version, schemaVersion: catalogue.schema.version,
            observations: sink.observations.map { Self.record($0, csv: csv) },
            findings: findings.map { Self.record($0, file: name, csv: csv) }))
    }

    func mapping(for file: InboxFile, partner: PartnerIdentification) -> MappingCatalogue.Entry? {
        if let id = partner.mappingID, let entry = catalogue.entry(id: id), entry.mapping.partner == partner.partnerID { return entry }
        let candidates = catalogue.entries(for: partner.partnerID)
        if let named = candidates.first(where: { $0.mapping.applies(to: file.originalName) }) { return named }
        if candidates.count > 1,
           let id = HeaderFingerprintPartnerIdentifier(rules: fingerprints.filter { $0.partnerID == partner.partnerID }).identify(file)?.mappingID,
           let entry = catalogue.entry(id: id) {
            return entry
        }
        return candidates.first
    }

    /// The reason from the reader itself when the file does not open (its error kind is the
    /// code users and tests rely on: `legacy-xls`, `not-xlsx`…), else the engine's finding.
    private func rejection(unreadable finding: Finding, file: InboxFile, opened: Bool) -> SubmissionRejection {
        if !opened {
            do {
                _ = try SpreadsheetDocument(path: file.path, displayName: file.originalName)
            } catch let error as SpreadsheetError {
                return SubmissionRejection(code: .init(rawValue: error.kind.rawValue), message: error.reason, file: file.originalName,
                                           sheet: error.sheet, cell: error.cell?.description, hint: Self.hint(for: error.kind))
            } catch {}
        }
        return SubmissionRejection(code: .init(rawValue: FindingCode.unreadableFile.rawValue), message: finding.message, file: file.originalName,
                                   sheet: finding.location.sheet, cell: finding.location.cell?.description,
                                   hint: opened ? "the file is damaged part-way; nothing of it was imported: send it again" : finding.hint)
    }

    static func hint(for kind: SpreadsheetError.Kind) -> String? {
        switch kind {
        case .corruptZip: return "the file is damaged (an interrupted copy?); send it again"
        case .encrypted: return "remove the password protection and send the file again"
        default: return nil
        }
    }

    static func record(_ o: Observation, csv: Bool) -> ObservationRecord {
        let value: Workflow.ObservationValue? = o.value.map {
            switch $0 {
            case .number(let d): return .number(d)
            case .boolean(let b): return .boolean(b)
            case .code(let c): return .text(c)
            case .text(let t): return .text(t)
            }
        }
        let p = o.provenance
        return ObservationRecord(
            clusterID: o.clusterID, region: o.region, year: o.year, indicator: o.indicator, value: value,
            unit: o.unit.isEmpty ? nil : o.unit, obsStatus: o.status.rawValue, obsComment: o.comment,
            provenance: Workflow.Provenance(file: p.file, sheet: csv ? nil : p.sheet, cell: p.cell?.description,
                                            originalText: p.originalText.isEmpty ? nil : p.originalText, originalUnit: p.originalUnit))
    }

    static func record(_ f: Finding, file: String, csv: Bool) -> FindingRecord {
        let severity: FindingRecord.Severity
        switch f.severity {
        case .error: severity = .error
        case .warning: severity = .warning
        case .info: severity = .info
        }
        var message = f.message
        if f.occurrences > 1 { message += " (\(f.occurrences) occurrences)" }
        var cell = f.location.cell?.description
        if cell == nil, let row = f.location.row { cell = "\(row):\(row)" }
        return FindingRecord(code: f.code.rawValue, severity: severity, message: message, file: file,
                             sheet: csv ? nil : f.location.sheet, cell: cell,
                             rawText: f.raw.flatMap { $0.isEmpty ? nil : $0 }, expected: f.expected, hint: f.hint)
    }
}

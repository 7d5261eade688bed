import Foundation
import SpreadsheetIO

/// Harmonises partner files with their mappings into one dataset: reads every file, runs its
/// tables, keeps one observation per key (reporting duplicates), and at the end runs the
/// dataset checks. A file that cannot be read is one finding; the other files go on.
///
/// ```swift
/// let harmoniser = Harmoniser(schema: schema, rates: rates)
/// let sink = ObservationCollector()
/// let report = harmoniser.harmonise(path: "biocat.xlsx", mapping: biocat, sink: sink)
/// let datasetFindings = harmoniser.finish()
/// ```
public final class Harmoniser {
    public let schema: IndicatorSchema
    public let rates: CurrencyRates
    public let index = ObservationIndex()
    private let parser: ValueParser
    private let schemaMarkers: [String: ObservationStatus]
    private var datasetFindings: [Finding] = []

    public init(schema: IndicatorSchema, rates: CurrencyRates) {
        self.schema = schema
        self.rates = rates
        parser = ValueParser(schema: schema, rates: rates)
        schemaMarkers = TableProcessor.markerKeys(schema.markers)
    }

    /// Reads `path` (named `displayName` in findings) with `mapping`, sending observations to `sink`.
    /// `knownContent` is the file's SHA-256 (hex) and size when the caller already hashed these very
    /// bytes (the inbox hashes its snapshot before filing): the file is then not hashed again.
    public func harmonise(path: String, displayName: String? = nil, mapping: PartnerMapping, sink: ObservationSink,
                          knownContent: (sha256: String, byteCount: Int)? = nil) -> FileReport {
        let name = displayName ?? path
        let base = (name as NSString).lastPathComponent
        var report = FileReport(file: name, format: "", sha256: "", byteCount: 0, mapping: mapping.file, mappingVersion: mapping.version)
        var pendingDigest: SHA256.PendingDigest?
        if knownContent == nil {
            do {
                pendingDigest = try SHA256.hashFileInBackground(path: path)
            } catch {
                report.findings.append(Finding(.unreadableFile, at: FindingLocation(file: name), message: "cannot read the file: \(error)"))
                return report
            }
        }
        func withDigest(_ report: FileReport) -> FileReport {
            var report = report
            if let knownContent {
                report.sha256 = knownContent.sha256
                report.byteCount = knownContent.byteCount
            } else if let digest = pendingDigest?.wait() {
                report.sha256 = digest.hex
                report.byteCount = digest.byteCount
            }
            return report
        }
        let document: SpreadsheetDocument
        do {
            document = try SpreadsheetDocument(path: path, displayName: name,
                                               csvOptions: CSVReader.Options(encoding: mapping.csv.encoding, dialect: mapping.csv.dialect))
        } catch let error as SpreadsheetError {
            report.findings.append(Finding(.unreadableFile, at: FindingLocation(file: name, sheet: error.sheet, cell: error.cell),
                                           message: "\(error.kind.rawValue): \(error.reason)"))
            return withDigest(report)
        } catch {
            report.findings.append(Finding(.unreadableFile, at: FindingLocation(file: name), message: "\(error)"))
            return withDigest(report)
        }
        report.format = document.format.rawValue
        let byteSize = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        // About one observation per 40 bytes of CSV; a compressed workbook holds one in 5 to 30
        // bytes, so reserve for the dense case: capacity never written is never resident, and
        // growing a million entries copies them twice.
        index.reserve(min(byteSize / (document.format == .csv ? 40 : 4), 20_000_000))
        let tables = mapping.tables.filter { $0.files.isEmpty || $0.files.contains { $0.matches(base) } }
        if tables.isEmpty {
            report.findings.append(Finding(.sheetNotFound, at: FindingLocation(file: name),
                                           message: "no table of \(mapping.file) reads a file named \"\(base)\"", hint: "check the file: patterns of the tables"))
        }
        var emitted = 0
        // Findings of accepting observations, kept apart from the (large) report so the
        // per-observation call does not touch it; appended in the order they were made.
        var accepted: [Finding] = []
        for table in tables {
            let sheets: [SheetInfo]
            switch table.sheet {
            case nil: sheets = document.format == .csv ? document.sheets : Array(document.sheets.prefix(1))
            case .name(let n)?:
                let key = LabelKey(n)
                sheets = document.format == .csv ? document.sheets : document.sheets.filter { $0.name == n || LabelKey($0.name) == key }
            case .index(let i)?: sheets = i >= 1 && i <= document.sheets.count ? [document.sheets[i - 1]] : []
            case .pattern(let p)?: sheets = document.sheets.filter { p.matches($0.name) }
            }
            if sheets.isEmpty {
                report.findings.append(Finding(.sheetNotFound, at: FindingLocation(file: name),
                                               message: "table \"\(table.name)\": the file has no such sheet; it has " + document.sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")))
                continue
            }
            for sheet in sheets {
                let processor = TableProcessor(table: table, mapping: mapping, schema: schema, parser: parser, document: document, sheet: sheet,
                                               fileName: base, markers: schemaMarkers) { [self] o in
                    if self.accept(o, sink: sink, findings: &accepted) { emitted += 1 }
                }
                do {
                    try processor.run()
                    report.findings += accepted
                } catch let error as SpreadsheetError {
                    report.findings += accepted
                    report.findings.append(Finding(.unreadableFile, at: FindingLocation(file: name, sheet: error.sheet ?? sheet.name, cell: error.cell),
                                                   message: "\(error.kind.rawValue): \(error.reason); the rows before it were read"))
                } catch {
                    report.findings += accepted
                    report.findings.append(Finding(.unreadableFile, at: FindingLocation(file: name, sheet: sheet.name), message: "\(error)"))
                }
                accepted.removeAll()
                report.findings += processor.findings
                report.rowsRead += processor.rowsRead
                report.tablesRead.append(table.name)
            }
        }
        report.observationCount = emitted
        return withDigest(report)
    }

    /// Keeps the first observation of a key; a later one with the same value is `duplicate-key`
    /// (info), with another value `conflicting-values` (error in one file, warning across files).
    private func accept(_ o: Observation, sink: ObservationSink, findings: inout [Finding]) -> Bool {
        switch index.insert(o) {
        case .inserted:
            do { try sink.accept(o) } catch {
                findings.append(Finding(.unreadableFile, at: o.provenance.location, message: "cannot write the observation: \(error)"))
            }
            return true
        case .duplicate(let first, let same):
            let what = "\(o.key.indicator) \(o.key.region) \(o.key.year) (\(o.key.clusterID))"
            let firstText = first.valueText ?? (first.number.isNaN ? first.status.rawValue : NumberFormatting.plain(first.number) + " " + first.status.rawValue)
            let thisText = o.value.map(\.description).map { $0 + " " + o.status.rawValue } ?? o.status.rawValue
            if same {
                findings.append(Finding(.duplicateKey, at: o.provenance.location, message: "\(what) also comes from \(first.location) with the same value (\(firstText)); kept once",
                                               raw: o.provenance.originalText, indicator: o.key.indicator))
            } else {
                let sameFile = first.location.file == o.provenance.file
                findings.append(Finding(.conflictingValues, severity: sameFile ? .error : .warning, at: o.provenance.location,
                                               message: "\(what) is \(thisText) here but \(firstText) at \(first.location); the first is kept",
                                               raw: o.provenance.originalText, expected: firstText,
                                               hint: sameFile ? "map the rows to different keys or use totals:/latest_by:" : "the sources disagree: confirm which one is right with the partner",
                                               indicator: o.key.indicator))
            }
            return false
        }
    }

    /// Runs the dataset checks over everything accepted so far.
    public func finish() -> [Finding] {
        var findings: [Finding] = []
        for check in DatasetChecks.all {
            findings += check.run(index, schema: schema)
        }
        datasetFindings = findings
        return findings
    }
}

import Foundation
import SpreadsheetIO

/// The fallback format: one observation per row, in a CSV file or the first visible worksheet
/// of an XLSX workbook, under a header row naming the columns (any order, any case):
///
/// | column      | required | content                                                       |
/// |-------------|----------|---------------------------------------------------------------|
/// | `indicator` | yes      | indicator id (`companies_total`)                               |
/// | `region`    | yes      | NUTS 2021 code or custom region (`ES51`, `X-DE-RHEIN-NECKAR`)  |
/// | `year`      | yes      | reference year, 2000…2035                                      |
/// | `value`     | yes      | a number (decimal point or comma, no grouping), `true`/`false`, a text, or empty |
/// | `status`    | no       | SDMX flag A E P B C M N (default A, or M when the value is empty) |
/// | `unit`      | no       | unit as written; kept as both unit and original unit           |
/// | `comment`   | no       | free text                                                      |
/// | `cluster`   | no       | cluster id when one partner reports several (default: the partner) |
///
/// It is what a partner without a mapping file can always send, and what the workflow's tests
/// run on until the mapping engine processes partners' own layouts.
public struct LongTableProcessor: SubmissionProcessor {
    public static let mappingID = "long-table"
    public static let mappingVersion = "1"
    public static let schemaVersion = "long-table-1"

    static let statuses: Set<String> = ["A", "E", "P", "B", "C", "M", "N"]

    public init() {}

    public func process(_ file: InboxFile, from partner: PartnerIdentification) -> ProcessingOutcome {
        do {
            return try read(file, partner: partner)
        } catch let error as SpreadsheetError {
            return .rejected(SubmissionRejection(code: .init(rawValue: error.kind.rawValue), message: error.reason,
                                                 file: file.originalName, sheet: error.sheet, cell: error.cell?.description,
                                                 hint: Self.hint(for: error.kind)))
        } catch let rejection as SubmissionRejection {
            return .rejected(rejection)
        } catch {
            return .rejected(SubmissionRejection(code: .processorFailure, message: "\(error)", file: file.originalName))
        }
    }

    private static func hint(for kind: SpreadsheetError.Kind) -> String? {
        switch kind {
        case .corruptZip: return "the file is damaged (an interrupted copy?); send it again"
        case .encrypted: return "remove the password protection and send the file again"
        default: return nil
        }
    }

    private struct Columns {
        var indicator = 0, region = 0, year = 0, value = 0
        var status: Int?, unit: Int?, comment: Int?, cluster: Int?
    }

    private func read(_ file: InboxFile, partner: PartnerIdentification) throws -> ProcessingOutcome {
        let name = file.originalName
        let document = try SpreadsheetDocument(path: file.path, displayName: name)
        guard let sheet = document.sheets.first(where: { $0.kind == .worksheet && $0.visibility == .visible }) else {
            throw SubmissionRejection(code: .noObservations, message: "the workbook has no visible worksheet", file: name)
        }
        let sheetName: String? = document.format == .xlsx ? sheet.name : nil
        let rows = try document.rows(of: sheet)
        var header: Row?
        while let row = try rows.next() {
            if !row.isBlank { header = row; break }
        }
        guard let header else {
            throw SubmissionRejection(code: .noObservations, message: "the sheet is empty", file: name, sheet: sheetName)
        }
        let columns = try self.columns(of: header, file: name, sheet: sheetName)

        var observations: [ObservationRecord] = []
        var findings: [FindingRecord] = []
        var seen: [ObservationKey: String] = [:]
        func finding(_ code: String, _ severity: FindingRecord.Severity, _ message: String, row: Row, column: Int,
                     expected: String? = nil, hint: String? = nil) {
            let raw = row.value(at: column).text
            findings.append(FindingRecord(code: code, severity: severity, message: message, file: name, sheet: sheetName,
                                          cell: Self.cell(column, row.index), rawText: raw.isEmpty ? nil : raw,
                                          expected: expected, hint: hint))
        }

        while let row = try rows.next() {
            if row.isBlank { continue }
            let indicator = row.value(at: columns.indicator).text.trimmed
            guard !indicator.isEmpty else {
                finding("missing-indicator", .error, "the row has no indicator; it is skipped", row: row, column: columns.indicator)
                continue
            }
            let region = row.value(at: columns.region).text.trimmed.uppercased()
            guard Self.isRegionCode(region) else {
                finding("invalid-region", .error, region.isEmpty ? "the row has no region; it is skipped" : "\"\(region)\" is not a region code; the row is skipped",
                        row: row, column: columns.region, expected: "a NUTS 2021 code (ES51) or a custom region (X-DE-RHEIN-NECKAR)")
                continue
            }
            guard let year = Self.year(row.value(at: columns.year)) else {
                finding("invalid-year", .error, "the year is not a year between 2000 and 2035; the row is skipped",
                        row: row, column: columns.year, expected: "a year such as 2024")
                continue
            }
            let cluster = columns.cluster.map { row.value(at: $0).text.trimmed.lowercased() }.flatMap { $0.isEmpty ? nil : $0 } ?? partner.partnerID
            let raw = row.value(at: columns.value)
            let value = Self.value(raw)
            var status = columns.status.map { row.value(at: $0).text.trimmed.uppercased() } ?? ""
            if status.isEmpty {
                status = value == nil ? "M" : "A"
            } else if !Self.statuses.contains(status) {
                finding("unknown-status", .warning, "\"\(status)\" is not an observation status; A (normal) is used",
                        row: row, column: columns.status!, expected: "one of A E P B C M N")
                status = value == nil ? "M" : "A"
            }
            if value == nil, ["A", "E", "P", "B"].contains(status) {
                finding("missing-value", .warning, "the value is empty but the status says it is reported; recorded as missing (M)",
                        row: row, column: columns.value, hint: "give the value, or status M (missing) or C (confidential)")
                status = "M"
            }
            let key = ObservationKey(clusterID: cluster, indicator: indicator, region: region, year: year)
            if let first = seen[key] {
                finding("duplicate-key", .error, "\(indicator) for \(region) \(year) is already given in \(first); this row is ignored",
                        row: row, column: columns.value)
                continue
            }
            let cellRef = Self.cell(columns.value, row.index)
            seen[key] = cellRef
            let unit = columns.unit.map { row.value(at: $0).text.trimmed }.flatMap { $0.isEmpty ? nil : $0 }
            let comment = columns.comment.map { row.value(at: $0).text.trimmed }.flatMap { $0.isEmpty ? nil : $0 }
            let original = raw.text
            observations.append(ObservationRecord(
                clusterID: cluster, region: region, year: year, indicator: indicator, value: value, unit: unit,
                obsStatus: status, obsComment: comment,
                provenance: Provenance(file: name, sheet: sheetName, cell: cellRef,
                                       originalText: original.isEmpty ? nil : original, originalUnit: unit)))
        }
        guard !observations.isEmpty else {
            throw SubmissionRejection(code: .noObservations, message: "no row holds an observation", file: name, sheet: sheetName,
                                      hint: findings.isEmpty ? nil : "every row was skipped; see the \(findings.count) finding(s)")
        }
        return .processed(ProcessedSubmission(partnerID: partner.partnerID, mappingID: Self.mappingID,
                                              mappingVersion: Self.mappingVersion, schemaVersion: Self.schemaVersion,
                                              observations: observations, findings: findings))
    }

    private func columns(of header: Row, file: String, sheet: String?) throws -> Columns {
        var found: [String: Int] = [:]
        for cell in header.cells {
            let name = cell.value.text.trimmed.lowercased().replacingOccurrences(of: " ", with: "_")
            let canonical: String
            switch name {
            case "obs_status": canonical = "status"
            case "obs_comment": canonical = "comment"
            case "cluster_id": canonical = "cluster"
            default: canonical = name
            }
            if found[canonical] == nil { found[canonical] = cell.column }
        }
        let required = ["indicator", "region", "year", "value"]
        let absent = required.filter { found[$0] == nil }
        guard absent.isEmpty else {
            throw SubmissionRejection(
                code: .missingColumn,
                message: "the header row has no \(absent.joined(separator: ", ")) column",
                file: file, sheet: sheet, cell: Self.cell(header.cells.first?.column ?? 1, header.index),
                hint: "no mapping matched this file, so it was read as a long table: indicator;region;year;value;status")
        }
        return Columns(indicator: found["indicator"]!, region: found["region"]!, year: found["year"]!, value: found["value"]!,
                       status: found["status"], unit: found["unit"], comment: found["comment"], cluster: found["cluster"])
    }

    static func cell(_ column: Int, _ row: Int) -> String {
        CellReference(column: column, row: row)?.description ?? "\(CellReference.columnLetters(column))\(row)"
    }

    static func isRegionCode(_ s: String) -> Bool {
        let b = Array(s.utf8)
        func upperOrDigit(_ c: UInt8) -> Bool { (65...90).contains(c) || (48...57).contains(c) }
        if s == "EU27_2020" { return true }
        if b.count >= 4, b[0] == 0x58, b[1] == 0x2D {
            let rest = b[2...]
            return (2...20).contains(rest.count) && rest.allSatisfy { upperOrDigit($0) || $0 == 0x2D }
        }
        guard (2...5).contains(b.count), (65...90).contains(b[0]), (65...90).contains(b[1]) else { return false }
        return b.dropFirst(2).allSatisfy(upperOrDigit)
    }

    static func year(_ value: CellValue) -> Int? {
        let y: Int?
        switch value {
        case .number(let d) where d == d.rounded() && abs(d) < 1e6: y = Int(d)
        case .string(let s): y = Int(s.trimmed)
        default: y = nil
        }
        guard let y, (2000...2035).contains(y) else { return nil }
        return y
    }

    static func value(_ cell: CellValue) -> ObservationValue? {
        switch cell {
        case .empty: return nil
        case .number(let d): return .number(d)
        case .boolean(let b): return .boolean(b)
        case .string(let raw):
            let s = raw.trimmed
            if s.isEmpty { return nil }
            switch s.lowercased() {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default: break
            }
            if let d = plainNumber(s) { return .number(d) }
            return .text(s)
        default:
            let t = cell.text
            return t.isEmpty ? nil : .text(t)
        }
    }

    /// `-12`, `12.5` or `12,5`: one optional sign, digits, at most one decimal separator.
    static func plainNumber(_ s: String) -> Double? {
        var bytes = Array(s.utf8)
        var i = 0
        if i < bytes.count, bytes[i] == 0x2D || bytes[i] == 0x2B { i += 1 }
        var digits = 0, separators = 0
        while i < bytes.count {
            let c = bytes[i]
            if (48...57).contains(c) { digits += 1 }
            else if c == 0x2E || c == 0x2C { separators += 1; bytes[i] = 0x2E }
            else { return nil }
            i += 1
        }
        guard digits > 0, separators <= 1 else { return nil }
        return Double(String(decoding: bytes, as: UTF8.self))
    }
}

extension String {
    var trimmed: String {
        // Most cells have nothing to trim: check the two ends' bytes before walking Characters.
        if let f = utf8.first, let l = utf8.last, f > 0x20, l > 0x20, f < 0x80, l < 0x80 { return self }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

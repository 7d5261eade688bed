import GRDB

/// An observation as the ledger holds it: the record plus which submission brought it.
public struct StoredObservation: Hashable, Sendable {
    public var id: Int64
    public var submissionID: Int64
    public var partnerID: String
    public var record: ObservationRecord
    public var supersededBy: Int64?

    static let columns = "o.id, o.submission_id, o.partner_id, o.cluster_id, o.indicator, o.region, o.year, o.value_kind, o.value_number, o.value_text, o.unit, o.obs_status, o.obs_comment, o.source_file, o.source_sheet, o.source_cell, o.original_text, o.original_unit, o.superseded_by"

    init(row: GRDB.Row) {
        id = row[0]
        submissionID = row[1]
        partnerID = row[2]
        let value = Self.value(kind: row[7], number: row[8], text: row[9])
        record = ObservationRecord(
            clusterID: row[3], region: row[5], year: row[6], indicator: row[4], value: value, unit: row[10],
            obsStatus: row[11], obsComment: row[12],
            provenance: Provenance(file: row[13], sheet: row[14], cell: row[15], originalText: row[16], originalUnit: row[17]))
        supersededBy = row[18]
    }

    static func value(kind: String?, number: Double?, text: String?) -> ObservationValue? {
        switch kind {
        case "number": return number.map { .number($0) }
        case "boolean": return number.map { .boolean($0 != 0) }
        case "text": return text.map { .text($0) }
        default: return nil
        }
    }

    static func columns(of value: ObservationValue?) -> (String?, Double?, String?) {
        switch value {
        case nil: return (nil, nil, nil)
        case .number(let d)?: return ("number", d, nil)
        case .boolean(let b)?: return ("boolean", b ? 1 : 0, nil)
        case .text(let s)?: return ("text", nil, s)
        }
    }
}

/// One line of a submission's "what changed since last time".
public struct ObservationChange: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case added, revised, withdrawn }
    public var kind: Kind
    public var key: ObservationKey
    public var previousSubmissionID: Int64?
    public var previousValue: String?
    public var previousUnit: String?
    public var previousStatus: String?
    public var value: String?
    public var unit: String?
    public var status: String?
    /// The cell of the new value in the submitted file.
    public var cell: String?
}

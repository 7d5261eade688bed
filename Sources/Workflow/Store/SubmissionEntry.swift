import GRDB

/// One line of the ledger: a file taken from the inbox and what became of it.
public struct SubmissionEntry: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable { case accepted, duplicate, rejected }

    public struct Counts: Hashable, Sendable {
        public var observations = 0, errors = 0, warnings = 0, infos = 0
        public var added = 0, revised = 0, withdrawn = 0, unchanged = 0
        public init() {}
        public var findings: Int { errors + warnings + infos }
    }

    public var id: Int64
    public var contentHash: String
    public var size: Int
    public var originalName: String
    public var inboxPath: String
    public var partnerID: String?
    public var identifiedBy: String?
    public var mappingID: String?
    public var mappingVersion: String?
    public var schemaVersion: String?
    public var status: Status
    public var duplicateOf: Int64?
    public var rejection: SubmissionRejection?
    public var receivedAt: String
    public var processedAt: String
    /// Relative to the workspace root: `archive/biocat/…` or `rejected/…`.
    public var storedPath: String
    /// The staging snapshot while the original is not filed yet.
    public var snapshotPath: String?
    public var filed: Bool
    public var counts: Counts
    public var previousSubmissionID: Int64?

    static let columns = "id, content_hash, size, original_name, inbox_path, partner_id, identified_by, mapping_id, mapping_version, schema_version, status, duplicate_of, rejection_code, rejection_message, rejection_sheet, rejection_cell, rejection_hint, received_at, processed_at, stored_path, snapshot_path, filed, observation_count, error_count, warning_count, info_count, added_count, revised_count, withdrawn_count, unchanged_count, previous_submission_id"

    init(row: GRDB.Row) {
        id = row["id"]
        contentHash = row["content_hash"]
        size = row["size"]
        originalName = row["original_name"]
        inboxPath = row["inbox_path"]
        partnerID = row["partner_id"]
        identifiedBy = row["identified_by"]
        mappingID = row["mapping_id"]
        mappingVersion = row["mapping_version"]
        schemaVersion = row["schema_version"]
        status = Status(rawValue: row["status"]) ?? .rejected
        duplicateOf = row["duplicate_of"]
        if let code: String = row["rejection_code"] {
            rejection = SubmissionRejection(code: .init(rawValue: code), message: row["rejection_message"] ?? "",
                                            file: originalName, sheet: row["rejection_sheet"], cell: row["rejection_cell"],
                                            hint: row["rejection_hint"])
        }
        receivedAt = row["received_at"]
        processedAt = row["processed_at"]
        storedPath = row["stored_path"]
        snapshotPath = row["snapshot_path"]
        filed = row["filed"]
        var c = Counts()
        c.observations = row["observation_count"]
        c.errors = row["error_count"]
        c.warnings = row["warning_count"]
        c.infos = row["info_count"]
        c.added = row["added_count"]
        c.revised = row["revised_count"]
        c.withdrawn = row["withdrawn_count"]
        c.unchanged = row["unchanged_count"]
        counts = c
        previousSubmissionID = row["previous_submission_id"]
    }
}

import GRDB

/// Which observations an export or output wants.
public struct ObservationFilter: Hashable, Sendable {
    public var years: Set<Int> = []
    public var indicators: Set<String> = []
    public var partners: Set<String> = []
    public init(years: Set<Int> = [], indicators: Set<String> = [], partners: Set<String> = []) {
        self.years = years
        self.indicators = indicators
        self.partners = partners
    }
}

extension StateStore {
    /// Decoded straight from the cursor: no copy of each row (the outputs read every observation).
    static func observations(_ db: Database, sql: String, arguments: StatementArguments) throws -> [StoredObservation] {
        var out: [StoredObservation] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() { out.append(StoredObservation(row: row)) }
        return out
    }

    public func submissions() throws -> [SubmissionEntry] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT \(SubmissionEntry.columns) FROM submission ORDER BY id").map(SubmissionEntry.init)
        }
    }

    public func submission(_ id: Int64) throws -> SubmissionEntry? {
        try db.read { db in
            try Row.fetchOne(db, sql: "SELECT \(SubmissionEntry.columns) FROM submission WHERE id = ?", arguments: [id]).map(SubmissionEntry.init)
        }
    }

    /// The consolidated dataset: every partner's current value per key, sorted.
    public func currentObservations(_ filter: ObservationFilter = .init()) throws -> [StoredObservation] {
        var sql = "SELECT \(StoredObservation.columns) FROM observation o WHERE o.superseded_by IS NULL"
        var arguments = StatementArguments()
        func clause(_ column: String, _ values: [some DatabaseValueConvertible]) {
            guard !values.isEmpty else { return }
            sql += " AND \(column) IN (" + Array(repeating: "?", count: values.count).joined(separator: ", ") + ")"
            for v in values { _ = arguments.append(contentsOf: [v]) }
        }
        clause("o.year", filter.years.sorted())
        clause("o.indicator", filter.indicators.sorted())
        clause("o.partner_id", filter.partners.sorted())
        sql += " ORDER BY o.partner_id, o.indicator, o.region, o.year, o.cluster_id"
        return try db.read { db in try Self.observations(db, sql: sql, arguments: arguments) }
    }

    public func observations(ofSubmission id: Int64) throws -> [StoredObservation] {
        try db.read { db in
            try Self.observations(db, sql: "SELECT \(StoredObservation.columns) FROM observation o WHERE o.submission_id = ? ORDER BY o.id",
                                  arguments: [id])
        }
    }

    public func findings(ofSubmission id: Int64) throws -> [FindingRecord] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT code, severity, message, file, sheet, cell, raw_text, expected, hint FROM finding WHERE submission_id = ? ORDER BY id",
                             arguments: [id]).map { r in
                FindingRecord(code: r[0], severity: FindingRecord.Severity(rawValue: r[1]) ?? .error, message: r[2], file: r[3],
                              sheet: r[4], cell: r[5], rawText: r[6], expected: r[7], hint: r[8])
            }
        }
    }

    public func changes(ofSubmission id: Int64) throws -> [ObservationChange] {
        try db.read { db in
            var out: [ObservationChange] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT kind, cluster_id, indicator, region, year, previous_submission_id, previous_value, previous_unit,
                    previous_status, value, unit, status, cell FROM change WHERE submission_id = ?
                ORDER BY indicator, region, year, cluster_id
                """, arguments: [id])
            while let r = try rows.next() {
                out.append(ObservationChange(kind: ObservationChange.Kind(rawValue: r[0]) ?? .revised,
                                             key: ObservationKey(clusterID: r[1], indicator: r[2], region: r[3], year: r[4]),
                                             previousSubmissionID: r[5], previousValue: r[6], previousUnit: r[7], previousStatus: r[8],
                                             value: r[9], unit: r[10], status: r[11], cell: r[12]))
            }
            return out
        }
    }

    /// Accepted submissions whose findings are still open: the ones that still contribute a
    /// current value, and each partner's latest (its findings stand until the partner sends again).
    public func submissionsWithOpenFindings() throws -> [SubmissionEntry] {
        try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(SubmissionEntry.columns) FROM submission s WHERE s.status = 'accepted' AND (
                    EXISTS (SELECT 1 FROM observation o WHERE o.submission_id = s.id AND o.superseded_by IS NULL)
                    OR s.id = (SELECT max(id) FROM submission t WHERE t.partner_id = s.partner_id AND t.status = 'accepted'))
                ORDER BY s.partner_id, s.id
                """).map(SubmissionEntry.init)
        }
    }
}

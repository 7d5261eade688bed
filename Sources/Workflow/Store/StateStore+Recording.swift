import GRDB

extension StateStore {
    /// The accepted submission with this content, if any (a re-dropped file is its duplicate).
    func acceptedSubmission(withHash hash: String) throws -> Int64? {
        try db.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM submission WHERE content_hash = ? AND status = 'accepted' ORDER BY id LIMIT 1",
                               arguments: [hash])
        }
    }

    /// Records one submission, its observations (superseding the partner's earlier values for the
    /// same keys), findings and changes, in one transaction.
    func record(_ draft: SubmissionDraft) throws -> SubmissionEntry {
        try db.write { db in
            var counts = SubmissionEntry.Counts()
            var partner = draft.identification?.partnerID
            var mappingID: String?, mappingVersion: String?, schemaVersion: String?
            var status = SubmissionEntry.Status.rejected
            var duplicateOf: Int64?
            var rejection: SubmissionRejection?
            switch draft.outcome {
            case .accepted(let p):
                status = .accepted
                partner = p.partnerID
                mappingID = p.mappingID; mappingVersion = p.mappingVersion; schemaVersion = p.schemaVersion
            case .duplicate(let of):
                status = .duplicate
                duplicateOf = of
            case .rejected(let r):
                rejection = r
            }
            let previous: Int64? = status == .accepted ? try Int64.fetchOne(
                db, sql: "SELECT max(id) FROM submission WHERE partner_id = ? AND status = 'accepted'", arguments: [partner]) : nil
            try db.execute(sql: """
                INSERT INTO submission (content_hash, size, original_name, inbox_path, partner_id, identified_by, mapping_id,
                    mapping_version, schema_version, status, duplicate_of, rejection_code, rejection_message, rejection_sheet,
                    rejection_cell, rejection_hint, received_at, processed_at, stored_path, snapshot_path, filed, previous_submission_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
                """, arguments: [
                    draft.file.contentHash, draft.file.size, draft.file.originalName, draft.file.inboxPath, partner,
                    draft.identification?.method.rawValue, mappingID, mappingVersion, schemaVersion, status.rawValue, duplicateOf,
                    rejection?.code.rawValue, rejection?.message, rejection?.sheet, rejection?.cell, rejection?.hint,
                    draft.receivedAt, draft.processedAt, draft.storedPath, draft.snapshotPath, previous,
                ])
            let id = db.lastInsertedRowID
            try db.execute(sql: "DELETE FROM attempt WHERE content_hash = ?", arguments: [draft.file.contentHash])
            if case .accepted(let processed) = draft.outcome {
                try Self.recordObservations(processed, submission: id, hadPrevious: previous != nil, counts: &counts, db: db)
                try Self.recordFindings(processed.findings, submission: id, counts: &counts, db: db)
            }
            try db.execute(sql: """
                UPDATE submission SET observation_count = ?, error_count = ?, warning_count = ?, info_count = ?,
                    added_count = ?, revised_count = ?, withdrawn_count = ?, unchanged_count = ? WHERE id = ?
                """, arguments: [counts.observations, counts.errors, counts.warnings, counts.infos,
                                 counts.added, counts.revised, counts.withdrawn, counts.unchanged, id])
            return try SubmissionEntry(row: Row.fetchOne(db, sql: "SELECT \(SubmissionEntry.columns) FROM submission WHERE id = ?", arguments: [id])!)
        }
    }

    private struct Current {
        var id: Int64
        var submission: Int64
        var value: ObservationValue?
        var unit: String?
        var status: String
        /// The sheet it was read from (`csvSource` for a CSV file), which decides whether a later
        /// submission that omits it withdraws it.
        var source: String
    }

    /// The source of every CSV value: a partner's re-sent export withdraws what it no longer holds
    /// whatever the file is called now.
    private static let csvSource = "\u{0}csv"

    private struct Scope: Hashable {
        var cluster: String, indicator: String, year: Int
    }

    /// Supersession: a partner's new value for a key replaces its current one (revised when the
    /// value, unit or status differ); a current value the new submission omits is withdrawn when
    /// the submission reports that indicator and year for that cluster (it is then authoritative for
    /// them) and read the sheet the value came from (or, for a CSV value, is a CSV file), and kept otherwise: a
    /// file about 2024 does not withdraw 2023, and a partner's CSV export does not withdraw what
    /// only its workbook reports (HLSC and Medicen send both).
    private static func recordObservations(_ processed: ProcessedSubmission, submission id: Int64, hadPrevious: Bool,
                                           counts: inout SubmissionEntry.Counts, db: Database) throws {
        // Only the partner's current values in the submission's scope can be revised or withdrawn:
        // read those, not the partner's whole dataset (most submissions are small).
        var scope = Set<Scope>()
        var sources = Set<String>()
        for o in processed.observations {
            scope.insert(Scope(cluster: o.clusterID, indicator: o.indicator, year: o.year))
            sources.insert(o.provenance.sheet ?? Self.csvSource)
        }
        let indicators = Array(Set(scope.map(\.indicator))), years = Array(Set(scope.map(\.year)))
        var arguments: StatementArguments = [processed.partnerID]
        for i in indicators { _ = arguments.append(contentsOf: [i]) }
        for y in years { _ = arguments.append(contentsOf: [y]) }
        var current: [ObservationKey: Current] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, submission_id, cluster_id, indicator, region, year, value_kind, value_number, value_text, unit, obs_status,
                source_sheet
            FROM observation WHERE partner_id = ? AND superseded_by IS NULL
                AND indicator IN (\(Array(repeating: "?", count: indicators.count).joined(separator: ",")))
                AND year IN (\(Array(repeating: "?", count: years.count).joined(separator: ",")))
            """, arguments: arguments)
        while let r = try rows.next() {
            let key = ObservationKey(clusterID: r[2], indicator: r[3], region: r[4], year: r[5])
            guard scope.contains(Scope(cluster: key.clusterID, indicator: key.indicator, year: key.year)) else { continue }
            current[key] = Current(id: r[0], submission: r[1], value: StoredObservation.value(kind: r[6], number: r[7], text: r[8]),
                                   unit: r[9], status: r[10], source: (r[11] as String?) ?? Self.csvSource)
        }
        let supersede = BatchedStatement(db, head: "UPDATE observation SET superseded_by = \(id) WHERE id IN (", tuple: "?",
                                         tail: ")", columns: 1)
        let insert = BatchedStatement(db, head: """
            INSERT INTO observation (submission_id, partner_id, cluster_id, indicator, region, year, value_kind, value_number,
                value_text, unit, obs_status, obs_comment, source_file, source_sheet, source_cell, original_text, original_unit)
            VALUES
            """, tuple: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", columns: 17)
        let change = BatchedStatement(db, head: """
            INSERT INTO change (submission_id, kind, cluster_id, indicator, region, year, previous_observation_id,
                previous_submission_id, previous_value, previous_unit, previous_status, value, unit, status, cell)
            VALUES
            """, tuple: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", columns: 15)
        let submission = id
        func changeRow(_ kind: String, _ key: ObservationKey, _ old: Current?, _ o: ObservationRecord?) -> [(any DatabaseValueConvertible)?] {
            [submission, kind, key.clusterID, key.indicator, key.region,
             key.year, old?.id, old?.submission,
             old?.value?.displayText, old?.unit, old?.status,
             o?.value?.displayText, o?.unit, o?.obsStatus,
             o?.provenance.cell]
        }
        var seen = Set<ObservationKey>()
        for o in processed.observations {
            let key = o.key
            guard seen.insert(key).inserted else { continue }
            if let old = current.removeValue(forKey: key) {
                try supersede.add([old.id])
                if old.value != o.value || old.unit != o.unit || old.status != o.obsStatus {
                    counts.revised += 1
                    try change.add(changeRow("revised", key, old, o))
                } else {
                    counts.unchanged += 1
                }
            } else {
                counts.added += 1
                if hadPrevious { try change.add(changeRow("added", key, nil, o)) }
            }
        }
        for (key, old) in current where sources.contains(old.source) {
            try supersede.add([old.id])
            counts.withdrawn += 1
            try change.add(changeRow("withdrawn", key, old, nil))
        }
        // Superseded rows leave the unique index of current values before the new ones enter it.
        try supersede.flush()
        try change.flush()
        seen.removeAll(keepingCapacity: true)
        let partner = processed.partnerID
        for o in processed.observations {
            guard seen.insert(o.key).inserted else { continue }
            let (kind, number, text) = StoredObservation.columns(of: o.value)
            try insert.add([
                submission, partner, o.clusterID, o.indicator, o.region,
                o.year, kind, number, text, o.unit,
                o.obsStatus, o.obsComment, o.provenance.file,
                o.provenance.sheet, o.provenance.cell, o.provenance.originalText,
                o.provenance.originalUnit,
            ])
            counts.observations += 1
        }
        try insert.flush()
    }

    private static func recordFindings(_ findings: [FindingRecord], submission id: Int64, counts: inout SubmissionEntry.Counts,
                                       db: Database) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO finding (submission_id, code, severity, message, file, sheet, cell, raw_text, expected, hint)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for f in findings {
            try insert.execute(arguments: [id, f.code, f.severity.rawValue, f.message, f.file, f.sheet, f.cell, f.rawText, f.expected, f.hint])
            switch f.severity {
            case .error: counts.errors += 1
            case .warning: counts.warnings += 1
            case .info: counts.infos += 1
            }
        }
    }

    /// Counts one more start on processing this content; returns how many earlier starts never ended.
    func beginAttempt(hash: String) throws -> Int {
        try relaxed { db in
            let earlier = try Int.fetchOne(db, sql: "SELECT count FROM attempt WHERE content_hash = ?", arguments: [hash]) ?? 0
            try db.execute(sql: "INSERT INTO attempt (content_hash, count) VALUES (?, 1) ON CONFLICT(content_hash) DO UPDATE SET count = count + 1",
                           arguments: [hash])
            return earlier
        }
    }

    /// The original is where the ledger says: the snapshot is gone, nothing is left to resolve.
    func markFiled(_ id: Int64) throws {
        try relaxed { db in
            try db.execute(sql: "UPDATE submission SET filed = 1, snapshot_path = NULL WHERE id = ?", arguments: [id])
        }
    }

    /// A write that need not survive a power cut (a lost one is redone by recovery, or only
    /// resets a crash counter): committed with `synchronous = NORMAL`, without an fsync of its
    /// own. A process crash loses nothing either way; only `record` must be durable before the
    /// original moves.
    private func relaxed<T>(_ body: (Database) throws -> T) throws -> T {
        try db.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            defer { try? db.execute(sql: "PRAGMA synchronous = FULL") }
            var result: T?
            try db.inTransaction {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    func unfiledSubmissions() throws -> [SubmissionEntry] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT \(SubmissionEntry.columns) FROM submission WHERE filed = 0 ORDER BY id").map(SubmissionEntry.init)
        }
    }

    func snapshotPathsInUse() throws -> Set<String> {
        try db.read { db in
            Set(try String.fetchAll(db, sql: "SELECT snapshot_path FROM submission WHERE snapshot_path IS NOT NULL"))
        }
    }

    func storedPathTaken(_ path: String) throws -> Bool {
        try db.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM submission WHERE stored_path = ?)", arguments: [path]) ?? false }
    }
}

import Foundation
import GRDB

/// The workspace ledger: submissions, their observations with provenance, findings and changes,
/// in `state/innaxe.sqlite`. Every submission is recorded in one transaction, so after any crash
/// the database holds it completely or not at all; `synchronous = FULL` makes a commit durable
/// before the original is moved, so the move never runs ahead of the ledger.
public final class StateStore: @unchecked Sendable {
    let db: DatabaseQueue

    public init(workspace: Workspace, readOnly: Bool = false) throws {
        try FileSystem.makeDirectory(workspace.state.path)
        var config = Configuration()
        config.journalMode = .wal
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        config.readonly = readOnly
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        db = try DatabaseQueue(path: workspace.database.path, configuration: config)
        if !readOnly { try Self.migrator.migrate(db) }
    }

    /// Schema changes, in order. A released migration is never edited: add a new one.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: submissions, observations, findings, changes") { db in
            try db.execute(sql: """
                CREATE TABLE submission (
                    id INTEGER PRIMARY KEY,
                    content_hash TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    original_name TEXT NOT NULL,
                    inbox_path TEXT NOT NULL,
                    partner_id TEXT,
                    identified_by TEXT,
                    mapping_id TEXT,
                    mapping_version TEXT,
                    schema_version TEXT,
                    status TEXT NOT NULL CHECK (status IN ('accepted', 'duplicate', 'rejected')),
                    duplicate_of INTEGER REFERENCES submission(id),
                    rejection_code TEXT,
                    rejection_message TEXT,
                    rejection_sheet TEXT,
                    rejection_cell TEXT,
                    rejection_hint TEXT,
                    received_at TEXT NOT NULL,
                    processed_at TEXT NOT NULL,
                    stored_path TEXT NOT NULL UNIQUE,
                    snapshot_path TEXT,
                    filed INTEGER NOT NULL DEFAULT 0,
                    observation_count INTEGER NOT NULL DEFAULT 0,
                    error_count INTEGER NOT NULL DEFAULT 0,
                    warning_count INTEGER NOT NULL DEFAULT 0,
                    info_count INTEGER NOT NULL DEFAULT 0,
                    added_count INTEGER NOT NULL DEFAULT 0,
                    revised_count INTEGER NOT NULL DEFAULT 0,
                    withdrawn_count INTEGER NOT NULL DEFAULT 0,
                    unchanged_count INTEGER NOT NULL DEFAULT 0,
                    previous_submission_id INTEGER REFERENCES submission(id)
                );
                CREATE INDEX submission_by_hash ON submission(content_hash, status);
                CREATE INDEX submission_by_partner ON submission(partner_id, status);
                CREATE INDEX submission_unfiled ON submission(filed) WHERE filed = 0;

                CREATE TABLE observation (
                    id INTEGER PRIMARY KEY,
                    submission_id INTEGER NOT NULL REFERENCES submission(id),
                    partner_id TEXT NOT NULL,
                    cluster_id TEXT NOT NULL,
                    indicator TEXT NOT NULL,
                    region TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    value_kind TEXT CHECK (value_kind IN ('number', 'boolean', 'text')),
                    value_number REAL,
                    value_text TEXT,
                    unit TEXT,
                    obs_status TEXT NOT NULL,
                    obs_comment TEXT,
                    source_file TEXT NOT NULL,
                    source_sheet TEXT,
                    source_cell TEXT,
                    original_text TEXT,
                    original_unit TEXT,
                    superseded_by INTEGER REFERENCES submission(id)
                );
                CREATE INDEX observation_by_submission ON observation(submission_id);
                -- The consolidated dataset: at most one current value per partner and key.
                CREATE UNIQUE INDEX observation_current
                    ON observation(partner_id, cluster_id, indicator, region, year) WHERE superseded_by IS NULL;

                CREATE TABLE finding (
                    id INTEGER PRIMARY KEY,
                    submission_id INTEGER NOT NULL REFERENCES submission(id),
                    code TEXT NOT NULL,
                    severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
                    message TEXT NOT NULL,
                    file TEXT NOT NULL,
                    sheet TEXT,
                    cell TEXT,
                    raw_text TEXT,
                    expected TEXT,
                    hint TEXT
                );
                CREATE INDEX finding_by_submission ON finding(submission_id);

                CREATE TABLE change (
                    id INTEGER PRIMARY KEY,
                    submission_id INTEGER NOT NULL REFERENCES submission(id),
                    kind TEXT NOT NULL CHECK (kind IN ('added', 'revised', 'withdrawn')),
                    cluster_id TEXT NOT NULL,
                    indicator TEXT NOT NULL,
                    region TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    previous_observation_id INTEGER REFERENCES observation(id),
                    previous_submission_id INTEGER REFERENCES submission(id),
                    previous_value TEXT,
                    previous_unit TEXT,
                    previous_status TEXT,
                    value TEXT,
                    unit TEXT,
                    status TEXT,
                    cell TEXT
                );
                CREATE INDEX change_by_submission ON change(submission_id);

                -- Files a run started processing and has not recorded yet: a file that kills the
                -- process again and again is rejected instead of blocking the inbox for ever.
                CREATE TABLE attempt (
                    content_hash TEXT PRIMARY KEY,
                    count INTEGER NOT NULL
                );
                """)
        }
        return m
    }

    public func integrityCheck() throws -> String {
        try db.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }
}

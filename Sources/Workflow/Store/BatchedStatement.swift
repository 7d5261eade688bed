import GRDB

/// Runs one parameterised statement for many rows as few multi-row statements: `INSERT … VALUES
/// (…), (…), …` or `UPDATE … WHERE id IN (…)`, `rowsPerStatement` rows at a time. Recording a
/// submission runs three statements per value; one statement per 64 rows instead of one per row
/// is most of the recording time saved.
final class BatchedStatement {
    private let db: Database
    private let head: String
    private let tuple: String
    private let tail: String
    private let columns: Int
    private let rowsPerStatement: Int
    private var pending: [(any DatabaseValueConvertible)?] = []
    private var full: Statement?

    /// `head` + `tuple` repeated, joined by `separator`, + `tail`. `columns`: parameters per row.
    init(_ db: Database, head: String, tuple: String, separator: String = ", ", tail: String = "", columns: Int) {
        self.db = db
        self.head = head
        self.tuple = tuple
        self.separator = separator
        self.tail = tail
        self.columns = columns
        self.rowsPerStatement = 999 / columns
        pending.reserveCapacity(columns * rowsPerStatement)
    }

    private let separator: String

    private func sql(rows: Int) -> String {
        head + Array(repeating: tuple, count: rows).joined(separator: separator) + tail
    }

    func add(_ row: [(any DatabaseValueConvertible)?]) throws {
        pending.append(contentsOf: row)
        if pending.count == columns * rowsPerStatement { try flush() }
    }

    func flush() throws {
        guard !pending.isEmpty else { return }
        let rows = pending.count / columns
        let statement: Statement
        if rows == rowsPerStatement {
            if full == nil { full = try db.makeStatement(sql: sql(rows: rows)) }
            statement = full!
        } else {
            statement = try db.makeStatement(sql: sql(rows: rows))
        }
        statement.setUncheckedArguments(StatementArguments(pending))
        try statement.execute()
        pending.removeAll(keepingCapacity: true)
    }
}

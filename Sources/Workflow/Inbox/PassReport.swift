/// What one pass over the inbox did, file by file.
public struct PassReport: Sendable {
    public enum Outcome: Sendable, Hashable {
        case accepted(SubmissionEntry)
        case duplicate(SubmissionEntry)
        case rejected(SubmissionEntry)
        /// Could not even be taken (unreadable, vanished); left in the inbox for the next pass.
        case failed(inboxPath: String, message: String)
    }

    public var outcomes: [Outcome] = []
    /// Files still being written (relative to `inbox/`).
    public var waiting: [String] = []
    /// Files never taken, with why.
    public var ignored: [(path: String, reason: String)] = []
    /// Submissions a previous, interrupted run had recorded and this run finished filing.
    public var recovered: [SubmissionEntry] = []
    /// Outputs written at the end of the pass (relative to the workspace).
    public var outputs: [String] = []
    /// An output that could not be written (the pass's recording still stands).
    public var outputErrors: [String] = []

    public init() {}

    public var rejectedCount: Int {
        outcomes.filter { if case .rejected = $0 { return true }; return false }.count
    }
    public var failedCount: Int {
        outcomes.filter { if case .failed = $0 { return true }; return false }.count
    }
    public var acceptedCount: Int {
        outcomes.filter { if case .accepted = $0 { return true }; return false }.count
    }
    public var duplicateCount: Int {
        outcomes.filter { if case .duplicate = $0 { return true }; return false }.count
    }
}

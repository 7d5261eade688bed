/// What a partner gets back for one submission: the outcome, the findings with their cells,
/// what changed since its previous submission, and the values taken.
public struct SubmissionFeedback: Sendable {
    public var submission: SubmissionEntry
    public var previous: SubmissionEntry?
    public var duplicateOf: SubmissionEntry?
    public var findings: [FindingRecord]
    public var changes: [ObservationChange]
    public var observations: [StoredObservation]

    public init(store: StateStore, submission: SubmissionEntry) throws {
        self.submission = submission
        previous = try submission.previousSubmissionID.flatMap { try store.submission($0) }
        duplicateOf = try submission.duplicateOf.flatMap { try store.submission($0) }
        findings = try store.findings(ofSubmission: submission.id)
        changes = try store.changes(ofSubmission: submission.id)
        observations = try store.observations(ofSubmission: submission.id)
    }

    /// `out/feedback/<partner>/<archived name>.feedback.json` (and `.feedback.xlsx`).
    static func relativePath(for s: SubmissionEntry, extension ext: String = "json") -> String {
        let name = s.storedPath.split(separator: "/").last.map(String.init) ?? "submission-\(s.id)"
        return "out/feedback/" + (s.partnerID ?? "_unidentified") + "/" + name + ".feedback." + ext
    }

    /// One sentence: what became of the file and what changed.
    public var summary: String {
        let s = submission
        var summary: String
        switch s.status {
        case .accepted:
            summary = "\(s.counts.observations) value(s) taken, \(s.counts.errors) error(s), \(s.counts.warnings) warning(s)"
            if previous != nil {
                summary += "; since submission \(previous!.id): \(s.counts.revised) revised, \(s.counts.added) added, \(s.counts.withdrawn) withdrawn, \(s.counts.unchanged) unchanged"
            } else {
                summary += "; first submission"
            }
        case .duplicate:
            summary = "identical to \(duplicateOf?.originalName ?? "an earlier file") (submission \(s.duplicateOf ?? 0)); nothing new was imported"
        case .rejected:
            summary = "not taken: \(s.rejection?.description ?? "unknown reason")"
        }
        return summary
    }

    public var json: JSONValue {
        let s = submission
        return .object([
            ("format", "innaxe-feedback"),
            ("format_version", 1),
            ("summary", .string(summary)),
            ("submission", SubmissionJSON.summary(s)),
            ("previous_submission", previous.map(SubmissionJSON.summary) ?? .null),
            ("findings", .array(findings.map { SubmissionJSON.finding($0, submission: nil) })),
            ("changes", .array(changes.map(SubmissionJSON.change))),
            // The values themselves are in the feedback workbook and, with provenance, in
            // harmonised.json (`provenance.submission`); the JSON stays small for tools.
        ])
    }
}

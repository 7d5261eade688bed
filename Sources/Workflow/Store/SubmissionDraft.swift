/// What the pass decided about one file, ready to be recorded in one transaction.
struct SubmissionDraft {
    enum Outcome {
        case accepted(ProcessedSubmission)
        case duplicate(of: Int64)
        case rejected(SubmissionRejection)
    }

    var file: InboxFile
    var identification: PartnerIdentification?
    var outcome: Outcome
    var receivedAt: String
    var processedAt: String
    var storedPath: String
    var snapshotPath: String
}

/// Turns one inbox file of an identified partner into observations and findings, or a rejection.
///
/// The workflow calls it once per new file (never for a duplicate), on a snapshot of the file,
/// never concurrently for one workspace. It must not throw for bad input: a file it cannot take
/// is a `.rejected` outcome with a reason that names file, sheet and cell.
public protocol SubmissionProcessor: Sendable {
    func process(_ file: InboxFile, from partner: PartnerIdentification) -> ProcessingOutcome
}

public enum ProcessingOutcome: Hashable, Sendable {
    case processed(ProcessedSubmission)
    case rejected(SubmissionRejection)
}

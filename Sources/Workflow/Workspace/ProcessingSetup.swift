/// How a workspace's files are identified and processed: the one place the CLI asks.
///
/// Today: partner by inbox folder (or a file name starting with a partner folder's name), every
/// file read as a long table (`LongTableProcessor`). When the mapping engine lands, its adapter
/// builds the identifier from the mapping files' folders, name patterns and header fingerprints,
/// and a processor that applies the partner's mapping (keeping the long table as the fallback).
public struct ProcessingSetup: Sendable {
    public var identifier: any PartnerIdentifying
    public var processor: any SubmissionProcessor
    public var outputs: OutputRefresher

    public init(identifier: any PartnerIdentifying, processor: any SubmissionProcessor, outputs: OutputRefresher = .init()) {
        self.identifier = identifier
        self.processor = processor
        self.outputs = outputs
    }

    public static func standard(for workspace: Workspace) -> ProcessingSetup {
        let partners = workspace.partnerFolders()
        return ProcessingSetup(
            identifier: FirstMatchPartnerIdentifier([
                InboxFolderPartnerIdentifier(),
                FileNamePatternPartnerIdentifier(partnerPrefixes: partners),
            ]),
            processor: LongTableProcessor())
    }
}

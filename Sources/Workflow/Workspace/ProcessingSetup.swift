/// How a workspace's files are identified and processed: the one place the CLI asks.
public struct ProcessingSetup: Sendable {
    public var identifier: any PartnerIdentifying
    public var processor: any SubmissionProcessor
    public var outputs: OutputRefresher

    public init(identifier: any PartnerIdentifying, processor: any SubmissionProcessor, outputs: OutputRefresher = .init()) {
        self.identifier = identifier
        self.processor = processor
        self.outputs = outputs
    }

    /// The workspace's own configuration, from its `mappings/` folder: the partner is the inbox
    /// subfolder, else a mapping's file-name pattern, else a header fingerprint derived from the
    /// mappings; files are harmonised with the partner's mapping; the completeness matrix lists
    /// every indicator of the schema. Throws a `ConfigurationError` (`file:line:column`) when the
    /// schema, rates or a mapping has a mistake, before any file is taken.
    ///
    /// The matrix's years are those reported: the schema's year range (2000–2035) says which
    /// years are valid, not which are due.
    public static func standard(for workspace: Workspace) throws -> ProcessingSetup {
        try standard(catalogue: MappingCatalogue(folder: workspace.mappings))
    }

    public static func standard(catalogue: MappingCatalogue) -> ProcessingSetup {
        ProcessingSetup(
            identifier: FirstMatchPartnerIdentifier([
                InboxFolderPartnerIdentifier(),
                FileNamePatternPartnerIdentifier(rules: MappingPartnerRules.fileNameRules(catalogue)),
                HeaderFingerprintPartnerIdentifier(rules: MappingPartnerRules.fingerprintRules(catalogue)),
            ]),
            processor: MappingProcessor(catalogue: catalogue),
            outputs: OutputRefresher(expectedIndicators: catalogue.schema.indicators.map(\.id)))
    }
}

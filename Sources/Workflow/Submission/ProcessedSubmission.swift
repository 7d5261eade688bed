/// A file read, harmonised and validated: what the workflow records for one accepted submission.
public struct ProcessedSubmission: Hashable, Sendable {
    public var partnerID: String
    public var mappingID: String
    public var mappingVersion: String
    public var schemaVersion: String
    /// At most one per `ObservationKey`; the workflow keeps the first and reports the others.
    public var observations: [ObservationRecord]
    public var findings: [FindingRecord]

    public init(partnerID: String, mappingID: String, mappingVersion: String, schemaVersion: String,
                observations: [ObservationRecord], findings: [FindingRecord]) {
        self.partnerID = partnerID
        self.mappingID = mappingID
        self.mappingVersion = mappingVersion
        self.schemaVersion = schemaVersion
        self.observations = observations
        self.findings = findings
    }
}

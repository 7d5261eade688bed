/// The consolidated current dataset: every partner's current values with provenance, and the
/// submissions they come from (file, archived original, hash, mapping and schema versions).
public struct HarmonisedDataset: Sendable {
    public var generatedAt: String
    public var observations: [StoredObservation]
    public var sources: [SubmissionEntry]

    public init(store: StateStore, filter: ObservationFilter = .init(), generatedAt: String) throws {
        self.generatedAt = generatedAt
        observations = try store.currentObservations(filter)
        let used = Set(observations.map(\.submissionID))
        sources = try store.submissions().filter { used.contains($0.id) }
    }

    public var json: JSONValue {
        .object([
            ("format", "innaxe-harmonised"),
            ("format_version", 1),
            ("generated_at", .string(generatedAt)),
            ("schema_versions", .array(Set(sources.compactMap(\.schemaVersion)).sorted().map { .string($0) })),
            ("partners", .array(Set(observations.map(\.partnerID)).sorted().map { .string($0) })),
            ("observation_count", .int(observations.count)),
            ("sources", .array(sources.map(SubmissionJSON.summary))),
            ("observations", .array(observations.map(SubmissionJSON.observation))),
        ])
    }
}

/// One harmonised value: keyed by cluster, region, year and indicator, with a status flag and
/// its lineage.
public struct Observation: Hashable, Sendable {
    public struct Key: Hashable, Sendable, Comparable {
        public var clusterID: String
        public var region: String
        public var year: Int
        public var indicator: String

        public static func < (a: Key, b: Key) -> Bool {
            (a.clusterID, a.region, a.indicator, a.year) < (b.clusterID, b.region, b.indicator, b.year)
        }
    }

    public var key: Key
    /// Nil for C, M and N.
    public var value: ObservationValue?
    public var unit: String
    public var status: ObservationStatus
    public var comment: String?
    public var provenance: Provenance

    public var clusterID: String { key.clusterID }
    public var region: String { key.region }
    public var year: Int { key.year }
    public var indicator: String { key.indicator }
}

/// Required indicators a cluster did not report for a year it reported something for: one
/// finding per cluster and year, listing them (coverage, not a cascade).
public struct RequiredIndicatorsCheck: DatasetCheck {
    public init() {}
    public func run(_ entries: [ObservationIndex.Entry], schema: IndicatorSchema) -> [Finding] {
        struct ClusterYear: Hashable { var cluster: String; var year: Int }
        var reported: [ClusterYear: Set<String>] = [:]
        var where_: [ClusterYear: FindingLocation] = [:]
        for e in entries {
            let k = ClusterYear(cluster: e.key.clusterID, year: e.key.year)
            reported[k, default: []].insert(e.key.indicator)
            if where_[k] == nil { where_[k] = FindingLocation(file: e.location.file, sheet: e.location.sheet) }
        }
        let required = schema.indicators.filter(\.required).map(\.id)
        var out: [Finding] = []
        for (k, ids) in reported.sorted(by: { ($0.key.cluster, $0.key.year) < ($1.key.cluster, $1.key.year) }) {
            let missing = required.filter { !ids.contains($0) }
            guard !missing.isEmpty else { continue }
            out.append(Finding(.requiredIndicatorMissing, at: where_[k]!, message: "\(k.cluster) \(k.year): \(missing.count) required indicator(s) not reported: \(missing.joined(separator: ", "))",
                               expected: missing.joined(separator: ", "), hint: "report them, or as M (missing) if the partner cannot", indicator: k.cluster))
        }
        return out
    }
}

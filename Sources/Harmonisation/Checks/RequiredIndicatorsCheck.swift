/// Required indicators a cluster did not report for a year it reported something for: one
/// finding per cluster and year, listing them (coverage, not a cascade).
public struct RequiredIndicatorsCheck: DatasetCheck {
    public init() {}
    public func run(_ index: ObservationIndex, schema: IndicatorSchema) -> [Finding] {
        let required = schema.indicators.filter(\.required).map(\.id)
        var bit: [Int32: Int] = [:]
        for (k, id) in required.prefix(64).enumerated() { if let i = index.id(of: id) { bit[i] = k } }
        struct ClusterYear: Hashable { var cluster: Int32; var year: Int }
        var reported: [ClusterYear: UInt64] = [:]
        var firstAt: [ClusterYear: Int] = [:]
        for i in 0..<index.count {
            let k = ClusterYear(cluster: index.clusterID(at: i), year: index.year(at: i))
            if firstAt[k] == nil { firstAt[k] = i }
            if let b = bit[index.indicatorID(at: i)] { reported[k, default: 0] |= 1 << UInt64(b) } else if reported[k] == nil { reported[k] = 0 }
        }
        var out: [Finding] = []
        for k in firstAt.keys.sorted(by: { (index.text($0.cluster), $0.year) < (index.text($1.cluster), $1.year) }) {
            let mask = reported[k] ?? 0
            let missing = required.prefix(64).enumerated().filter { mask & (1 << UInt64($0.offset)) == 0 }.map(\.element)
            guard !missing.isEmpty else { continue }
            let at = index.location(at: firstAt[k]!)
            let cluster = index.text(k.cluster)
            out.append(Finding(.requiredIndicatorMissing, at: FindingLocation(file: at.file, sheet: at.sheet),
                               message: "\(cluster) \(k.year): \(missing.count) required indicator(s) not reported: \(missing.joined(separator: ", "))",
                               expected: missing.joined(separator: ", "), hint: "report them, or as M (missing) if the partner cannot", indicator: cluster))
        }
        return out
    }
}

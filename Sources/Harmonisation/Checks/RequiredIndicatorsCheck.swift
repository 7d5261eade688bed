/// Required indicators a cluster did not report for years it reported something for: one
/// finding per cluster, naming each missing indicator with its years (coverage, not a cascade
/// of one finding per cell).
public struct RequiredIndicatorsCheck: DatasetCheck {
    public init() {}
    public func run(_ index: ObservationIndex, schema: IndicatorSchema) -> [Finding] {
        let required = Array(schema.indicators.filter(\.required).map(\.id).prefix(64))
        var bit = [UInt64](repeating: 0, count: index.stringCount)
        for (k, id) in required.enumerated() { if let i = index.id(of: id) { bit[Int(i)] = 1 << UInt64(k) } }
        struct ClusterYear: Hashable { var cluster: Int32; var year: Int }
        // Clusters are interned ids below `stringCount` and years mostly lie in the schema's
        // range: one flat mask per cluster × year, no hashing per entry; other years hash.
        let years = schema.yearRange
        let width = years.count
        var masks = [UInt64](repeating: 0, count: index.stringCount * width)
        var present = [Bool](repeating: false, count: index.stringCount * width)
        var outside: [ClusterYear: UInt64] = [:]
        var firstAt = [Int](repeating: -1, count: index.stringCount)
        for i in 0..<index.count {
            let c = index.clusterID(at: i)
            if firstAt[Int(c)] < 0 { firstAt[Int(c)] = i }
            let year = index.year(at: i)
            let mask = bit[Int(index.indicatorID(at: i))]
            if years.contains(year) {
                let slot = Int(c) * width + (year - years.lowerBound)
                masks[slot] |= mask
                present[slot] = true
            } else {
                outside[ClusterYear(cluster: c, year: year), default: 0] |= mask
            }
        }
        var missingYears: [Int32: [Int: [Int]]] = [:]   // cluster → required position → years
        // The flat masks run cluster by cluster: gather one cluster's years in plain arrays and
        // store them once, not one nested-dictionary update per missing cell.
        var current: Int32 = -1
        var lists = [[Int]](repeating: [], count: required.count)
        func closeCluster() {
            guard current >= 0 else { return }
            var byIndicator: [Int: [Int]] = [:]
            for p in lists.indices where !lists[p].isEmpty {
                byIndicator[p] = lists[p]
                lists[p].removeAll(keepingCapacity: true)
            }
            if !byIndicator.isEmpty { missingYears[current] = byIndicator }
        }
        for slot in present.indices where present[slot] {
            let cluster = Int32(slot / width)
            if cluster != current { closeCluster(); current = cluster }
            let mask = masks[slot]
            for p in required.indices where mask & (1 << UInt64(p)) == 0 { lists[p].append(years.lowerBound + slot % width) }
        }
        closeCluster()
        for (k, mask) in outside {
            for p in required.indices where mask & (1 << UInt64(p)) == 0 { missingYears[k.cluster, default: [:]][p, default: []].append(k.year) }
        }
        var out: [Finding] = []
        for cluster in missingYears.keys.sorted(by: { index.text($0) < index.text($1) }) {
            let byIndicator = missingYears[cluster]!
            let parts = byIndicator.keys.sorted().map { "\(required[$0]) (\(Self.years(byIndicator[$0]!)))" }
            let at = index.location(at: firstAt[Int(cluster)])
            let name = index.text(cluster)
            out.append(Finding(.requiredIndicatorMissing, at: FindingLocation(file: at.file, sheet: at.sheet),
                               message: "\(name): \(parts.count) required indicator(s) missing for years it reports: \(parts.joined(separator: ", "))",
                               expected: byIndicator.keys.sorted().map { required[$0] }.joined(separator: ", "),
                               hint: "report them, or as M (missing) if the partner cannot"))
        }
        return out
    }

    /// `2019–2021, 2023`.
    static func years(_ list: [Int]) -> String {
        let sorted = list.sorted()
        var parts: [String] = []
        var start = sorted[0], end = sorted[0]
        for y in sorted.dropFirst() {
            if y == end + 1 { end = y; continue }
            parts.append(start == end ? "\(start)" : "\(start)–\(end)")
            start = y; end = y
        }
        parts.append(start == end ? "\(start)" : "\(start)–\(end)")
        return parts.joined(separator: ", ")
    }
}

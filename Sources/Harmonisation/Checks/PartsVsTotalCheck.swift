/// A region's value against its sub-regions' values (NUTS children, or a custom region's
/// members), for summable indicators: parts above the total is a warning; a total equal to the
/// known parts while some parts are withheld is a warning (the total silently omits them); a
/// consistent total and parts is noted once, so the reader knows both exist and none was added
/// to the other.
public struct PartsVsTotalCheck: DatasetCheck {
    public init() {}
    public func run(_ index: ObservationIndex, schema: IndicatorSchema) -> [Finding] {
        // Only clusters that report more than one region can have a total and its parts.
        var firstRegion: [Int32: Int32] = [:]
        var multiRegion = Set<Int32>()
        for i in 0..<index.count {
            let c = index.clusterID(at: i), r = index.regionID(at: i)
            if let f = firstRegion[c] { if f != r { multiRegion.insert(c) } } else { firstRegion[c] = r }
        }
        guard !multiRegion.isEmpty else { return [] }
        let indicators = index.indicatorTable(schema)
        struct Group: Hashable { var cluster: Int32; var year: Int; var indicator: Int32 }
        var byGroup: [Group: [Int32: Int]] = [:]
        for i in 0..<index.count where multiRegion.contains(index.clusterID(at: i)) {
            guard let indicator = indicators[Int(index.indicatorID(at: i))], indicator.aggregation == .sum else { continue }
            byGroup[Group(cluster: index.clusterID(at: i), year: index.year(at: i), indicator: index.indicatorID(at: i)), default: [:]][index.regionID(at: i)] = i
        }
        var out: [Finding] = []
        let groups = byGroup.keys.sorted { (index.text($0.cluster), index.text($0.indicator), $0.year) < (index.text($1.cluster), index.text($1.indicator), $1.year) }
        for group in groups {
            let regions = byGroup[group]!
            guard regions.count > 1 else { continue }
            let indicator = index.text(group.indicator)
            for (regionID, totalAt) in regions.sorted(by: { index.text($0.key) < index.text($1.key) }) {
                let code = index.text(regionID)
                let children = schema.children(of: code).compactMap { index.id(of: $0).flatMap { regions[$0] } }
                let total = index.number(at: totalAt)
                guard !children.isEmpty, !total.isNaN else { continue }
                let known = children.map { index.number(at: $0) }.filter { !$0.isNaN }
                let withheld = children.filter { index.status(at: $0).withholdsValue }.count
                let sum = known.reduce(0, +)
                let parts = "\(children.count) sub-region(s) of \(code)"
                let location = index.location(at: totalAt)
                if sum > total + 1e-6 * max(1, abs(total)) {
                    out.append(Finding(.partsExceedTotal, at: location, message: "\(indicator) \(group.year): the \(parts) add up to \(NumberFormatting.plain(sum)), more than \(code)'s \(NumberFormatting.plain(total))",
                                       raw: NumberFormatting.plain(total), expected: "at least \(NumberFormatting.plain(sum))", indicator: indicator))
                } else if withheld > 0, abs(sum - total) < 0.5 {
                    out.append(Finding(.totalExcludesMissingParts, at: location,
                                       message: "\(indicator) \(group.year): \(code)'s total \(NumberFormatting.plain(total)) equals the sum of the known sub-regions, although \(withheld) of them are missing or confidential",
                                       raw: NumberFormatting.plain(total), hint: "ask the partner whether the total includes the withheld values", indicator: indicator))
                } else {
                    out.append(Finding(.totalAndParts, at: location,
                                       message: "\(indicator) \(group.year): \(code) = \(NumberFormatting.plain(total)) and \(parts) (sum \(NumberFormatting.plain(sum))) are kept as separate regions; the parts are never added to the total",
                                       raw: NumberFormatting.plain(total), indicator: indicator))
                }
            }
        }
        return out
    }
}

/// A region's value against its sub-regions' values (NUTS children, or a custom region's
/// members), for summable indicators: parts above the total is a warning; a total equal to the
/// known parts while some parts are withheld is a warning (the total silently omits them); a
/// consistent total and parts is noted once, so the reader knows both exist and none was added
/// to the other.
public struct PartsVsTotalCheck: DatasetCheck {
    public init() {}
    public func run(_ entries: [ObservationIndex.Entry], schema: IndicatorSchema) -> [Finding] {
        struct Group: Hashable { var cluster: String; var year: Int; var indicator: String }
        var byGroup: [Group: [String: ObservationIndex.Entry]] = [:]
        for e in entries { byGroup[Group(cluster: e.key.clusterID, year: e.key.year, indicator: e.key.indicator), default: [:]][e.key.region] = e }
        var out: [Finding] = []
        for (group, regions) in byGroup.sorted(by: { ($0.key.cluster, $0.key.indicator, $0.key.year) < ($1.key.cluster, $1.key.indicator, $1.key.year) }) {
            guard let indicator = schema.indicator(group.indicator), indicator.aggregation == .sum, regions.count > 1 else { continue }
            for (code, total) in regions.sorted(by: { $0.key < $1.key }) {
                let children = schema.children(of: code).compactMap { regions[$0] }
                guard !children.isEmpty else { continue }
                let known = children.filter { !$0.number.isNaN }
                let withheld = children.filter { $0.status.withholdsValue }.count
                let sum = known.map(\.number).reduce(0, +)
                let parts = "\(children.count) sub-region(s) of \(code)"
                if total.number.isNaN {
                    continue
                }
                if sum > total.number + 1e-6 * max(1, abs(total.number)) {
                    out.append(Finding(.partsExceedTotal, at: total.location, message: "\(group.indicator) \(group.year): the \(parts) add up to \(NumberFormatting.plain(sum)), more than \(code)'s \(NumberFormatting.plain(total.number))",
                                       raw: NumberFormatting.plain(total.number), expected: "at least \(NumberFormatting.plain(sum))", indicator: group.indicator))
                } else if withheld > 0, abs(sum - total.number) < 0.5 {
                    out.append(Finding(.totalExcludesMissingParts, at: total.location,
                                       message: "\(group.indicator) \(group.year): \(code)'s total \(NumberFormatting.plain(total.number)) equals the sum of the known sub-regions, although \(withheld) of them are missing or confidential",
                                       raw: NumberFormatting.plain(total.number), hint: "ask the partner whether the total includes the withheld values", indicator: group.indicator))
                } else {
                    out.append(Finding(.totalAndParts, at: total.location,
                                       message: "\(group.indicator) \(group.year): \(code) = \(NumberFormatting.plain(total.number)) and \(parts) (sum \(NumberFormatting.plain(sum))) are kept as separate regions; the parts are never added to the total",
                                       raw: NumberFormatting.plain(total.number), indicator: group.indicator))
                }
            }
        }
        return out
    }
}

/// The schema's rules across indicators of one cluster, region and year
/// (`ls_companies_biotech + … <= ls_companies_total`), checked where the larger side is complete
/// and at least one term of the smaller side is present.
public struct CrossIndicatorRuleCheck: DatasetCheck {
    public init() {}
    public func run(_ entries: [ObservationIndex.Entry], schema: IndicatorSchema) -> [Finding] {
        guard !schema.rules.isEmpty else { return [] }
        struct Cell: Hashable { var cluster: String; var region: String; var year: Int }
        var values: [Cell: [String: ObservationIndex.Entry]] = [:]
        for e in entries where !e.number.isNaN { values[Cell(cluster: e.key.clusterID, region: e.key.region, year: e.key.year), default: [:]][e.key.indicator] = e }
        var out: [Finding] = []
        for (cell, byIndicator) in values.sorted(by: { ($0.key.cluster, $0.key.region, $0.key.year) < ($1.key.cluster, $1.key.region, $1.key.year) }) {
            for rule in schema.rules {
                let left = rule.left.compactMap { byIndicator[$0] }, right = rule.right.compactMap { byIndicator[$0] }
                // The smaller side may be partial (missing subsectors count as 0); the larger must be complete.
                let small = rule.comparison == .lessOrEqual ? left : right, large = rule.comparison == .lessOrEqual ? right : left
                let largeCount = rule.comparison == .lessOrEqual ? rule.right.count : rule.left.count
                guard !small.isEmpty, large.count == largeCount else { continue }
                let l = left.map(\.number).reduce(0, +), r = right.map(\.number).reduce(0, +)
                let holds = rule.comparison == .lessOrEqual ? l <= r + 1e-9 : l + 1e-9 >= r
                if !holds {
                    out.append(Finding(.crossIndicatorRule, severity: rule.severity, at: (right.first ?? left[0]).location,
                                       message: "\(cell.region) \(cell.year): \(rule.expression) fails (\(NumberFormatting.plain(l)) vs \(NumberFormatting.plain(r)))" + (rule.message.isEmpty ? "" : "; \(rule.message)"),
                                       expected: rule.expression, indicator: rule.right.first))
                }
            }
        }
        return out
    }
}

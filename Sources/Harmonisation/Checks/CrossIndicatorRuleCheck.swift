/// The schema's rules across indicators of one cluster, region and year
/// (`ls_companies_biotech + … <= ls_companies_total`), checked where the larger side is complete
/// and at least one term of the smaller side is present (missing subsectors count as 0).
public struct CrossIndicatorRuleCheck: DatasetCheck {
    public init() {}
    public func run(_ index: ObservationIndex, schema: IndicatorSchema) -> [Finding] {
        guard !schema.rules.isEmpty else { return [] }
        var inRules = Set<Int32>(), smallSides = Set<Int32>()
        for rule in schema.rules {
            for id in rule.left + rule.right { if let i = index.id(of: id) { inRules.insert(i) } }
            for id in rule.comparison == .lessOrEqual ? rule.left : rule.right { if let i = index.id(of: id) { smallSides.insert(i) } }
        }
        struct Cell: Hashable { var cluster: Int32; var region: Int32; var year: Int }
        // Only cells where a rule's smaller side is reported can fail: find them first.
        var candidates = Set<Cell>()
        for i in 0..<index.count where smallSides.contains(index.indicatorID(at: i)) && !index.number(at: i).isNaN {
            candidates.insert(Cell(cluster: index.clusterID(at: i), region: index.regionID(at: i), year: index.year(at: i)))
        }
        guard !candidates.isEmpty else { return [] }
        var values: [Cell: [Int32: Int]] = [:]
        for i in 0..<index.count where inRules.contains(index.indicatorID(at: i)) && !index.number(at: i).isNaN {
            let cell = Cell(cluster: index.clusterID(at: i), region: index.regionID(at: i), year: index.year(at: i))
            guard candidates.contains(cell) else { continue }
            values[cell, default: [:]][index.indicatorID(at: i)] = i
        }
        var out: [Finding] = []
        let cells = values.keys.sorted { (index.text($0.cluster), index.text($0.region), $0.year) < (index.text($1.cluster), index.text($1.region), $1.year) }
        for cell in cells {
            let byIndicator = values[cell]!
            guard byIndicator.count > 1 else { continue }
            for rule in schema.rules {
                let left = rule.left.compactMap { index.id(of: $0).flatMap { byIndicator[$0] } }
                let right = rule.right.compactMap { index.id(of: $0).flatMap { byIndicator[$0] } }
                let small = rule.comparison == .lessOrEqual ? left : right, large = rule.comparison == .lessOrEqual ? right : left
                let largeCount = rule.comparison == .lessOrEqual ? rule.right.count : rule.left.count
                guard !small.isEmpty, large.count == largeCount else { continue }
                let l = left.map { index.number(at: $0) }.reduce(0, +), r = right.map { index.number(at: $0) }.reduce(0, +)
                let holds = rule.comparison == .lessOrEqual ? l <= r + 1e-9 : l + 1e-9 >= r
                if !holds {
                    out.append(Finding(.crossIndicatorRule, severity: rule.severity, at: index.location(at: (right.first ?? left[0])),
                                       message: "\(index.text(cell.region)) \(cell.year): \(rule.expression) fails (\(NumberFormatting.plain(l)) vs \(NumberFormatting.plain(r)))" + (rule.message.isEmpty ? "" : "; \(rule.message)"),
                                       expected: rule.expression, indicator: rule.right.first))
                }
            }
        }
        return out
    }
}

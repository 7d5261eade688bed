/// The schema's rules across indicators of one cluster, region and year
/// (`ls_companies_biotech + … <= ls_companies_total`), checked where the larger side is complete
/// and at least one term of the smaller side is present (missing subsectors count as 0).
public struct CrossIndicatorRuleCheck: DatasetCheck {
    public init() {}
    public func run(_ index: ObservationIndex, schema: IndicatorSchema) -> [Finding] {
        guard !schema.rules.isEmpty else { return [] }
        // A (rule, cell) is checked once, from the entry of the first term of its smaller side
        // that the cell reports; the other terms are probed in the index by key.
        struct Failure { var cluster: Int32; var region: Int32; var year: Int; var rule: Int; var finding: Finding }
        var failures: [Failure] = []
        let ruleTerms = schema.rules.map { rule -> (left: [Int32?], right: [Int32?]) in
            (rule.left.map { index.id(of: $0) }, rule.right.map { index.id(of: $0) })
        }
        // Entries of each indicator that is a term of some rule's smaller side, in index order:
        // one pass over the index, then each rule visits only the entries that can trigger it.
        var entriesOf: [Int32: [Int32]] = [:]
        for (r, rule) in schema.rules.enumerated() {
            let terms = ruleTerms[r]
            for id in (rule.comparison == .lessOrEqual ? terms.left : terms.right).compactMap({ $0 }) { entriesOf[id] = [] }
        }
        if !entriesOf.isEmpty {
            var bucket = [Int](repeating: -1, count: index.stringCount)
            var lists: [[Int32]] = []
            for id in entriesOf.keys.sorted() { bucket[Int(id)] = lists.count; lists.append([]) }
            for i in 0..<index.count {
                let b = bucket[Int(index.indicatorID(at: i))]
                if b >= 0 { lists[b].append(Int32(i)) }
            }
            for id in entriesOf.keys { entriesOf[id] = lists[bucket[Int(id)]] }
        }
        for (r, rule) in schema.rules.enumerated() {
            let terms = ruleTerms[r]
            let lessOrEqual = rule.comparison == .lessOrEqual
            let small = lessOrEqual ? terms.left : terms.right, large = lessOrEqual ? terms.right : terms.left
            // Every term of the larger side must be reported for the rule to apply.
            guard !large.contains(where: { $0 == nil }), !small.allSatisfy({ $0 == nil }) else { continue }
            let smallIDs = small.compactMap { $0 }
            // Each (rule, cell) is checked from one entry whatever the order: findings are sorted below.
            let candidates = smallIDs.count == 1 ? entriesOf[smallIDs[0]] ?? [] : smallIDs.flatMap { entriesOf[$0] ?? [] }
            for position in candidates {
                let i = Int(position)
                let indicator = index.indicatorID(at: i)
                guard let k = smallIDs.firstIndex(of: indicator), !index.number(at: i).isNaN else { continue }
                let c = index.clusterID(at: i), g = index.regionID(at: i), y = index.year(at: i)
                func number(_ id: Int32?) -> (position: Int, value: Double)? {
                    guard let id, let at = index.position(cluster: c, region: g, indicator: id, year: y) else { return nil }
                    let v = index.number(at: at)
                    return v.isNaN ? nil : (at, v)
                }
                // An earlier term of the smaller side reported here: that entry checks this cell.
                if smallIDs[..<k].contains(where: { number($0) != nil }) { continue }
                // The sum of one side and its first reported entry, nil when the side must be
                // complete and is not. Loops, not arrays: this runs for every candidate entry,
                // and the arrays were most of the check's time.
                func sum(_ ids: [Int32?], complete: Bool) -> (total: Double, first: Int?)? {
                    var total = 0.0, first: Int?
                    for id in ids {
                        if let n = number(id) {
                            total += n.value
                            if first == nil { first = n.position }
                        } else if complete {
                            return nil
                        }
                    }
                    return (total, first)
                }
                guard let left = sum(terms.left, complete: !lessOrEqual), let right = sum(terms.right, complete: lessOrEqual) else { continue }
                let l = left.total, rr = right.total
                let holds = lessOrEqual ? l <= rr + 1e-9 : l + 1e-9 >= rr
                if !holds {
                    let at = right.first ?? left.first!
                    failures.append(Failure(cluster: c, region: g, year: y, rule: r, finding: Finding(
                        .crossIndicatorRule, severity: rule.severity, at: index.location(at: at),
                        message: "\(index.text(g)) \(y): \(rule.expression) fails (\(NumberFormatting.plain(l)) vs \(NumberFormatting.plain(rr)))" + (rule.message.isEmpty ? "" : "; \(rule.message)"),
                        expected: rule.expression, indicator: rule.right.first)))
                }
            }
        }
        let out = failures.sorted {
            (index.text($0.cluster), index.text($0.region), $0.year, $0.rule) < (index.text($1.cluster), index.text($1.region), $1.year, $1.rule)
        }.map(\.finding)
        return out
    }
}

/// Hard range (error) and plausible range (warning) of every numeric value.
public struct RangeCheck: DatasetCheck {
    public init() {}
    public func run(_ index: ObservationIndex, schema: IndicatorSchema) -> [Finding] {
        let indicators = index.indicatorTable(schema)
        var out: [Finding] = []
        for i in 0..<index.count {
            let v = index.number(at: i)
            guard !v.isNaN, let indicator = indicators[Int(index.indicatorID(at: i))] else { continue }
            if let range = indicator.range, !range.contains(v) {
                let shown = NumberFormatting.plain(v)
                out.append(Finding(.hardRange, at: index.location(at: i), message: "\(indicator.id) = \(shown) \(indicator.unit) is outside \(NumberFormatting.plain(range.lowerBound))–\(NumberFormatting.plain(range.upperBound))",
                                   raw: shown, expected: "\(NumberFormatting.plain(range.lowerBound))–\(NumberFormatting.plain(range.upperBound)) \(indicator.unit)",
                                   hint: "check the unit scale (k€, M€) and the decimal separator", indicator: indicator.id))
            } else if let plausible = indicator.plausible, !plausible.contains(v) {
                let shown = NumberFormatting.plain(v)
                out.append(Finding(.implausibleValue, at: index.location(at: i), message: "\(indicator.id) = \(shown) \(indicator.unit) is outside the plausible \(NumberFormatting.plain(plausible.lowerBound))–\(NumberFormatting.plain(plausible.upperBound))",
                                   raw: shown, expected: "\(NumberFormatting.plain(plausible.lowerBound))–\(NumberFormatting.plain(plausible.upperBound)) \(indicator.unit)",
                                   hint: "confirm the figure with the partner", indicator: indicator.id))
            }
        }
        return out
    }
}

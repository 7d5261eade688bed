/// Hard range (error) and plausible range (warning) of every numeric value.
public struct RangeCheck: DatasetCheck {
    public init() {}
    public func run(_ entries: [ObservationIndex.Entry], schema: IndicatorSchema) -> [Finding] {
        var out: [Finding] = []
        for e in entries where !e.number.isNaN {
            guard let indicator = schema.indicator(e.key.indicator) else { continue }
            let shown = NumberFormatting.plain(e.number)
            if let range = indicator.range, !range.contains(e.number) {
                out.append(Finding(.hardRange, at: e.location, message: "\(indicator.id) = \(shown) \(indicator.unit) is outside \(NumberFormatting.plain(range.lowerBound))–\(NumberFormatting.plain(range.upperBound))",
                                   raw: shown, expected: "\(NumberFormatting.plain(range.lowerBound))–\(NumberFormatting.plain(range.upperBound)) \(indicator.unit)",
                                   hint: "check the unit scale (k€, M€) and the decimal separator", indicator: indicator.id))
            } else if let plausible = indicator.plausible, !plausible.contains(e.number) {
                out.append(Finding(.implausibleValue, at: e.location, message: "\(indicator.id) = \(shown) \(indicator.unit) is outside the plausible \(NumberFormatting.plain(plausible.lowerBound))–\(NumberFormatting.plain(plausible.upperBound))",
                                   raw: shown, expected: "\(NumberFormatting.plain(plausible.lowerBound))–\(NumberFormatting.plain(plausible.upperBound)) \(indicator.unit)",
                                   hint: "confirm the figure with the partner", indicator: indicator.id))
            }
        }
        return out
    }
}

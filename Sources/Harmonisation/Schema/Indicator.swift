/// One indicator of the shared schema: what it measures, in which unit, and what values are
/// acceptable (a hard `range` is an error, a `plausible` range a warning).
public struct Indicator: Hashable, Sendable {
    public var id: String
    /// Labels by language code (en, fr, de, es, bg, da, ca…); `en` is authoritative.
    public var labels: [String: String]
    public var type: IndicatorType
    /// Canonical unit: `count`, `persons`, `EUR`, `percent`, `FTE`, `none`, `year`…
    public var unit: String
    public var range: ClosedRange<Double>?
    public var plausible: ClosedRange<Double>?
    public var required: Bool
    public var aggregation: Aggregation
    /// Digits kept after rounding (money 0, percent per indicator). Nil: no rounding.
    public var decimals: Int?
    /// For `code` indicators: the code list the value must come from.
    public var codeList: String?
    public var maxLength: Int?

    public init(id: String, labels: [String: String], type: IndicatorType, unit: String, range: ClosedRange<Double>? = nil,
                plausible: ClosedRange<Double>? = nil, required: Bool = false, aggregation: Aggregation = .none,
                decimals: Int? = nil, codeList: String? = nil, maxLength: Int? = nil) {
        self.id = id
        self.labels = labels
        self.type = type
        self.unit = unit
        self.range = range
        self.plausible = plausible
        self.required = required
        self.aggregation = aggregation
        self.decimals = decimals
        self.codeList = codeList
        self.maxLength = maxLength
    }

    /// Money indicators are stored in EUR; a partner's currency is converted with the rate table.
    public var isMoney: Bool { unit == "EUR" }

    public var englishLabel: String { labels["en"] ?? id }
}

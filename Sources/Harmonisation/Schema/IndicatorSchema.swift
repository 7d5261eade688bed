/// The consortium's shared indicator schema: indicators, region and other code lists, the
/// markers every partner uses for missing values, and rules across indicators. Loaded from
/// `mappings/schema.yaml` (`SchemaLoader`); every output records `id` and `version`.
public struct IndicatorSchema: Sendable {
    public var id: String
    public var version: String
    public var languages: [String]
    public var yearRange: ClosedRange<Int>
    public var indicators: [Indicator]
    public var regions: [RegionCode]
    public var codeLists: [String: [CodeListEntry]]
    public var clusters: [String]
    /// Common partner markers for values that are absent, with the status each means.
    public var markers: [String: ObservationStatus]
    public var rules: [CrossIndicatorRule]

    private var indicatorIndex: [String: Int] = [:]
    private var regionIndex: [String: Int] = [:]

    public init(id: String, version: String, languages: [String], yearRange: ClosedRange<Int>, indicators: [Indicator],
                regions: [RegionCode], codeLists: [String: [CodeListEntry]], clusters: [String],
                markers: [String: ObservationStatus], rules: [CrossIndicatorRule]) {
        self.id = id
        self.version = version
        self.languages = languages
        self.yearRange = yearRange
        self.indicators = indicators
        self.regions = regions
        self.codeLists = codeLists
        self.clusters = clusters
        self.markers = markers
        self.rules = rules
        for (i, indicator) in indicators.enumerated() { indicatorIndex[indicator.id] = i }
        for (i, region) in regions.enumerated() { regionIndex[region.code] = i }
    }

    public func indicator(_ id: String) -> Indicator? { indicatorIndex[id].map { indicators[$0] } }
    public func region(_ code: String) -> RegionCode? { regionIndex[code].map { regions[$0] } }

    /// Regions whose parent is `code` (NUTS children, or a custom region's members).
    public func children(of code: String) -> [String] {
        if let region = region(code), !region.members.isEmpty { return region.members }
        return regions.filter { $0.parent == code }.map(\.code)
    }

    /// The code matching a label of a code list, compared as `LabelKey` (case, accents, spaces).
    public func code(in list: String, matching text: String) -> String? {
        guard let entries = codeLists[list] else { return nil }
        let key = LabelKey(text)
        for entry in entries {
            if LabelKey(entry.code) == key { return entry.code }
            if entry.labels.values.contains(where: { LabelKey($0) == key }) { return entry.code }
        }
        return nil
    }
}

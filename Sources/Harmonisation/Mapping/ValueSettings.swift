/// How the values of a mapping, table, indicator or column are read. Each level sets only what
/// it needs; `merged(over:)` lets the more specific level win.
public struct ValueSettings: Sendable {
    public enum PercentConvention: String, Sendable, CaseIterable {
        /// Numbers are fractions (0.68 → 68 %); text with `%` is read as written.
        case fraction
        /// Numbers are already on the 0–100 scale (0,47 → 0.47 %).
        case percent
        /// Cells formatted as percent are fractions; everything else is read as written.
        case auto
    }
    public enum RangePolicy: String, Sendable, CaseIterable {
        /// `40-50` → 45, status E.
        case midpoint
        /// `40-50` is reported and gives no value.
        case reject
    }
    public enum EmptyPolicy: Sendable, Hashable {
        /// An empty cell gives no observation.
        case skip
        /// An empty cell gives an observation with this status and no value.
        case status(ObservationStatus)
    }

    public var locale: NumberLocale?
    public var percent: PercentConvention?
    public var unit: UnitExpression?
    public var markers: [String: ObservationStatus] = [:]
    public var suffixFlags: [String: ObservationStatus]?
    public var ranges: RangePolicy?
    public var empty: EmptyPolicy?
    /// Currency of values that name none (default EUR).
    public var currency: String?
    /// Which krone `kr.` means (DKK, SEK or NOK).
    public var krone: String?
    /// Code values by label (`Silber: ESCA_SILVER`), for `code` indicators.
    public var codes: [LabelKey: String] = [:]
    public var comment: String?

    public init() {}

    /// `self` with every setting `base` has and `self` does not.
    public func merged(over base: ValueSettings) -> ValueSettings {
        var m = base
        if let locale { m.locale = locale }
        if let percent { m.percent = percent }
        if let unit { m.unit = unit }
        m.markers.merge(markers) { _, new in new }
        if let suffixFlags { m.suffixFlags = suffixFlags }
        if let ranges { m.ranges = ranges }
        if let empty { m.empty = empty }
        if let currency { m.currency = currency }
        if let krone { m.krone = krone }
        m.codes.merge(codes) { _, new in new }
        if let comment { m.comment = comment }
        return m
    }
}

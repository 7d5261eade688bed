/// What kind of value an indicator holds, which decides how a cell is parsed and checked.
public enum IndicatorType: String, Hashable, Sendable, CaseIterable {
    case integer
    case number
    /// Stored on the 0–100 scale (12.5 means 12.5 %), never as a fraction.
    case percentage
    case boolean
    /// A value from a code list (`cluster_label`: ESCA_SILVER).
    case code
    /// Free text kept verbatim.
    case text

    public var isNumeric: Bool { self == .integer || self == .number || self == .percentage }
}

/// How values of one indicator combine across regions for the same year.
public enum Aggregation: String, Hashable, Sendable, CaseIterable {
    case sum, mean, weightedMean = "weighted_mean", none
}

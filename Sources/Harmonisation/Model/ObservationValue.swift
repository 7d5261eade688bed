/// The harmonised value of an observation, in the indicator's canonical unit.
public enum ObservationValue: Hashable, Sendable, CustomStringConvertible {
    case number(Double)
    case boolean(Bool)
    /// A code from a code list (`ESCA_SILVER`).
    case code(String)
    case text(String)

    public var number: Double? {
        if case .number(let d) = self { return d }
        return nil
    }

    public var description: String {
        switch self {
        case .number(let d): return NumberFormatting.plain(d)
        case .boolean(let b): return b ? "true" : "false"
        case .code(let c): return c
        case .text(let t): return t
        }
    }
}

enum NumberFormatting {
    /// `1376`, `0.9`, `23118400000` — integral values without a fraction, others shortest.
    static func plain(_ d: Double) -> String {
        if d.isFinite, d == d.rounded(), abs(d) < 9e15 { return String(Int64(d)) }
        return d.description
    }
}

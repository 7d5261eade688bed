/// A harmonised value: the schema's indicators are numbers, yes/no flags or short texts.
public enum ObservationValue: Hashable, Sendable {
    case number(Double)
    case boolean(Bool)
    case text(String)

    /// How the value reads in messages and change lists (`12.5`, `true`, `"Barcelona"`).
    public var displayText: String {
        switch self {
        case .number(let d): return NumberFormatting.shortest(d)
        case .boolean(let b): return b ? "true" : "false"
        case .text(let s): return s
        }
    }
}

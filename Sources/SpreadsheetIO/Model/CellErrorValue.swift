/// An error value stored in a cell (`t="e"`), such as `#N/A` or `#DIV/0!`.
/// Kept as the text Excel shows, so an unknown future code still round-trips.
public struct CellErrorValue: Hashable, Sendable, CustomStringConvertible {
    public let code: String

    public init(_ code: String) { self.code = code }

    public static let notAvailable = CellErrorValue("#N/A")
    public static let divisionByZero = CellErrorValue("#DIV/0!")
    public static let value = CellErrorValue("#VALUE!")
    public static let reference = CellErrorValue("#REF!")
    public static let name = CellErrorValue("#NAME?")
    public static let number = CellErrorValue("#NUM!")
    public static let null = CellErrorValue("#NULL!")

    /// The codes Excel writes; anything else in a `t="e"` cell is still kept as given.
    public static let knownCodes: Set<String> = [
        "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
        "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!", "#BUSY!",
        "#PYTHON!", "#EXTERNAL!",
    ]

    public var isKnown: Bool { Self.knownCodes.contains(code) }
    public var description: String { code }
}

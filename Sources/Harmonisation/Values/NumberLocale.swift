/// How a partner writes numbers: the decimal separator and the characters that group thousands.
/// `automatic` infers per value and reports values that two conventions read differently.
public struct NumberLocale: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    /// `,` or `.`; nil for automatic.
    public var decimal: UInt8?
    /// Grouping characters as Unicode scalars (`.`, `,`, space, NBSP, narrow NBSP, `'`).
    public var grouping: Set<Unicode.Scalar>

    public init(name: String, decimal: UInt8?, grouping: Set<Unicode.Scalar>) {
        self.name = name
        self.decimal = decimal
        self.grouping = grouping
    }

    static let spaces: Set<Unicode.Scalar> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}", "\u{2007}"]

    /// Decimal comma, `.` or a space between thousands: es, ca, it, de, da, nl, pt, be.
    public static let decimalCommaDotGrouping = NumberLocale(name: "decimal-comma", decimal: UInt8(ascii: ","), grouping: spaces.union(["."]))
    /// Decimal point, `,` or a thin space between thousands: en, ga, mt.
    public static let decimalPoint = NumberLocale(name: "decimal-point", decimal: UInt8(ascii: "."), grouping: spaces.union([","]))
    /// Decimal point, apostrophe between thousands (Swiss usage).
    public static let swiss = NumberLocale(name: "ch", decimal: UInt8(ascii: "."), grouping: spaces.union(["'", "\u{2019}"]))
    public static let automatic = NumberLocale(name: "auto", decimal: nil, grouping: spaces.union([".", ",", "'", "\u{2019}"]))

    /// Locales by the names mapping files use (language or country codes).
    public static func named(_ name: String) -> NumberLocale? {
        switch name.lowercased() {
        case "auto", "automatic": return .automatic
        case "en", "en-gb", "en-ie", "uk", "gb", "ie", "mt", "decimal-point", "point": return renamed(.decimalPoint, name)
        case "ch", "de-ch", "fr-ch": return renamed(.swiss, name)
        case "es", "ca", "it", "de", "da", "dk", "nl", "pt", "be", "fr", "bg", "sv", "se", "fi", "no", "pl", "cs", "hu", "ro",
             "sl", "hr", "el", "lt", "lv", "et", "sk", "at", "decimal-comma", "comma":
            return renamed(.decimalCommaDotGrouping, name)
        default: return nil
        }
    }

    private static func renamed(_ l: NumberLocale, _ name: String) -> NumberLocale {
        var copy = l
        copy.name = name.lowercased()
        return copy
    }

    public var description: String { name }
}

/// How a partner writes numbers: the decimal separator and the characters that group thousands.
/// `automatic` infers per value and reports values that two conventions read differently.
public struct NumberLocale: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    /// `,` or `.`; nil for automatic.
    public var decimal: UInt8?
    /// Grouping characters as Unicode scalars (`.`, `,`, space, NBSP, narrow NBSP, `'`).
    public var grouping: Set<Unicode.Scalar> { didSet { groupingMask = GroupingMask(grouping) } }
    /// `grouping` as the parser asks it, one bit per question: no set lookup per separator.
    private(set) var groupingMask: GroupingMask

    public init(name: String, decimal: UInt8?, grouping: Set<Unicode.Scalar>) {
        self.name = name
        self.decimal = decimal
        self.grouping = grouping
        groupingMask = GroupingMask(grouping)
    }

    struct GroupingMask: OptionSet, Hashable, Sendable {
        let rawValue: UInt8
        static let asciiSpace = GroupingMask(rawValue: 1)
        /// Any of `NumberLocale.spaces`.
        static let anySpace = GroupingMask(rawValue: 2)
        static let dot = GroupingMask(rawValue: 4)
        static let comma = GroupingMask(rawValue: 8)
        static let apostrophe = GroupingMask(rawValue: 16)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        init(_ set: Set<Unicode.Scalar>) {
            var m: GroupingMask = []
            if set.contains(" ") { m.insert(.asciiSpace) }
            if !set.isDisjoint(with: NumberLocale.spaces) { m.insert(.anySpace) }
            if set.contains(".") { m.insert(.dot) }
            if set.contains(",") { m.insert(.comma) }
            if set.contains("'") { m.insert(.apostrophe) }
            self = m
        }

        /// Whether a separator as `LocaleNumberParser` folds them (`.`, `,`, `'`) groups.
        func allows(_ separator: UInt32) -> Bool {
            switch separator {
            case 0x2E: return contains(.dot)
            case 0x2C: return contains(.comma)
            case 0x27: return contains(.apostrophe)
            default: return false
            }
        }
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

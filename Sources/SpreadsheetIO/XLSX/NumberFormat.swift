/// A cell's number format: its id, its code (`#,##0.00`, `dd/mm/yyyy`) and what kind of value
/// the code displays, which decides whether a stored number is read as a date.
public struct NumberFormat: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case general
        /// Numbers, including currency and scientific formats.
        case number
        case percent
        /// Dates and date-times (`dd/mm/yyyy`, `yyyy-mm-dd hh:mm`).
        case dateTime
        /// Wall-clock times without a date part (`hh:mm:ss`).
        case time
        /// Elapsed time (`[h]:mm:ss`).
        case duration
        /// The text format `@`.
        case text
    }

    public let id: Int
    public let code: String
    public let kind: Kind

    public init(id: Int, code: String) {
        self.id = id
        self.code = code
        self.kind = NumberFormat.builtInKind(id) ?? NumberFormat.classify(code)
    }

    public var isDateLike: Bool { kind == .dateTime || kind == .time || kind == .duration }

    public static let general = NumberFormat(id: 0, code: "General")

    /// Excel's built-in formats (ECMA-376 Part 1, 18.8.30), in their en-US form.
    public static let builtInCodes: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
        5: "\"$\"#,##0_);(\"$\"#,##0)", 6: "\"$\"#,##0_);[Red](\"$\"#,##0)",
        7: "\"$\"#,##0.00_);(\"$\"#,##0.00)", 8: "\"$\"#,##0.00_);[Red](\"$\"#,##0.00)",
        9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
        14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
        19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
        37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)",
        40: "#,##0.00_);[Red](#,##0.00)", 41: "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)",
        42: "_(\"$\"* #,##0_);_(\"$\"* (#,##0);_(\"$\"* \"-\"_);_(@_)",
        43: "_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"??_);_(@_)",
        44: "_(\"$\"* #,##0.00_);_(\"$\"* (#,##0.00);_(\"$\"* \"-\"??_);_(@_)",
        45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
    ]

    /// Built-in ids whose kind is fixed whatever code a file writes for them.
    static func builtInKind(_ id: Int) -> Kind? {
        switch id {
        case 14...17, 22: return .dateTime
        case 18...21, 45, 47: return .time
        case 46: return .duration
        case 9, 10: return .percent
        case 49: return .text
        default: return nil
        }
    }

    /// Classifies a format code by the tokens it displays: date/time letters outside quoted text,
    /// escapes and `[...]` modifiers; `[h]`/`[mm]`/`[ss]` make it a duration.
    public static func classify(_ code: String) -> Kind {
        if code.isEmpty || code.caseInsensitiveEquals("General") { return .general }
        var sawDate = false, sawDayOrYear = false, sawTime = false, sawElapsed = false, sawPercent = false, sawDigit = false, sawText = false
        var bytes = Array(code.utf8)[...]
        // Only the first section (positive numbers) decides.
        while let b = bytes.popFirst() {
            switch b {
            case UInt8(ascii: ";"):
                bytes = []
            case UInt8(ascii: "\""):
                while let c = bytes.popFirst(), c != UInt8(ascii: "\"") {}
            case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"):
                _ = bytes.popFirst()
            case UInt8(ascii: "["):
                var inner: [UInt8] = []
                while let c = bytes.popFirst(), c != UInt8(ascii: "]") { inner.append(c | 0x20) }
                if !inner.isEmpty, inner.allSatisfy({ $0 == UInt8(ascii: "h") || $0 == UInt8(ascii: "m") || $0 == UInt8(ascii: "s") }) {
                    sawElapsed = true
                }
            case UInt8(ascii: "%"):
                sawPercent = true
            case UInt8(ascii: "0"), UInt8(ascii: "#"), UInt8(ascii: "?"):
                sawDigit = true
            case UInt8(ascii: "@"):
                sawText = true
            default:
                switch b | 0x20 {
                case UInt8(ascii: "d"), UInt8(ascii: "y"):
                    sawDate = true
                    sawDayOrYear = true
                case UInt8(ascii: "m"):
                    sawDate = true
                case UInt8(ascii: "h"), UInt8(ascii: "s"):
                    sawTime = true
                default:
                    break
                }
            }
        }
        if sawElapsed { return .duration }
        if sawDate || sawTime {
            // `m` next to `h`/`s` means minutes; a code with only h/m/s is a time of day.
            if !sawDayOrYear && sawTime { return .time }
            return .dateTime
        }
        if sawText && !sawDigit { return .text }
        if sawPercent { return .percent }
        return .number
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool {
        utf8.count == other.utf8.count && zip(utf8, other.utf8).allSatisfy { ($0 | 0x20) == ($1 | 0x20) }
    }
}

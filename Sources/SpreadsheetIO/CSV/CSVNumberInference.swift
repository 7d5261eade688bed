/// Whether the CSV reader turns plain numbers into `.number` cells.
///
/// "Plain" means: an optional `+`/`-`, digits with at most one decimal separator (digits on at
/// least one side), an optional exponent (`e`/`E`, optional sign, digits), nothing else: no
/// spaces, no grouping separators, no units or percent signs. Integers with a leading zero
/// (`007`, `01230`) stay text: they are codes (postcodes, identifiers), not quantities.
/// Quoting does not matter (`"12,5"` is a number too: exports quote at will).
/// Everything else stays `.string`. Locale-heavy parsing belongs to a later layer.
public enum CSVNumberInference: Hashable, Sendable {
    /// Every non-empty field is `.string`.
    case none
    /// Plain numbers with this decimal separator (`.` or `,`) become `.number`.
    case decimalSeparator(UInt8)

    /// Plain numbers with a decimal point.
    public static let decimalPoint = CSVNumberInference.decimalSeparator(UInt8(ascii: "."))
    /// Plain numbers with a decimal comma (French, German, Danish, Bulgarian… exports).
    public static let decimalComma = CSVNumberInference.decimalSeparator(UInt8(ascii: ","))
}

/// The plain-number grammar of `CSVNumberInference`, on raw bytes.
enum PlainNumberParser {
    /// Exact powers of ten representable as doubles (Clinger's fast path).
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The value of `p[0..<count]` if it is a plain number with `separator`, else nil.
    static func parse(_ p: UnsafePointer<UInt8>, count: Int, separator: UInt8) -> Double? {
        guard count > 0, count <= 64 else { return nil }
        var i = 0
        var negative = false
        if p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+") {
            negative = p[0] == UInt8(ascii: "-")
            i = 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var decimalExponent = 0
        let integerStart = i
        while i < count, p[i] &- 48 < 10 {
            accumulate(p[i], &mantissa, &significantDigits, &decimalExponent, fraction: false)
            i += 1
        }
        let integerDigits = i - integerStart
        if integerDigits > 1 && p[integerStart] == UInt8(ascii: "0") { return nil }
        var fractionDigits = 0
        if i < count, p[i] == separator {
            i += 1
            let fractionStart = i
            while i < count, p[i] &- 48 < 10 {
                accumulate(p[i], &mantissa, &significantDigits, &decimalExponent, fraction: true)
                i += 1
            }
            fractionDigits = i - fractionStart
        }
        guard integerDigits + fractionDigits > 0 else { return nil }
        var exponent = 0
        if i < count, p[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < count, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
                exponentNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            let exponentStart = i
            while i < count, p[i] &- 48 < 10 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(p[i] &- 48) }
                i += 1
            }
            guard i > exponentStart else { return nil }
            if exponentNegative { exponent = -exponent }
        }
        guard i == count else { return nil }

        let power = decimalExponent + exponent
        if significantDigits <= 19 && mantissa < (1 << 53) && abs(power) <= 22 {
            var value = Double(mantissa)
            value = power < 0 ? value / powersOfTen[-power] : value * powersOfTen[power]
            return negative ? -value : value
        }
        // Rare: long mantissas or large exponents. Let the standard library round correctly.
        var text = ""
        text.reserveCapacity(count)
        for k in 0..<count { text.unicodeScalars.append(UnicodeScalar(p[k] == separator ? UInt8(ascii: ".") : p[k])) }
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Adds one digit to the mantissa, keeping at most 19 significant digits (the rest only
    /// move the exponent; such numbers take the slow path anyway).
    @inline(__always)
    private static func accumulate(_ digit: UInt8, _ mantissa: inout UInt64, _ significant: inout Int,
                                   _ exponent: inout Int, fraction: Bool) {
        let d = UInt64(digit &- 48)
        if significant == 0 && d == 0 {
            if fraction { exponent -= 1 }
            return
        }
        if significant < 19 {
            mantissa = mantissa * 10 + d
            significant += 1
            if fraction { exponent -= 1 }
        } else {
            significant += 1
            if !fraction { exponent += 1 }
        }
    }
}

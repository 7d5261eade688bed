/// Reads the number part of a cell's text under a `NumberLocale`, on UTF-8 bytes (the hot path:
/// every text value of every partner file goes through here).
///
/// Grouping is strict — after the first group every group has exactly three digits — which is
/// what tells `1.250.000` (grouped) from `1.25` (decimal) and `1.1` (a decimal point, whatever
/// the locale says). Under `NumberLocale.automatic` a single separator followed by exactly three
/// digits (`1.350`, `1,350`) has two readings and is reported as ambiguous, never guessed.
public enum LocaleNumberParser {
    public enum Reading: Hashable, Sendable {
        case value(Double)
        /// Not valid under the declared locale, but valid and unambiguous under the other
        /// convention (`1.1` in a decimal-comma file).
        case otherConvention(Double)
        /// Two plausible readings: with the separator as grouping, and as decimal.
        case ambiguous(grouped: Double, decimal: Double)
        case invalid
    }

    private struct Piece {
        var digitStart: Int
        var digitCount: Int
        /// The separator after the digits (0 at the end). Spaces are all folded to 0x20.
        var separator: UInt32
    }

    public static func read(_ text: Substring, locale: NumberLocale) -> Reading {
        // The substring's own bytes when its string is native UTF-8 (no copy).
        var text = text
        return text.withUTF8 { read($0, locale: locale) }
    }

    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, locale: NumberLocale) -> Reading {
        // At most one piece per byte: on the stack for any cell text of sane length.
        withUnsafeTemporaryAllocation(of: Piece.self, capacity: bytes.count + 1) { storage in
            read(bytes, locale: locale, storage: storage)
        }
    }

    private static let spaceGrouping: NumberLocale.GroupingMask = [.asciiSpace, .anySpace]
    /// The grouping that goes with each decimal separator when the locale is not followed.
    private static let groupingWithDecimalComma: NumberLocale.GroupingMask = spaceGrouping.union(.dot)
    private static let groupingWithDecimalPoint: NumberLocale.GroupingMask = spaceGrouping.union([.comma, .apostrophe])

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, locale: NumberLocale, storage: UnsafeMutableBufferPointer<Piece>) -> Reading {
        var i = 0
        let n = bytes.count
        var negative = false
        if n > 0, bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-"); i = 1
        } else if n >= 3, bytes[0] == 0xE2, bytes[1] == 0x88, bytes[2] == 0x92 { // U+2212 minus
            negative = true; i = 3
        }
        var count = 0
        var start = i
        while i < n {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 { i += 1; continue }
            let digits = i - start
            guard digits > 0 else { return .invalid }
            var separator: UInt32
            var width = 1
            switch b {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "'"): separator = UInt32(b)
            case 0x20: separator = 0x20
            case 0xC2 where i + 1 < n && bytes[i + 1] == 0xA0: separator = 0x20; width = 2
            case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xAF || bytes[i + 2] == 0x89 || bytes[i + 2] == 0x87):
                separator = 0x20; width = 3
            case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99: separator = UInt32(UInt8(ascii: "'")); width = 3
            default: return .invalid
            }
            if separator == 0x20 && !locale.groupingMask.contains(.anySpace) { return .invalid }
            storage[count] = Piece(digitStart: start, digitCount: digits, separator: separator)
            count += 1
            i += width
            start = i
        }
        guard i - start > 0 else { return .invalid }
        storage[count] = Piece(digitStart: start, digitCount: i - start, separator: 0)
        count += 1
        let pieces = UnsafeBufferPointer(rebasing: storage[..<count])
        if count == 1 { return value(bytes, pieces, decimalIndex: nil, negative: negative).map(Reading.value) ?? .invalid }

        if let decimal = locale.decimal {
            if let v = evaluate(bytes, pieces, decimal: UInt32(decimal), grouping: locale.groupingMask, negative: negative) { return .value(v) }
            let other: UInt32 = decimal == UInt8(ascii: ",") ? UInt32(UInt8(ascii: ".")) : UInt32(UInt8(ascii: ","))
            let otherGrouping = other == 0x2C ? groupingWithDecimalComma : groupingWithDecimalPoint
            if let v = evaluate(bytes, pieces, decimal: other, grouping: otherGrouping, negative: negative) {
                // Only a reading the declared locale cannot produce at all counts as the other convention.
                return .otherConvention(v)
            }
            return .invalid
        }
        // Automatic: a single `.` or `,` followed by exactly three digits reads two ways.
        var marks = 0
        for k in 0..<(count - 1) where pieces[k].separator == 0x2C || pieces[k].separator == 0x2E { marks += 1 }
        if marks == 1, count == 2, pieces[0].digitCount <= 3, pieces[1].digitCount == 3, pieces[0].digitCount > 0,
           !(pieces[0].digitCount == 1 && bytes[pieces[0].digitStart] == UInt8(ascii: "0")) {
            let grouped = value(bytes, pieces, decimalIndex: nil, negative: negative)!
            let decimal = value(bytes, pieces, decimalIndex: 0, negative: negative)!
            return .ambiguous(grouped: grouped, decimal: decimal)
        }
        for decimal in [UInt32(UInt8(ascii: ",")), UInt32(UInt8(ascii: "."))] {
            let grouping = decimal == 0x2C ? groupingWithDecimalComma : groupingWithDecimalPoint
            if let v = evaluate(bytes, pieces, decimal: decimal, grouping: grouping, negative: negative) { return .value(v) }
        }
        if let v = evaluate(bytes, pieces, decimal: 0, grouping: spaceGrouping.union(.apostrophe), negative: negative) { return .value(v) }
        return .invalid
    }

    /// The value if `pieces` is valid with `decimal` as the decimal separator and `grouping` as
    /// the allowed grouping characters.
    private static func evaluate(_ bytes: UnsafeBufferPointer<UInt8>, _ pieces: UnsafeBufferPointer<Piece>, decimal: UInt32,
                                 grouping: NumberLocale.GroupingMask, negative: Bool) -> Double? {
        var decimalIndex: Int?
        var groupSeparator: UInt32?
        for k in 0..<pieces.count where pieces[k].separator != 0 {
            let piece = pieces[k]
            if piece.separator == decimal {
                guard decimalIndex == nil else { return nil }
                decimalIndex = k
                continue
            }
            guard decimalIndex == nil, grouping.allows(piece.separator) || piece.separator == 0x20 else { return nil }
            if piece.separator == 0x20, !grouping.contains(.asciiSpace) { return nil }
            if let g = groupSeparator, g != piece.separator { return nil }
            groupSeparator = piece.separator
            // Group sizes: first 1–3 digits, then exactly 3 up to the decimal separator or end.
            if k == 0 { guard piece.digitCount <= 3 else { return nil } }
            guard pieces[k + 1].digitCount == 3 else { return nil }
        }
        if groupSeparator != nil, let d = decimalIndex { guard pieces[d].digitCount == 3 || d == 0 else { return nil } }
        return value(bytes, pieces, decimalIndex: decimalIndex, negative: negative)
    }

    private static let powers: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                           1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

    /// Digits of all pieces, with a decimal point after piece `decimalIndex`.
    private static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ pieces: UnsafeBufferPointer<Piece>, decimalIndex: Int?, negative: Bool) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var overflow = false
        for k in 0..<pieces.count {
            let piece = pieces[k]
            let isFraction = decimalIndex.map { k > $0 } ?? false
            for j in piece.digitStart..<(piece.digitStart + piece.digitCount) {
                let d = UInt64(bytes[j] &- 0x30)
                if mantissa == 0 && d == 0 && !isFraction { continue }
                digits += 1
                if isFraction { fraction += 1 }
                if digits <= 19 { mantissa = mantissa &* 10 &+ d } else { overflow = true }
            }
        }
        let result: Double
        if !overflow, mantissa < (1 << 53), fraction < powers.count {
            result = Double(mantissa) / powers[fraction]
        } else {
            // Too many digits for an exact division: the digits as text, read correctly rounded.
            var text: [UInt8] = []
            for k in 0..<pieces.count {
                let piece = pieces[k]
                let isFraction = decimalIndex.map { k > $0 } ?? false
                for j in piece.digitStart..<(piece.digitStart + piece.digitCount) {
                    if text.isEmpty && bytes[j] == UInt8(ascii: "0") && !isFraction { continue }
                    text.append(bytes[j])
                }
                if decimalIndex == k { text.append(UInt8(ascii: ".")) }
            }
            guard let d = Double(String(decoding: text, as: UTF8.self)) else { return nil }
            result = d
        }
        return negative ? -result : result
    }
}

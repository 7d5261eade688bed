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
        var copy = String(text)
        return copy.withUTF8 { read($0, locale: locale) }
    }

    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, locale: NumberLocale) -> Reading {
        var i = 0
        let n = bytes.count
        var negative = false
        if n > 0, bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-"); i = 1
        } else if n >= 3, bytes[0] == 0xE2, bytes[1] == 0x88, bytes[2] == 0x92 { // U+2212 minus
            negative = true; i = 3
        }
        var pieces: [Piece] = []
        pieces.reserveCapacity(6)
        var start = i
        while i < n {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 { i += 1; continue }
            let count = i - start
            guard count > 0 else { return .invalid }
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
            if separator == 0x20 && !locale.grouping.contains(where: { NumberLocale.spaces.contains($0) }) { return .invalid }
            pieces.append(Piece(digitStart: start, digitCount: count, separator: separator))
            i += width
            start = i
        }
        guard i - start > 0 else { return .invalid }
        pieces.append(Piece(digitStart: start, digitCount: i - start, separator: 0))
        if pieces.count == 1 { return value(bytes, pieces, decimalIndex: nil, negative: negative).map(Reading.value) ?? .invalid }

        if let decimal = locale.decimal {
            if let v = evaluate(bytes, pieces, decimal: UInt32(decimal), grouping: locale.grouping, negative: negative) { return .value(v) }
            let other: UInt32 = decimal == UInt8(ascii: ",") ? UInt32(UInt8(ascii: ".")) : UInt32(UInt8(ascii: ","))
            let otherGrouping: Set<Unicode.Scalar> = NumberLocale.spaces.union(other == 0x2C ? ["."] : [",", "'"])
            if let v = evaluate(bytes, pieces, decimal: other, grouping: otherGrouping, negative: negative) {
                // Only a reading the declared locale cannot produce at all counts as the other convention.
                return .otherConvention(v)
            }
            return .invalid
        }
        // Automatic: a single `.` or `,` followed by exactly three digits reads two ways.
        let seps = pieces.dropLast().map(\.separator)
        let marks = seps.filter { $0 == 0x2C || $0 == 0x2E }
        if marks.count == 1, seps.count == 1, pieces[0].digitCount <= 3, pieces[1].digitCount == 3, pieces[0].digitCount > 0,
           !(pieces[0].digitCount == 1 && bytes[pieces[0].digitStart] == UInt8(ascii: "0")) {
            let grouped = value(bytes, pieces, decimalIndex: nil, negative: negative)!
            let decimal = value(bytes, pieces, decimalIndex: 0, negative: negative)!
            return .ambiguous(grouped: grouped, decimal: decimal)
        }
        for decimal in [UInt32(UInt8(ascii: ",")), UInt32(UInt8(ascii: "."))] {
            let grouping: Set<Unicode.Scalar> = NumberLocale.spaces.union(decimal == 0x2C ? ["."] : [",", "'"])
            if let v = evaluate(bytes, pieces, decimal: decimal, grouping: grouping, negative: negative) { return .value(v) }
        }
        if let v = evaluate(bytes, pieces, decimal: 0, grouping: NumberLocale.spaces.union(["'", "\u{2019}"]), negative: negative) { return .value(v) }
        return .invalid
    }

    /// The value if `pieces` is valid with `decimal` as the decimal separator and `grouping` as
    /// the allowed grouping characters.
    private static func evaluate(_ bytes: UnsafeBufferPointer<UInt8>, _ pieces: [Piece], decimal: UInt32,
                                 grouping: Set<Unicode.Scalar>, negative: Bool) -> Double? {
        var decimalIndex: Int?
        var groupSeparator: UInt32?
        for (k, piece) in pieces.enumerated() where piece.separator != 0 {
            if piece.separator == decimal {
                guard decimalIndex == nil else { return nil }
                decimalIndex = k
                continue
            }
            guard decimalIndex == nil, let scalar = Unicode.Scalar(piece.separator), grouping.contains(scalar) || (piece.separator == 0x20) else { return nil }
            if piece.separator == 0x20, !grouping.contains(" ") { return nil }
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
    private static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ pieces: [Piece], decimalIndex: Int?, negative: Bool) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var text: [UInt8] = []
        var overflow = false
        for (k, piece) in pieces.enumerated() {
            let isFraction = decimalIndex.map { k > $0 } ?? false
            for j in piece.digitStart..<(piece.digitStart + piece.digitCount) {
                let d = UInt64(bytes[j] &- 0x30)
                if mantissa == 0 && d == 0 && !isFraction { continue }
                digits += 1
                if isFraction { fraction += 1 }
                if digits <= 19 { mantissa = mantissa &* 10 &+ d } else { overflow = true }
                text.append(bytes[j])
            }
            if decimalIndex == k { text.append(UInt8(ascii: ".")) }
        }
        let result: Double
        if !overflow, mantissa < (1 << 53), fraction < powers.count {
            result = Double(mantissa) / powers[fraction]
        } else {
            guard let d = Double(String(decoding: text, as: UTF8.self)) else { return nil }
            result = d
        }
        return negative ? -result : result
    }
}

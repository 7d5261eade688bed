import Foundation

/// Parses the decimal text of a `<v>` element into a double, exactly as `strtod` would, with a
/// fast path for the common case: up to 19 digits and a small exponent are exact in a double
/// when the digits fit in 2^53 and the power of ten is at most 10^22 (Clinger's fast path).
enum DecimalParser {
    private static let powersOfTen: [Double] = (0...22).map { pow(10.0, Double($0)) }

    @inline(__always)
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        let n = bytes.count
        // XML may carry surrounding whitespace in a <v>; Excel never writes it, others might.
        while i < n, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        var end = n
        while end > i, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D || bytes[end - 1] == 0x09 { end -= 1 }
        guard i < end else { return nil }
        let start = i
        var negative = false
        if bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 } else if bytes[i] == UInt8(ascii: "+") { i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        var sawDigit = false
        while i < end, bytes[i] &- 48 < 10 {
            if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- 48); if mantissa != 0 { digits += 1 } } else { scale += 1 }
            sawDigit = true
            i += 1
        }
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, bytes[i] &- 48 < 10 {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- 48); if mantissa != 0 { digits += 1 }; scale -= 1 }
                sawDigit = true
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i == end, digits < 19, mantissa <= (1 << 53), scale >= -22, scale <= 22 {
            var value = Double(mantissa)
            value = scale < 0 ? value / powersOfTen[-scale] : value * powersOfTen[scale]
            return negative ? -value : value
        }
        return slowPath(bytes, start, end)
    }

    /// strtod on a NUL-terminated copy: exponents, long mantissas, and validation of the rest.
    private static func slowPath(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let length = end - start
        guard length < 512 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer -> Double? in
            for k in 0..<length {
                let b = bytes[start + k]
                // Only the characters of a decimal number: strtod would also take "inf", "nan", hex.
                guard (b &- 48 < 10) || b == 0x2E || b == 0x2B || b == 0x2D || b == 0x45 || b == 0x65 else { return nil }
                buffer[k] = CChar(bitPattern: b)
            }
            buffer[length] = 0
            var endPointer: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &endPointer)
            guard endPointer == buffer.baseAddress! + length else { return nil }
            return value
        }
    }
}

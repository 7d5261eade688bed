/// Strict UTF-8 well-formedness (Unicode Table 3-7: no overlongs, no surrogates, ≤ U+10FFFF),
/// on raw bytes, with an 8-bytes-at-a-time path over ASCII.
enum UTF8Validation {
    /// Where a scan stopped.
    enum Stop: Equatable {
        /// Every byte was checked and is well-formed.
        case end
        /// The bytes end inside a sequence that is well-formed so far (more input may complete it).
        case incomplete
        /// An ill-formed sequence starts at the stop offset.
        case invalid
    }

    /// Length of the well-formed sequence at `p[i]` (1…4), 0 when ill-formed, -1 when the bytes
    /// in `p[i..<end]` are a well-formed but unfinished prefix.
    @inline(__always)
    static func sequenceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let b0 = p[i]
        if b0 < 0x80 { return 1 }
        let need: Int
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; hi = 0x9F
        case 0xF0: need = 3; lo = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; hi = 0x8F
        default: return 0
        }
        // The second byte has the lead-specific range, the others 80…BF.
        var k = 1
        while k <= need {
            if i + k >= end { return -1 }
            let b = p[i + k]
            if k == 1 {
                if b < lo || b > hi { return 0 }
            } else if b & 0xC0 != 0x80 {
                return 0
            }
            k += 1
        }
        return need + 1
    }

    /// Scans `p[0..<count]` and returns the length of the well-formed prefix and why it stopped.
    /// With `isFinal`, an unfinished sequence at the end is `.invalid` rather than `.incomplete`.
    static func validPrefix(_ p: UnsafePointer<UInt8>, count: Int, isFinal: Bool) -> (length: Int, stop: Stop) {
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i < count {
            // Skip ASCII eight bytes at a time: the common case for CSV files.
            while i + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            if i >= count { break }
            if p[i] < 0x80 {
                i += 1
                continue
            }
            let n = sequenceLength(p, i, count)
            if n > 0 {
                i += n
            } else if n < 0 {
                return (i, isFinal ? .invalid : .incomplete)
            } else {
                return (i, .invalid)
            }
        }
        return (i, .end)
    }

    /// Why the sequence at `p[i..<end]` is ill-formed, in words for an error message.
    static func describeInvalid(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> String {
        let b0 = p[i]
        let hex = "0x" + hexByte(b0)
        if b0 >= 0x80 && b0 <= 0xBF { return "byte \(hex) is a UTF-8 continuation byte with no lead byte" }
        if b0 == 0xC0 || b0 == 0xC1 || b0 >= 0xF5 { return "byte \(hex) never occurs in UTF-8" }
        if sequenceLength(p, i, end) < 0 { return "UTF-8 sequence starting with byte \(hex) is cut off by the end of the file" }
        return "byte \(hex) starts an ill-formed UTF-8 sequence"
    }

    static func hexByte(_ b: UInt8) -> String {
        let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]
        return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
    }
}

import SpreadsheetIO

/// A tiny JSON builder over bytes (keys in the order written, as the schemas document them).
struct JSONOut {
    var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]

    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// The next value at the current level is written as if it were the first (its separator
    /// was written by hand with `raw`).
    mutating func startValue() { needsComma[needsComma.count - 1] = false }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    mutating func beginObject(_ key: String? = nil) { member(key); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
    mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma.removeLast() }
    mutating func beginArray(_ key: String? = nil) { member(key); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }
    mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma.removeLast() }

    private mutating func member(_ key: String?) {
        separator()
        if let key { Self.appendString(key, to: &bytes); bytes.append(UInt8(ascii: ":")) }
    }

    mutating func string(_ key: String?, _ value: String?) {
        member(key)
        if let value { Self.appendString(value, to: &bytes) } else { raw("null") }
    }

    mutating func number(_ key: String?, _ value: Double?) {
        member(key)
        raw(value.map(JSONText.number) ?? "null")
    }

    mutating func int(_ key: String?, _ value: Int?) {
        member(key)
        raw(value.map(String.init) ?? "null")
    }

    mutating func bool(_ key: String?, _ value: Bool) {
        member(key)
        raw(value ? "true" : "false")
    }

    /// Writes `key: null`-free optional string: omitted when nil.
    mutating func optionalString(_ key: String, _ value: String?) {
        if let value { string(key, value) }
    }

    /// The same text as `JSONText.appendString`, copying the runs that need no escape in one
    /// piece instead of byte by byte (a million observations carry a dozen strings each).
    static func appendString(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { utf8 in
            out.append(UInt8(ascii: "\""))
            var start = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                if b >= 0x20, b != UInt8(ascii: "\""), b != UInt8(ascii: "\\") { continue }
                if start < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i])) }
                start = i + 1
                switch b {
                case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
            }
            if start < utf8.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count])) }
            out.append(UInt8(ascii: "\""))
        }
    }
}

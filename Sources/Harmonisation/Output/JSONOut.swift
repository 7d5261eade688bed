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
        if let key { JSONText.appendString(key, to: &bytes); bytes.append(UInt8(ascii: ":")) }
    }

    mutating func string(_ key: String?, _ value: String?) {
        member(key)
        if let value { JSONText.appendString(value, to: &bytes) } else { raw("null") }
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
}

/// XML 1.0 escaping for what the writers put in parts, done by hand on UTF-8 bytes.
///
/// Chosen over libxml2's `xmlTextWriter` by measurement (bench/README.md, "Why a hand escaper"):
/// a cell costs one scan of its bytes here, against several C calls and a copy per element there.
/// Correctness is kept by tests that parse every written part with libxml2.
///
/// Cell text uses Excel's own scheme for characters XML 1.0 cannot carry: control characters
/// (U+0001–U+001F except tab and line feed), carriage return, and U+FFFE/U+FFFF are written as
/// `_xHHHH_`, and a literal `_xHHHH_` in the text gets its underscore escaped as `_x005F_`, so the
/// text reads back exactly (Excel, openpyxl and innaxe's reader decode it). U+0000 cannot be
/// stored by Excel at all and is refused by the writers before it gets here.
enum XMLEscaping {
    /// Whether the byte needs more than a copy in cell text.
    private static let textSpecial: [Bool] = (0..<256).map { b in
        b < 0x20 || b == 0x26 || b == 0x3C || b == 0x3E || b == 0x5F || b == 0xEF
    }
    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Cell text (`<t>`, `<v>` of strings, comments): `& < >` escaped, `_xHHHH_` for the rest.
    static func appendCellText(_ text: String, to out: OutputBuffer) throws {
        if let done = try text.utf8.withContiguousStorageIfAvailable({ try appendCellText($0, to: out) }) { return done }
        try Array(text.utf8).withUnsafeBufferPointer { try appendCellText($0, to: out) }
    }

    static func appendCellText(_ bytes: UnsafeBufferPointer<UInt8>, to out: OutputBuffer) throws {
        let n = bytes.count
        var start = 0
        var i = 0
        try textSpecial.withUnsafeBufferPointer { special in
            while i < n {
                let b = bytes[i]
                if !special[Int(b)] { i += 1; continue }
                // Decide whether this byte needs escaping at all.
                var replacement: StaticString? = nil
                var hexEscape: UInt32? = nil
                var consumed = 1
                switch b {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x09, 0x0A: break
                case 0x5F:
                    if looksLikeEscape(bytes, at: i) { replacement = "_x005F_" }
                case 0xEF:
                    // U+FFFE and U+FFFF are EF BF BE / EF BF BF.
                    if i + 2 < n, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF {
                        hexEscape = bytes[i + 2] == 0xBE ? 0xFFFE : 0xFFFF
                        consumed = 3
                    }
                default:
                    if b < 0x20 { hexEscape = UInt32(b) }
                }
                if replacement == nil && hexEscape == nil { i += 1; continue }
                if i > start { try out.append(UnsafeBufferPointer(rebasing: bytes[start..<i])) }
                if let replacement { try out.append(replacement) }
                if let code = hexEscape { try appendHexEscape(code, to: out) }
                i += consumed
                start = i
            }
        }
        if n > start { try out.append(UnsafeBufferPointer(rebasing: bytes[start..<n])) }
    }

    /// `_x` + 4 hex digits + `_` at `i`: text that a reader would decode, so it must be protected.
    @inline(__always)
    private static func looksLikeEscape(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + 6 < bytes.count, bytes[i + 1] == UInt8(ascii: "x") || bytes[i + 1] == UInt8(ascii: "X"),
              bytes[i + 6] == UInt8(ascii: "_") else { return false }
        for k in 2...5 where !isHexDigit(bytes[i + k]) { return false }
        return true
    }

    @inline(__always)
    private static func isHexDigit(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b | 0x20 >= 97 && b | 0x20 <= 102)
    }

    private static func appendHexEscape(_ code: UInt32, to out: OutputBuffer) throws {
        try out.reserve(7)
        out.appendUnchecked(UInt8(ascii: "_"))
        out.appendUnchecked(UInt8(ascii: "x"))
        for shift in stride(from: 12, through: 0, by: -4) {
            out.appendUnchecked(hex[Int((code >> UInt32(shift)) & 0xF)])
        }
        out.appendUnchecked(UInt8(ascii: "_"))
    }

    /// Attribute values and plain element text (names, messages, properties): `& < > "` escaped,
    /// tab/LF/CR as character references (kept by parsers), other XML-forbidden controls dropped.
    static func appendAttribute(_ text: String, to out: OutputBuffer) throws {
        for b in text.utf8 {
            switch b {
            case 0x26: try out.append("&amp;")
            case 0x3C: try out.append("&lt;")
            case 0x3E: try out.append("&gt;")
            case 0x22: try out.append("&quot;")
            case 0x09: try out.append("&#9;")
            case 0x0A: try out.append("&#10;")
            case 0x0D: try out.append("&#13;")
            case 0..<0x20: continue
            default: try out.append(b)
            }
        }
    }

    /// Whether text needs `xml:space="preserve"` to keep leading or trailing whitespace.
    static func needsPreserve(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        return first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D
            || last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D
    }
}

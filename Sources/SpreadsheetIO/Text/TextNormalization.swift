import Foundation

/// Text as a reader returns it: `_xHHHH_` escapes decoded and Unicode normalised to NFC, so
/// `é` typed on a Mac and on Windows compares and groups as one string.
enum TextNormalization {
    static func normalize(_ s: String) -> String {
        nfc(s.utf8.contains(UInt8(ascii: "_")) ? decodeXEscapes(s) : s)
    }

    /// NFC, skipping the cost where it cannot change anything: every scalar below U+0300 is
    /// already in NFC, and so is any string with no combining mark and no singleton decomposition.
    static func nfc(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 >= 0xCC }) else { return s }
        var needs = false
        for u in s.unicodeScalars where u.value >= 0x300 {
            if u.properties.canonicalCombiningClass.rawValue != 0 || mayDecompose(u.value) { needs = true; break }
        }
        return needs ? s.precomposedStringWithCanonicalMapping : s
    }

    /// Scalars with no combining class that NFC still changes: singletons (Ohm, Kelvin, Ångström
    /// signs, CJK compatibility ideographs, Greek tonos forms) and conjoining Hangul jamo.
    private static func mayDecompose(_ v: UInt32) -> Bool {
        (0x0340...0x0344).contains(v) || v == 0x0374 || v == 0x037E || v == 0x0387
            || (0x1100...0x11FF).contains(v) || (0x1F71...0x1FFD).contains(v) || (0x2000...0x2001).contains(v)
            || (0x2126...0x212B).contains(v) || (0x2329...0x232A).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x2F800...0x2FA1F).contains(v)
    }

    /// True when UTF-8 bytes could hold a scalar NFC changes (U+0300 and up start with 0xCC or
    /// more): lets a reader skip building anything for the common, plain text.
    @inline(__always)
    static func mayNeedNFC(_ start: UnsafePointer<UInt8>, count: Int) -> Bool {
        for i in 0..<count where start[i] >= 0xCC { return true }
        return false
    }

    /// Decodes OOXML's `_xHHHH_` escapes (`_x000D_` is CR; `_x005F_` is a literal `_`, so
    /// `_x005F_x0041_` reads as the text `_x0041_`). UTF-16 surrogate pairs are joined; a lone
    /// surrogate is left as written.
    static func decodeXEscapes(_ s: String) -> String {
        let u = Array(s.utf8)
        guard u.count >= 7 else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var i = 0
        var pendingHigh: UInt32?
        var pendingHighText: ArraySlice<UInt8> = []
        func flushHigh() {
            if pendingHigh != nil { out.append(contentsOf: pendingHighText); pendingHigh = nil }
        }
        while i < u.count {
            if u[i] == UInt8(ascii: "_"), i + 6 < u.count, u[i + 1] == UInt8(ascii: "x"), u[i + 6] == UInt8(ascii: "_"),
               let code = hex4(u[(i + 2)...(i + 5)]) {
                let text = u[i...(i + 6)]
                i += 7
                if (0xD800...0xDBFF).contains(code) {
                    flushHigh()
                    pendingHigh = code
                    pendingHighText = text
                    continue
                }
                if (0xDC00...0xDFFF).contains(code) {
                    if let high = pendingHigh {
                        let scalar = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                        out.append(contentsOf: Array(String(Unicode.Scalar(scalar)!).utf8))
                        pendingHigh = nil
                    } else {
                        out.append(contentsOf: text)
                    }
                    continue
                }
                flushHigh()
                out.append(contentsOf: Array(String(Unicode.Scalar(code)!).utf8))
                continue
            }
            flushHigh()
            out.append(u[i])
            i += 1
        }
        flushHigh()
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex4(_ b: ArraySlice<UInt8>) -> UInt32? {
        var v: UInt32 = 0
        for c in b {
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 65...70: d = UInt32(c - 55)
            case 97...102: d = UInt32(c - 87)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    /// XML whitespace trimming, as Excel applies to `<t>` without `xml:space="preserve"`.
    static func trimXMLWhitespace(_ bytes: inout [UInt8]) {
        func isWS(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var end = bytes.count
        while end > 0, isWS(bytes[end - 1]) { end -= 1 }
        var start = 0
        while start < end, isWS(bytes[start]) { start += 1 }
        if start > 0 || end < bytes.count { bytes = Array(bytes[start..<end]) }
    }
}

extension String {
    /// The text without leading and trailing white space (spaces, tabs, line breaks, NBSP,
    /// narrow NBSP, thin spaces, a stray BOM). Fast when there is nothing to trim — the common
    /// case on the hot path — and free of Foundation's NSString bridging.
    var trimmedSpaces: String {
        let u = utf8
        guard let first = u.first, let last = u.last else { return "" }
        // Bytes that can start or end a space character: ASCII spaces, and the lead and trail
        // bytes of NBSP (C2 A0), U+2000-block spaces (E2 80 xx) and the BOM (EF BB BF).
        func maybeSpace(_ b: UInt8) -> Bool { b <= 0x20 || b == 0xC2 || b == 0xE2 || b == 0xEF || b >= 0x80 && b <= 0xBF }
        if !maybeSpace(first) && !maybeSpace(last) { return self }
        // A non-ASCII letter at an end (`estimé`) only looked like a space: ask the scalars.
        func isSpace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace || c == "\u{FEFF}" }
        if let f = unicodeScalars.first, let l = unicodeScalars.last, !isSpace(f), !isSpace(l) { return self }
        var s = Substring(self)
        while let c = s.first, c.isWhitespace || c == "\u{FEFF}" { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace || c == "\u{FEFF}" { s = s.dropLast() }
        return String(s)
    }
}

extension Substring {
    var trimmedSpaces: String { String(self).trimmedSpaces }
}

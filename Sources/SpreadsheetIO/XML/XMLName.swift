/// An element's local name as libxml2 hands it over: a NUL-terminated UTF-8 string owned by the
/// parser's dictionary, valid only during the callback.
struct XMLName {
    let pointer: UnsafePointer<UInt8>

    /// Compares with an ASCII literal without building a String (the hot path of sheet reading).
    @inline(__always)
    func `is`(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        let l = literal.utf8Start
        for i in 0..<n where pointer[i] != l[i] { return false }
        return pointer[n] == 0
    }

    var string: String { String(cString: pointer) }
}

/// The attributes of one start tag (libxml2 SAX2 layout: localname, prefix, URI, value start,
/// value end — five pointers per attribute). Values are not NUL-terminated.
struct XMLAttributes {
    let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    let count: Int

    /// The raw bytes of the attribute with this local name. `prefixed` selects `r:id` (true)
    /// versus a plain `id` (false); nil accepts either.
    @inline(__always)
    func bytes(_ localName: StaticString, prefixed: Bool? = nil) -> UnsafeBufferPointer<UInt8>? {
        guard let base else { return nil }
        for i in 0..<count {
            let p = base + i * 5
            guard let name = p[0], XMLName(pointer: name).is(localName) else { continue }
            if let prefixed, (p[1] != nil) != prefixed { continue }
            guard let start = p[3], let end = p[4] else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(start: start, count: end - start)
        }
        return nil
    }

    /// The attribute as text. libxml2 hands `&amp;` over as `&#38;` when entities are not
    /// substituted (and substitution stays off, for safety), so that one reference is decoded here.
    func string(_ localName: StaticString, prefixed: Bool? = nil) -> String? {
        guard let raw = bytes(localName, prefixed: prefixed) else { return nil }
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        let amp: [UInt8] = Array("&#38;".utf8)
        while i < raw.count {
            if raw[i] == UInt8(ascii: "&"), i + 5 <= raw.count, raw[i..<(i + 5)].elementsEqual(amp) {
                out.append(UInt8(ascii: "&"))
                i += 5
            } else {
                out.append(raw[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

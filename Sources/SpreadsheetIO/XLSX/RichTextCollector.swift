/// Collects the text of a string item (`<si>` or `<is>`): plain `<t>`, rich-text runs `<r><t>`
/// concatenated, phonetic runs `<rPh>` skipped. Shared by the shared-strings and sheet readers.
struct RichTextCollector {
    private(set) var bytes: [UInt8] = []
    private var inText = false
    private var preserve = false
    private var runStart = 0
    private var phoneticDepth = 0
    /// Set once a `<t>` was seen (an item with no `<t>` at all is empty, not missing).
    private(set) var sawText = false

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        inText = false
        phoneticDepth = 0
        sawText = false
    }

    /// Returns true when the element belonged to the string item.
    @inline(__always)
    mutating func start(_ name: XMLName, _ attributes: XMLAttributes) -> Bool {
        if name.is("t") {
            if phoneticDepth == 0 {
                inText = true
                sawText = true
                runStart = bytes.count
                preserve = attributes.bytes("space").map { $0.elementsEqual("preserve".utf8) } ?? false
            }
            return true
        }
        if name.is("rPh") { phoneticDepth += 1; return true }
        return name.is("r") || name.is("rPr") || name.is("phoneticPr")
    }

    @inline(__always)
    mutating func end(_ name: XMLName) {
        if name.is("t"), inText {
            inText = false
            if !preserve { trimRun() }
        } else if name.is("rPh") {
            phoneticDepth -= 1
        }
    }

    /// Text beyond this in one string item is not a spreadsheet's (Excel stops at 32,767 characters).
    static let maxBytes = 1 << 20

    /// Returns false when the item grew past `maxBytes`.
    @inline(__always)
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard inText else { return true }
        guard bytes.count + text.count <= Self.maxBytes else { return false }
        bytes.append(contentsOf: text)
        return true
    }

    private mutating func trimRun() {
        func isWS(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var end = bytes.count
        while end > runStart, isWS(bytes[end - 1]) { end -= 1 }
        var start = runStart
        while start < end, isWS(bytes[start]) { start += 1 }
        if start == runStart && end == bytes.count { return }
        let run = Array(bytes[start..<end])
        bytes.removeSubrange(runStart...)
        bytes.append(contentsOf: run)
    }

    var string: String { TextNormalization.normalize(String(decoding: bytes, as: UTF8.self)) }
}

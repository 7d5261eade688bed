/// `xl/sharedStrings.xml` and the table behind it, for `StringStorage.shared`.
final class SharedStringTable {
    private var indices: [String: Int] = [:]
    private(set) var strings: [String] = []
    private(set) var references = 0

    @inline(__always)
    func index(of s: String) -> Int {
        references += 1
        if let i = indices[s] { return i }
        let i = strings.count
        strings.append(s)
        indices[s] = i
        return i
    }

    /// One more cell refers to a string already in the table (found without a lookup).
    @inline(__always)
    func reference() { references += 1 }
}

enum SharedStringsPart {
    static func write(_ table: SharedStringTable, to out: OutputBuffer) throws {
        let x = XMLPartWriter(out)
        try x.declaration()
        try x.open("sst", [("xmlns", OOXML.mainNamespace), ("count", "\(table.references)"), ("uniqueCount", "\(table.strings.count)")])
        for s in table.strings {
            try x.raw("<si>")
            try x.cellText(s)
            try x.raw("</si>")
        }
        try x.close("sst")
    }
}

/// How a CSV file separates and quotes its fields.
///
/// Delimiter and quote are single ASCII bytes (the tokeniser works on UTF-8 bytes, where an
/// ASCII byte never occurs inside a multi-byte character).
public struct CSVDialect: Hashable, Sendable, CustomStringConvertible {
    public enum Quoting: Hashable, Sendable {
        /// No quoting: quote characters are ordinary text.
        case none
        /// Fields may be enclosed in this character; inside, it is doubled to stand for itself.
        case character(UInt8)
    }

    public var delimiter: UInt8
    public var quoting: Quoting

    /// - Precondition: `delimiter` (and the quote) are ASCII, not CR or LF, and differ.
    public init(delimiter: UInt8, quoting: Quoting = .character(UInt8(ascii: "\""))) {
        precondition(Self.isUsable(delimiter: delimiter, quoting: quoting),
                     "CSV delimiter and quote must be distinct ASCII characters other than CR and LF")
        self.delimiter = delimiter
        self.quoting = quoting
    }

    /// From characters as a user types them (`";"`, `"\t"`); nil when not usable.
    /// `quote: nil` means no quoting.
    public init?(delimiter: Character, quote: Character? = "\"") {
        guard let d = delimiter.asciiValue else { return nil }
        var quoting = Quoting.none
        if let quote {
            guard let q = quote.asciiValue else { return nil }
            quoting = .character(q)
        }
        guard Self.isUsable(delimiter: d, quoting: quoting) else { return nil }
        self.delimiter = d
        self.quoting = quoting
    }

    public static let comma = CSVDialect(delimiter: UInt8(ascii: ","))
    public static let semicolon = CSVDialect(delimiter: UInt8(ascii: ";"))
    public static let tab = CSVDialect(delimiter: UInt8(ascii: "\t"))
    public static let pipe = CSVDialect(delimiter: UInt8(ascii: "|"))

    /// The quote byte, nil without quoting.
    public var quote: UInt8? {
        if case .character(let q) = quoting { return q }
        return nil
    }

    /// `delimiter ';', quote '"'`, `delimiter tab, no quoting`.
    public var description: String {
        let q = quote.map { "quote " + Self.name($0) } ?? "no quoting"
        return "delimiter \(Self.name(delimiter)), \(q)"
    }

    private static func name(_ b: UInt8) -> String {
        switch b {
        case 9: return "tab"
        case 32: return "space"
        default: return "'" + String(UnicodeScalar(b)) + "'"
        }
    }

    static func isUsable(delimiter: UInt8, quoting: Quoting) -> Bool {
        func ok(_ b: UInt8) -> Bool { b < 0x80 && b != 10 && b != 13 }
        guard ok(delimiter) else { return false }
        if case .character(let q) = quoting { return ok(q) && q != delimiter }
        return true
    }
}

/// The text encodings the CSV reader can decode: what partners' exports actually use.
///
/// Everything is transcoded to UTF-8 before tokenising, so the tokeniser only ever sees UTF-8.
public enum TextEncoding: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    /// Western European, Windows ("ANSI" on a French, German or Danish Windows). € is 0x80.
    case windows1252 = "windows-1252"
    /// Latin-1. Identical to windows-1252 for printable text except 0x80…0x9F (C1 controls).
    case iso8859_1 = "ISO-8859-1"
    /// Latin-2: Polish, Czech, Slovak, Hungarian, Slovene, Croatian.
    case iso8859_2 = "ISO-8859-2"
    /// Latin-9: Latin-1 with € at 0xA4 and Œ œ Š š Ž ž Ÿ.
    case iso8859_15 = "ISO-8859-15"
    /// Cyrillic, Windows (Bulgarian, Russian…).
    case windows1251 = "windows-1251"

    /// The IANA name, as printed in messages and accepted by `init?(label:)`.
    public var description: String { rawValue }

    /// True for the encodings where one byte is one character.
    public var isSingleByte: Bool {
        switch self {
        case .utf8, .utf16LittleEndian, .utf16BigEndian: return false
        default: return true
        }
    }

    /// Parses an encoding name as people type it: `utf-8`, `UTF8`, `cp1252`, `latin1`, `latin-9`,
    /// `iso-8859-2`, `windows-1251`, `utf-16le`… Case, dashes, underscores and spaces are ignored.
    public init?(label: String) {
        var key = ""
        for c in label.lowercased() where c != "-" && c != "_" && c != " " { key.append(c) }
        switch key {
        case "utf8", "utf8bom": self = .utf8
        case "utf16le", "utf16": self = .utf16LittleEndian
        case "utf16be": self = .utf16BigEndian
        case "windows1252", "cp1252", "win1252", "ansi": self = .windows1252
        case "iso88591", "latin1", "l1", "iso885911987": self = .iso8859_1
        case "iso88592", "latin2", "l2": self = .iso8859_2
        case "iso885915", "latin9", "latin0", "l9": self = .iso8859_15
        case "windows1251", "cp1251", "win1251": self = .windows1251
        default: return nil
        }
    }

    /// The byte order mark of this encoding, empty for the single-byte ones.
    var byteOrderMark: [UInt8] {
        switch self {
        case .utf8: return [0xEF, 0xBB, 0xBF]
        case .utf16LittleEndian: return [0xFF, 0xFE]
        case .utf16BigEndian: return [0xFE, 0xFF]
        default: return []
        }
    }
}

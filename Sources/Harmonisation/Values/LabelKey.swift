import Foundation

/// A label as compared for matching: case-, accent- and space-insensitive, so `  Biotecnologia`,
/// `BIOTECNOLOGÍA` and `Biotecnologia ` are one key. Cyrillic and Danish letters stay themselves
/// (`ø` has no accent to drop); typographic dashes and quotes become their ASCII forms.
public struct LabelKey: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    public init(_ raw: String) {
        var folded = raw.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        if folded.unicodeScalars.contains(where: { $0.value > 0x7F }) {
            folded = String(String.UnicodeScalarView(folded.unicodeScalars.map(LabelKey.plainForm)))
        }
        var out = ""
        out.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for ch in folded {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(ch)
            }
        }
        text = out
    }

    private static func plainForm(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0x2010...0x2015, 0x2212: return "-"
        case 0x2018, 0x2019, 0x201B, 0x2032: return "'"
        case 0x201C, 0x201D: return "\""
        case 0x00A0, 0x202F, 0x2009, 0x2007: return " "
        default: return s
        }
    }

    public var description: String { text }
}

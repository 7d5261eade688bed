/// Latin letters that look exactly like Cyrillic ones (`C` U+0043 and `С` U+0421). A label that
/// mixes both scripts was almost certainly typed on the wrong keyboard layout: the report shows
/// the code points, and matching may fold the Latin look-alikes into Cyrillic.
public enum Homoglyphs {
    private static let latinToCyrillic: [Unicode.Scalar: Unicode.Scalar] = [
        "A": "\u{0410}", "B": "\u{0412}", "C": "\u{0421}", "E": "\u{0415}", "H": "\u{041D}", "K": "\u{041A}",
        "M": "\u{041C}", "O": "\u{041E}", "P": "\u{0420}", "T": "\u{0422}", "X": "\u{0425}", "Y": "\u{0423}",
        "a": "\u{0430}", "c": "\u{0441}", "e": "\u{0435}", "o": "\u{043E}", "p": "\u{0440}", "x": "\u{0445}",
        "y": "\u{0443}", "i": "\u{0456}",
    ]

    static func isCyrillic(_ s: Unicode.Scalar) -> Bool { (0x0400...0x04FF).contains(s.value) }
    static func isLatinLetter(_ s: Unicode.Scalar) -> Bool { (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A) }

    /// The Latin scalars inside a mostly-Cyrillic word, with their positions; empty when the text
    /// is in one script.
    public static func latinLookalikesInCyrillic(_ text: String) -> [(offset: Int, scalar: Unicode.Scalar)] {
        let scalars = Array(text.unicodeScalars)
        let cyrillic = scalars.filter(isCyrillic).count
        let latin = scalars.filter(isLatinLetter).count
        guard cyrillic > 0, latin > 0, cyrillic > latin else { return [] }
        return scalars.enumerated().filter { isLatinLetter($0.element) && latinToCyrillic[$0.element] != nil }.map { ($0.offset, $0.element) }
    }

    /// `text` with Latin look-alikes replaced by their Cyrillic twins (only for mixed-script text).
    public static func foldedToCyrillic(_ text: String) -> String {
        guard !latinLookalikesInCyrillic(text).isEmpty else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { latinToCyrillic[$0] ?? $0 }))
    }

    /// `U+0043 LATIN C at position 1`, for messages.
    public static func describe(_ text: String) -> String {
        latinLookalikesInCyrillic(text).map { item in
            let hex = String(item.scalar.value, radix: 16, uppercase: true)
            let twin = latinToCyrillic[item.scalar].map { " (Cyrillic look-alike U+" + String(String($0.value, radix: 16, uppercase: true)) + ")" } ?? ""
            return "Latin \"\(Character(item.scalar))\" U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) at character \(item.offset + 1)\(twin)"
        }.joined(separator: "; ")
    }
}

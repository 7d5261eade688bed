/// A unit as partners write it — `M€`, `k€`, `Mio. €`, `хил. лв.`, `mio. kr.`, `(kr.)`, `MSEK`,
/// `EUR million`, `%`, `nombre` — read into a scale (10^n) and an optional currency.
public struct UnitExpression: Hashable, Sendable, CustomStringConvertible {
    public var scale: Double
    /// ISO code (`EUR`, `DKK`…); `kr` when the text says only "kr." (the mapping decides which krone).
    public var currency: String?
    public var isPercent: Bool
    /// True when the text named a count-like unit (`nombre`, `nb`, `брой`, `Anzahl`).
    public var isCount: Bool
    /// The text it was read from, kept as the original unit in provenance.
    public var text: String

    public init(scale: Double = 1, currency: String? = nil, isPercent: Bool = false, isCount: Bool = false, text: String = "") {
        self.scale = scale
        self.currency = currency
        self.isPercent = isPercent
        self.isCount = isCount
        self.text = text
    }

    public static let none = UnitExpression()

    public var description: String { text.isEmpty ? "(none)" : text }

    static let magnitudes: [String: Double] = [
        "k": 1e3, "K": 1e3, "T": 1e3, "tsd": 1e3, "tsd.": 1e3, "Tsd.": 1e3, "Tsd": 1e3, "thousand": 1e3, "thousands": 1e3,
        "хил.": 1e3, "хил": 1e3, "хиляди": 1e3, "tusind": 1e3, "miles": 1e3, "milers": 1e3, "milliers": 1e3,
        "M": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6, "mln.": 1e6, "Mio.": 1e6, "Mio": 1e6, "mio.": 1e6, "mio": 1e6,
        "million": 1e6, "millions": 1e6, "Millionen": 1e6, "millió": 1e6, "milioni": 1e6, "milione": 1e6, "millones": 1e6,
        "milions": 1e6, "miljoner": 1e6, "millioner": 1e6, "млн.": 1e6, "млн": 1e6, "MM": 1e6,
        "bn": 1e9, "bn.": 1e9, "billion": 1e9, "billions": 1e9, "mrd": 1e9, "mrd.": 1e9, "Mrd.": 1e9, "Mrd": 1e9, "mdr": 1e9,
        "mdr.": 1e9, "milliard": 1e9, "milliards": 1e9, "Milliarden": 1e9, "miljarder": 1e9, "mia.": 1e9, "mia": 1e9, "млрд.": 1e9, "млрд": 1e9,
    ]

    static let currencies: [String: String] = [
        "€": "EUR", "EUR": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "Euro": "EUR", "евро": "EUR",
        "£": "GBP", "GBP": "GBP", "CHF": "CHF", "SFr.": "CHF", "Fr.": "CHF", "SEK": "SEK", "DKK": "DKK", "NOK": "NOK",
        "BGN": "BGN", "лв.": "BGN", "лв": "BGN", "лева": "BGN", "kr.": "kr", "kr": "kr", "$": "USD", "USD": "USD", "PLN": "PLN",
        "zł": "PLN", "CZK": "CZK", "Kč": "CZK", "HUF": "HUF", "Ft": "HUF",
    ]

    static let countWords: Set<String> = [
        "nombre", "nb", "nb.", "número", "numero", "nombre d'entreprises", "брой", "бр.", "anzahl", "antal", "count", "number",
        "persones", "personnes", "persons", "people", "personas", "personen", "köpfe", "лица", "души", "personer",
        "fte", "etp", "vzä", "årsværk", "companies", "empreses", "entreprises",
    ]

    /// Reads `text` (trimmed, brackets allowed) as a unit, or nil when it holds words that are
    /// neither a magnitude, a currency, a percent sign nor a count word.
    public static func parse(_ text: String) -> UnitExpression? {
        var body = text.trimmedSpaces
        if body.hasPrefix("("), body.hasSuffix(")") { body = String(body.dropFirst().dropLast()).trimmedSpaces }
        if body.isEmpty { return nil }
        var unit = UnitExpression(text: text.trimmedSpaces)
        if countWords.contains(body.lowercased()) { unit.isCount = true; return unit }
        var matched = false
        for token in tokens(body) {
            guard apply(token, to: &unit) else { return nil }
            matched = true
        }
        return matched ? unit : nil
    }

    /// Splits `M€`-style glued tokens from spaced ones: `180 M€` → [M€]; `mio. kr.` → [mio., kr.].
    static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for ch in text {
            if ch == " " || ch == "\u{00A0}" || ch == "\u{202F}" || ch == "\t" || ch == "/" {
                if !current.isEmpty { out.append(current); current = "" }
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Applies one token (`k€`, `Mio.`, `EUR`, `%`, `MSEK`, `€m`) to `unit`; false when unknown.
    static func apply(_ token: String, to unit: inout UnitExpression) -> Bool {
        if token == "%" { unit.isPercent = true; return true }
        if let m = magnitudes[token] { unit.scale *= m; return true }
        if let c = currencies[token] { unit.currency = c; return true }
        if countWords.contains(token.lowercased()) { unit.isCount = true; return true }
        // Glued: magnitude + currency (k€, M€, T€, MSEK, mEUR, MDKK) or currency + magnitude (€m, £bn, EURm).
        for split in token.indices.dropFirst() {
            let head = String(token[..<split]), tail = String(token[split...])
            if let m = magnitudes[head], let c = currencies[tail] { unit.scale *= m; unit.currency = c; return true }
            if let c = currencies[head], let m = magnitudes[tail] { unit.scale *= m; unit.currency = c; return true }
        }
        return false
    }

    /// The unit named in a label or header, such as `Wagniskapital (Mio. €)` or
    /// `Hjemtaget finansiering (kr.)`: the last bracketed part that reads as a unit, else the whole
    /// text when it is a unit on its own.
    public static func find(in label: String) -> UnitExpression? {
        var searchEnd = label.endIndex
        while let close = label[..<searchEnd].lastIndex(of: ")"), let open = label[..<close].lastIndex(of: "(") {
            let inner = String(label[label.index(after: open)..<close])
            if var unit = parse(inner), unit.currency != nil || unit.scale != 1 || unit.isPercent {
                unit.text = inner.trimmedSpaces
                return unit
            }
            searchEnd = open
        }
        // The whole label as a unit (`k€`, `Tsd.`, `Mio. €`), but not a lone letter: a column
        // headed `T` or `M` is a name, not thousands or millions.
        if let unit = parse(label), unit.currency != nil || unit.isPercent || (unit.scale != 1 && label.trimmedSpaces.count > 1) { return unit }
        return nil
    }
}

extension CharacterSet {
    /// Whitespace including the no-break spaces spreadsheets are full of.
    static let whitespacesAndNBSP: CharacterSet = {
        var set = CharacterSet.whitespacesAndNewlines
        set.insert(charactersIn: "\u{00A0}\u{202F}\u{2009}\u{2007}\u{FEFF}")
        return set
    }()
}

import Foundation

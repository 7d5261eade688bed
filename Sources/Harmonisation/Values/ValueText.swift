import Foundation

/// A cell's text taken apart into what it says: qualifiers (`approx.`, `~`, `ca.`, `1,200+`), a
/// status suffix (`437*`, `(p)`), a number or a range (`40-50`), a percent sign, and currency and
/// magnitude words before or after the number (`EUR 612 million`, `£420m`, `SEK 2,4 mdr`).
///
/// `ValueText` does not apply the locale: `numberText` is handed to `LocaleNumberParser`.
public struct ValueText: Hashable, Sendable {
    public var numberText: Substring
    /// The upper end of a range (`40-50` → `50`).
    public var rangeUpperText: Substring?
    public var flags = StatusFlags()
    /// Qualifiers that were removed (`approx.`, `+`, `*`), for the comment.
    public var qualifiers: [String] = []
    public var isPercent = false
    /// Magnitude and currency words found around the number.
    public var unit: UnitExpression?

    static let approximationPrefixes = ["approximately", "approx.", "approx", "appr.", "circa", "ca.", "ca ", "c.", "~", "≈", "about ",
                                        "around ", "env.", "environ", "etwa", "ungefähr", "ок.", "около", "cirka", "omkring", "aprox.",
                                        "aprox", "aproximadament", "aproximadamente", "unos ", "près de", "±"]

    /// Takes `text` apart; nil when there is no number in it at all. `suffixFlags` are the
    /// partner's value suffixes (`*` → P).
    public static func parse(_ text: String, suffixFlags: [String: ObservationStatus]) -> ValueText? {
        var s = Substring(text.trimmedSpaces)
        var result = ValueText(numberText: "")
        // Suffix status markers: `437*`, `1 250 (p)`.
        var changed = true
        while changed {
            changed = false
            for (suffix, status) in suffixFlags where !suffix.isEmpty && s.hasSuffix(suffix) && s.count > suffix.count {
                s = s.dropLast(suffix.count)
                s = s.trimmingSuffix()
                result.flags.add(status)
                result.qualifiers.append(suffix)
                changed = true
            }
        }
        // Approximation words in front.
        changed = true
        while changed {
            changed = false
            let lower = s.lowercased()
            for prefix in approximationPrefixes where lower.hasPrefix(prefix) {
                s = s.dropFirst(prefix.count).trimmingPrefix()
                result.flags.add(.estimated)
                result.qualifiers.append(prefix.trimmingCharacters(in: .whitespaces))
                changed = true
                break
            }
        }
        if s.hasSuffix("+") {
            s = s.dropLast().trimmingSuffix()
            result.flags.add(.estimated)
            result.qualifiers.append("+")
        }
        if s.hasSuffix("%") {
            s = s.dropLast().trimmingSuffix()
            result.isPercent = true
        }
        // The number span: from the first digit (with a sign just before it) over digits,
        // separators, and spaces that sit between digits.
        guard let first = s.firstIndex(where: { $0.isASCII && $0.isNumber }) else { return nil }
        var start = first
        if start > s.startIndex {
            let before = s.index(before: start)
            if s[before] == "-" || s[before] == "−" {
                // A minus right after a word is a hyphen (`Q-5`), keep only a leading sign.
                if before == s.startIndex || s[s.index(before: before)] == " " { start = before }
            }
        }
        let end = numberEnd(s, from: first)
        result.numberText = s[start..<end]
        var rest = s[end...]
        // A range: `40-50`, `40 – 50`, `40 to 50`.
        let afterNumber = rest.trimmingPrefix()
        for dash in ["-", "–", "—", "to ", "à ", "bis "] where afterNumber.hasPrefix(dash) {
            let upper = afterNumber.dropFirst(dash.count).trimmingPrefix()
            if let d = upper.first, d.isASCII, d.isNumber {
                let upperEnd = numberEnd(upper, from: upper.startIndex)
                result.rangeUpperText = upper[upper.startIndex..<upperEnd]
                rest = upper[upperEnd...]
            }
            break
        }
        let prefix = String(s[s.startIndex..<start]).trimmedSpaces
        let suffix = String(rest).trimmedSpaces
        let words = [prefix, suffix].filter { !$0.isEmpty }.joined(separator: " ")
        if !words.isEmpty {
            if words == "%" { result.isPercent = true } else {
                guard let unit = UnitExpression.parse(words) else { return nil }
                if unit.isPercent { result.isPercent = true }
                result.unit = unit
            }
        }
        return result
    }

    private static func numberEnd(_ s: Substring, from: Substring.Index) -> Substring.Index {
        var end = from
        var i = from
        while i < s.endIndex {
            let c = s[i]
            if c.isASCII && c.isNumber { i = s.index(after: i); end = i; continue }
            if c == "." || c == "," || c == "'" || c == "’" || c == " " || c == "\u{00A0}" || c == "\u{202F}" || c == "\u{2009}" {
                let next = s.index(after: i)
                if next < s.endIndex, s[next].isASCII, s[next].isNumber { i = next; continue }
            }
            break
        }
        return end
    }
}

extension Substring {
    func trimmingPrefix() -> Substring {
        var s = self
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        return s
    }

    func trimmingSuffix() -> Substring {
        var s = self
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }
}

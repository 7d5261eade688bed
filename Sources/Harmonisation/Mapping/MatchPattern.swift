import Foundation

/// A regular expression from a mapping file, compiled once. Matching is on the text as found
/// (use `(?i)` for case-insensitive); `capture` returns group 1 when the pattern has groups.
public struct MatchPattern: Hashable, @unchecked Sendable {
    public let source: String
    let regex: NSRegularExpression

    public init(_ source: String) throws {
        self.source = source
        regex = try NSRegularExpression(pattern: source, options: [])
    }

    public func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, options: [], range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Group 1 (or the whole match when there is no group); nil without a match.
    public func capture(_ text: String) -> String? {
        guard let m = regex.firstMatch(in: text, options: [], range: NSRange(text.startIndex..., in: text)) else { return nil }
        let range = m.numberOfRanges > 1 && m.range(at: 1).location != NSNotFound ? m.range(at: 1) : m.range
        guard let r = Range(range, in: text) else { return nil }
        return String(text[r])
    }

    public static func == (a: MatchPattern, b: MatchPattern) -> Bool { a.source == b.source }
    public func hash(into h: inout Hasher) { h.combine(source) }
}

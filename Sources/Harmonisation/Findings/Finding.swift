/// One thing validation found: a value, not an exception. `code` is stable kebab-case
/// (`value-out-of-range`, `ambiguous-number`), so tests, reports and users can rely on it; the message is
/// for people.
public struct Finding: Hashable, Sendable {
    public var code: FindingCode
    public var severity: Severity
    public var location: FindingLocation
    public var message: String
    /// The cell's text as shown (empty when the finding is about something absent).
    public var raw: String?
    /// What was expected instead.
    public var expected: String?
    /// How to fix it.
    public var hint: String?
    /// The indicator concerned, when known.
    public var indicator: String?
    /// How many occurrences this finding stands for: 1, or more for the one finding that closes
    /// a root cause repeated beyond the listing limit ("and 98,765 more like this").
    public var occurrences = 1

    public init(_ code: FindingCode, severity: Severity? = nil, at location: FindingLocation, message: String,
                raw: String? = nil, expected: String? = nil, hint: String? = nil, indicator: String? = nil) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.location = location
        self.message = message
        self.raw = raw
        self.expected = expected
        self.hint = hint
        self.indicator = indicator
    }
}

/// A problem found while reading one value, before it has a location (the engine adds it).
public struct ValueIssue: Hashable, Sendable {
    public var code: FindingCode
    public var severity: Severity?
    public var message: String
    public var expected: String?
    public var hint: String?

    public init(_ code: FindingCode, severity: Severity? = nil, _ message: String, expected: String? = nil, hint: String? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.expected = expected
        self.hint = hint
    }
}

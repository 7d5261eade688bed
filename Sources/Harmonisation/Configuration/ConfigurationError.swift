/// A mistake in a mapping, schema or rate file: where it is (`file:line:column`), what is wrong,
/// and the offending line with a caret under the column, the way compilers and Yams report.
///
/// ```
/// mappings/medicen.yaml:12:17: error: unknown indicator "gdp_pc"
///     indicator: gdp_pc
///                ^
/// ```
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line and column; nil when the mistake has no single place (e.g. the file is missing).
    public var line: Int?
    public var column: Int?
    public var message: String
    /// The source line the mark points into, without its line break.
    public var sourceLine: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, sourceLine: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = sourceLine
    }

    /// `file:line:column`, or just `file`.
    public var locationText: String {
        guard let line else { return file }
        return "\(file):\(line):\(column ?? 1)"
    }

    public var description: String {
        var text = "\(locationText): error: \(message)"
        if let sourceLine, let column {
            let prefix = sourceLine.prefix(max(column - 1, 0)).map { $0 == "\t" ? "\t" : " " }.joined()
            text += "\n    \(sourceLine)\n    \(prefix)^"
        }
        return text
    }
}

/// What harmonising one input file produced: its identity (name, format, SHA-256), how much was
/// read, and the findings located in it.
public struct FileReport: Sendable {
    public var file: String
    public var format: String
    public var sha256: String
    public var byteCount: Int
    public var mapping: String
    public var mappingVersion: String
    public var tablesRead: [String] = []
    public var rowsRead = 0
    public var observationCount = 0
    public var findings: [Finding] = []
}

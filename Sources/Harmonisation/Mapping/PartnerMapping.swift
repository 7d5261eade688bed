import SpreadsheetIO

/// A partner's mapping file (`mappings/biocat.yaml`): which files it applies to, how to read
/// them, and how their tables map onto the schema.
public struct PartnerMapping: Sendable {
    public struct CSVSettings: Sendable {
        public var encoding: TextEncoding?
        public var dialect: CSVDialect?
    }

    /// The mapping file as named in messages.
    public var file: String
    public var version: String
    public var partner: String
    /// File names this mapping applies to (regex on the base name); nil: any file.
    public var files: [MatchPattern] = []
    public var csv = CSVSettings()
    public var settings = ValueSettings()
    public var dimensions: [Dimension: DimensionSource] = [:]
    /// Named lookups (`departements: {"75": FR101}`), keyed by `LabelKey`.
    public var codeTables: [String: [LabelKey: String]] = [:]
    public var tables: [TableMapping] = []

    public init(file: String, version: String, partner: String) {
        self.file = file
        self.version = version
        self.partner = partner
    }

    /// The tables that read `fileName`: those with no file pattern, or whose pattern matches.
    public func applies(to fileName: String) -> Bool {
        files.isEmpty || files.contains { $0.matches(fileName) }
    }
}

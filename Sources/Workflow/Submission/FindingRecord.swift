/// Something a processor noticed about a file: a value, with a stable kebab-case `code`.
public struct FindingRecord: Hashable, Sendable {
    public enum Severity: String, Hashable, Sendable, CaseIterable, Comparable {
        case error, warning, info

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var code: String
    public var severity: Severity
    public var message: String
    public var file: String
    public var sheet: String?
    /// A1 reference of the cell concerned, when one is.
    public var cell: String?
    /// The text as shown in the cell.
    public var rawText: String?
    public var expected: String?
    public var hint: String?

    public init(code: String, severity: Severity, message: String, file: String, sheet: String? = nil, cell: String? = nil,
                rawText: String? = nil, expected: String? = nil, hint: String? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.rawText = rawText
        self.expected = expected
        self.hint = hint
    }

    /// `file › Sheet!B7` (or `file › B7` for CSV, `file` alone when no cell is known).
    public var locationText: String { LocationText.of(file: file, sheet: sheet, cell: cell) }
}

enum LocationText {
    static func of(file: String, sheet: String?, cell: String?) -> String {
        switch (sheet, cell) {
        case (let s?, let c?): return "\(file) › \(s)!\(c)"
        case (nil, let c?): return "\(file) › \(c)"
        case (let s?, nil): return "\(file) › sheet \"\(s)\""
        case (nil, nil): return file
        }
    }
}

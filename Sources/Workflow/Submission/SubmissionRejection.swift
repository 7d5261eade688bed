/// Why a file could not be taken in. The original is filed under `rejected/` with this reason
/// beside it (`.reason.txt` for people, `.reason.json` for tools).
public struct SubmissionRejection: Hashable, Sendable, Error {
    /// A stable kebab-case code. Processors may use their own; the workflow's are listed here.
    public struct Code: Hashable, Sendable, RawRepresentable, ExpressibleByStringLiteral, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { rawValue = value }
        public var description: String { rawValue }

        /// No partner folder, file-name pattern or header fingerprint matches the file.
        public static let unknownPartner: Code = "unknown-partner"
        /// The partner is known but none of its mappings fits the file.
        public static let noMapping: Code = "no-mapping"
        /// The file is readable but holds no observation.
        public static let noObservations: Code = "no-observations"
        /// A column the format needs is absent.
        public static let missingColumn: Code = "missing-column"
        /// The processor failed in a way it did not foresee (a bug, reported rather than crashing the run).
        public static let processorFailure: Code = "processor-failure"
    }

    public var code: Code
    public var message: String
    public var file: String
    public var sheet: String?
    public var cell: String?
    public var hint: String?

    public init(code: Code, message: String, file: String, sheet: String? = nil, cell: String? = nil, hint: String? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.hint = hint
    }

    public var locationText: String { LocationText.of(file: file, sheet: sheet, cell: cell) }

    /// `file › Sheet!B7: code: message`.
    public var description: String { "\(locationText): \(code): \(message)" }
}

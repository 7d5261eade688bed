import SpreadsheetIO

/// Where one dimension of an observation (indicator, region, year, status, unit, cluster,
/// locale, comment) comes from, and how its text becomes a value.
///
/// ```yaml
/// region: ES51                                   # a constant
/// year: {header: '(\d{4})'}                      # capture from the value column's header
/// region: {column: "Code dép.", table: departements, default: FR10}
/// indicator: {column: Codi, map: {EMP_TOT: ls_companies_total}}
/// year: {cell: B2}                               # a date cell above the table
/// year: {file_name: '_(\d{4})\.'}
/// ```
public struct DimensionSource: Sendable {
    public enum Origin: Sendable {
        case constant(String)
        /// A column of the same row, by header label or letter.
        case column(ColumnSelector)
        /// The header of the value column the value sits in.
        case header
        case cell(CellReference)
        case fileName
    }

    public var origin: Origin
    /// Applied to the text first: the first capture group (or the whole match) is kept; no match
    /// gives no value (then `default`).
    public var pattern: MatchPattern?
    /// Exact lookup after `LabelKey` normalisation (case, accents, spaces).
    public var map: [LabelKey: String] = [:]
    /// Ordered regex lookups, tried when `map` has no entry.
    public var mapPatterns: [(MatchPattern, String)] = []
    /// A named code table of the mapping (`departements`, `kreise`…).
    public var table: String?
    /// When the cell is empty or nothing matches.
    public var defaultValue: String?
    /// Indicator only: also match the schema's labels in every language.
    public var matchSchemaLabels = false
    /// Region only: uppercase and drop spaces (`be3` → BE3, `IT C4` → ITC4).
    public var normaliseCode = false
    /// Fold Latin look-alike letters in Cyrillic labels before lookup (reported either way).
    public var foldHomoglyphs = true
    /// When set, a text the lookup does not know is kept as is instead of reported.
    public var passThrough = false
    /// Where in the mapping file this source was written, for messages.
    public var line: Int?

    public init(origin: Origin) { self.origin = origin }

    public static func constant(_ value: String) -> DimensionSource { DimensionSource(origin: .constant(value)) }

    public var hasLookup: Bool { !map.isEmpty || !mapPatterns.isEmpty || table != nil || matchSchemaLabels }
}

/// A column named in a mapping: by its header (compared as `LabelKey`), by a regex on the
/// header, or by its letter.
public enum ColumnSelector: Hashable, Sendable, CustomStringConvertible {
    case label(String)
    case pattern(MatchPattern)
    case letter(Int)

    public var description: String {
        switch self {
        case .label(let l): return "\"\(l)\""
        case .pattern(let p): return "/\(p.source)/"
        case .letter(let c): return "column \(CellReference.columnLetters(c))"
        }
    }
}

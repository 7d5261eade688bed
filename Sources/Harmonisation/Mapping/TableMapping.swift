import SpreadsheetIO

/// One block of a partner file and how its cells become observations: which sheet, where the
/// header and the data are, which columns hold values, and where every dimension comes from.
///
/// Every layout is the same model: each data row × each value column is one candidate value.
/// Wide tables have one value column per year (`year: {header: …}`); years-as-rows tables one
/// per indicator (`indicator:` on the column, `year: {column: …}`); long tables one value
/// column and the indicator in another column; matrices a region column and an indicator per
/// column; StatBank blocks add `fill_down`.
public struct TableMapping: Sendable {
    public enum SheetSelector: Sendable {
        case name(String)
        /// 1-based, in workbook order.
        case index(Int)
        case pattern(MatchPattern)
    }

    public struct Header: Sendable {
        /// Fixed 1-based row of the (first) header row.
        public var row: Int?
        /// Or: the first row whose cell in `column` (default: first non-empty cell) matches.
        public var find: MatchPattern?
        public var findColumn: Int?
        /// Header height: rows joined into one label per column with " / " (merged group
        /// labels carry over to the columns they span).
        public var rows = 1
        public init() {}
    }

    public struct End: Sendable {
        /// Stop at the first blank row (default true).
        public var blankRow = true
        /// Stop at the first row whose first non-empty cell matches (`^Kilde:`, `^\*`).
        public var pattern: MatchPattern?
        public init() {}
    }

    public struct ValueColumn: Sendable {
        public var selector: ColumnSelector
        /// Several columns may match a pattern; `true` when at least one must.
        public var required = true
        public var dimensions: [Dimension: DimensionSource] = [:]
        public var settings = ValueSettings()
        public var line: Int?
        public init(selector: ColumnSelector) { self.selector = selector }
    }

    public struct Totals: Sendable {
        public enum Use: String, Sendable { case total, parts }
        public var column: ColumnSelector
        public var pattern: MatchPattern
        public var use: Use
    }

    public var name: String
    /// File names (regex on the base name) this table reads; empty: every file of the mapping.
    public var files: [MatchPattern] = []
    public var sheet: SheetSelector?
    public var header = Header()
    public var end = End()
    /// Rows skipped inside the data (first non-empty cell matches).
    public var skip: [MatchPattern] = []
    public var fillDown: [ColumnSelector] = []
    public var dimensions: [Dimension: DimensionSource] = [:]
    public var values: [ValueColumn] = []
    public var settings = ValueSettings()
    /// Settings for the values of one indicator (`ris_rd_exp_business_pct_gdp: {percent: percent}`).
    public var indicatorSettings: [String: ValueSettings] = [:]
    /// Whole columns or years with a status no cell carries (DLSC: 2023 is provisional).
    public var statusByYear: [Int: ObservationStatus] = [:]
    public var totals: Totals?
    /// Rows answering twice (same cluster, region, year, indicator): the latest by this column wins.
    public var latestBy: ColumnSelector?
    /// Columns or row labels that are known and deliberately not used (no `unmapped` info).
    public var ignoreColumns: [MatchPattern] = []
    public var ignoreRows: [MatchPattern] = []
    public var derived: [Derived] = []
    public var line: Int?

    public init(name: String) { self.name = name }

    /// A value computed from two columns of the same row (`dont PME / Total × 100`).
    public struct Derived: Sendable {
        public var indicator: String
        public var numerator: ColumnSelector
        public var denominator: ColumnSelector
        public var factor: Double
    }
}

/// The dimensions of an observation a mapping can source.
public enum Dimension: String, Hashable, Sendable, CaseIterable {
    case indicator, region, year, status, unit, clusterID = "cluster_id", locale, comment

    /// Position in `allCases`, for per-dimension arrays on the hot path.
    public var ordinal: Int {
        switch self {
        case .indicator: return 0
        case .region: return 1
        case .year: return 2
        case .status: return 3
        case .unit: return 4
        case .clusterID: return 5
        case .locale: return 6
        case .comment: return 7
        }
    }
}

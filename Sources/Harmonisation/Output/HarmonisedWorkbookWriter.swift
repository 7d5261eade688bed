import SpreadsheetIO

/// The harmonised workbook for the people who analyse the data: a long `Observations` sheet
/// (streamed as observations arrive), a `Comparison` sheet of regions × indicators for one
/// year, a `Sources` sheet (inputs, hashes, versions) and a `Findings` sheet.
public final class HarmonisedWorkbookWriter: ObservationSink {
    private let book: XLSXWriter
    /// Observations, then `Observations (2)`… past Excel's last row.
    private let observations: ContinuedSheet
    private let schema: IndicatorSchema
    private let rates: CurrencyRates
    private let mappings: [PartnerMapping]
    private let header: CellStyleID
    private let integer: CellStyleID
    private let decimal: CellStyleID

    /// `rowsPerSheet` (header included) is Excel's limit; tests pass less to see the
    /// continuation sheets without writing a million rows.
    public init(path: String, schema: IndicatorSchema, rates: CurrencyRates, mappings: [PartnerMapping],
                rowsPerSheet: Int = CellReference.maxRow) throws {
        // Deflate level 1: the observations sheet of a big run is tens of millions of cells, and
        // level 6 would triple the time for a file about 30 % smaller.
        book = try XLSXWriter(path: path, properties: WorkbookProperties(title: "INNAXE harmonised indicators"),
                              options: XLSXWriter.Options(compressionLevel: 1))
        self.schema = schema
        self.rates = rates
        self.mappings = mappings
        header = try book.style(.header)
        integer = try book.style(.integer)
        decimal = try book.style(CellStyle(numberFormat: "#,##0.00##"))
        var options = SheetOptions.table
        options.sharedStringColumns = Set(Self.columns.indices.filter { Self.columns[$0].repeats }.map { $0 + 1 })
        observations = try ContinuedSheet(in: book, named: "Observations", options: options, header: Self.columns.map { .string($0.name) },
                                          headerStyle: header, rowLimit: rowsPerSheet)
    }

    /// The Observations sheet's columns, in the order `accept` writes them. Codes, names, units
    /// and statuses repeat down the sheet: shared strings, as Excel writes them (a fifth of the
    /// XML to build and deflate); cells, texts and comments that vary stay inline, so the table
    /// stays small.
    static let columns: [(name: String, repeats: Bool)] = [
        ("cluster_id", true), ("region", true), ("year", false), ("indicator", true), ("value", false), ("unit", true),
        ("obs_status", true), ("obs_comment", false), ("file", true), ("sheet", true), ("cell", false), ("original_value", false),
        ("original_unit", true), ("currency", true), ("rate_per_eur", false),
    ]

    public func accept(_ o: Observation) throws {
        let value: CellValue
        var valueStyle = CellStyleID.default
        switch o.value {
        case .number(let d)?: value = .number(d); valueStyle = d == d.rounded() ? integer : decimal
        case .boolean(let b)?: value = .boolean(b)
        case .code(let c)?: value = .string(c)
        case .text(let t)?: value = .string(t)
        case nil: value = .empty
        }
        let p = o.provenance
        let cells: [CellValue] = [
            .string(o.clusterID), .string(o.region), .number(Double(o.year)), .string(o.indicator), value, .string(o.unit),
            .string(o.status.rawValue), o.comment.map(CellValue.string) ?? .empty, .string(p.file), p.sheet.map(CellValue.string) ?? .empty,
            p.cell.map { .string($0.description) } ?? .empty, .string(p.originalText), p.originalUnit.map(CellValue.string) ?? .empty,
            p.conversion.map { .string($0.currency) } ?? .empty, p.conversion.map { .number($0.ratePerEUR) } ?? .empty,
        ]
        try observations.writeRow(cells, styles: styles(valueStyle: valueStyle, count: cells.count))
    }

    /// The styles of the previous observation row, reused while its value cell's style is the
    /// same: a million rows need not allocate a million style arrays.
    private var lastRowStyles: (value: CellStyleID, styles: [CellStyleID])?

    private func styles(valueStyle: CellStyleID, count: Int) -> [CellStyleID] {
        if let last = lastRowStyles, last.value == valueStyle { return last.styles }
        var styles = [CellStyleID](repeating: .default, count: count)
        styles[4] = valueStyle
        lastRowStyles = (valueStyle, styles)
        return styles
    }

    /// Adds the comparison, sources and findings sheets and writes the file.
    public func finish(index: ObservationIndex, reports: [FileReport], findings: [Finding], comparisonYear: Int? = nil) throws {
        let year = comparisonYear ?? Self.bestYear(index)
        let comparison = try book.addSheet(named: "Comparison \(year.map(String.init) ?? "")".trimmingCharacters(in: .whitespaces),
                                           options: SheetOptions(frozenRows: 1, frozenColumns: 2))
        let inYear = (0..<index.count).filter { index.year(at: $0) == year }.map(index.entry(at:))
        let indicators = schema.indicators.map(\.id).filter { id in inYear.contains { $0.key.indicator == id } }
        try comparison.writeRow([.string("cluster_id"), .string("region")] + indicators.map { .string($0) }, style: header)
        struct Row: Hashable { var cluster: String; var region: String }
        var byRow: [Row: [String: ObservationIndex.Entry]] = [:]
        for e in inYear { byRow[Row(cluster: e.key.clusterID, region: e.key.region), default: [:]][e.key.indicator] = e }
        for row in byRow.keys.sorted(by: { ($0.cluster, $0.region) < ($1.cluster, $1.region) }) {
            let values: [CellValue] = indicators.map { id in
                guard let e = byRow[row]![id] else { return .empty }
                if !e.number.isNaN { return .number(e.number) }
                if let t = e.valueText { return .string(t) }
                return .string(e.status.rawValue)   // C, M, N: the reason, not a blank
            }
            try comparison.writeRow([.string(row.cluster), .string(row.region)] + values)
        }

        let sources = try book.addSheet(named: "Sources", options: .table)
        try sources.writeRow(["file", "format", "sha256", "bytes", "mapping", "mapping_version", "tables", "rows_read", "observations"].map { .string($0) }, style: header)
        for r in reports {
            try sources.writeRow([.string(r.file), .string(r.format), .string(r.sha256), .number(Double(r.byteCount)), .string(r.mapping),
                                  .string(r.mappingVersion), .string(r.tablesRead.joined(separator: ", ")), .number(Double(r.rowsRead)),
                                  .number(Double(r.observationCount))])
        }
        try sources.writeRow([])
        try sources.writeRow([.string("schema"), .string(schema.id), .string(schema.version)])
        try sources.writeRow([.string("rates"), .string(rates.version), .string(rates.source)])
        for m in mappings { try sources.writeRow([.string("mapping"), .string(m.file), .string(m.version)]) }

        try FindingsSheet.write(findings, to: book, header: header)
        try book.close()
    }

    /// The latest year with the most observations (the natural year to compare).
    static func bestYear(_ index: ObservationIndex) -> Int? {
        var counts: [Int: Int] = [:]
        for i in 0..<index.count where index.hasValue(at: i) { counts[index.year(at: i), default: 0] += 1 }
        return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
    }
}

/// The findings as a sheet (shared by the harmonised workbook and the validation report).
enum FindingsSheet {
    static let columns = ["severity", "code", "file", "sheet", "cell", "row", "column_header", "message", "raw", "expected", "hint"]

    static func write(_ findings: [Finding], to book: XLSXWriter, header: CellStyleID, name: String = "Findings") throws {
        let sheet = try ContinuedSheet(in: book, named: name, options: .table, header: columns.map { .string($0) }, headerStyle: header)
        for f in findings {
            try sheet.writeRow([
                .string(f.severity.rawValue), .string(f.code.rawValue), .string(f.location.file), f.location.sheet.map(CellValue.string) ?? .empty,
                f.location.cell.map { .string($0.description) } ?? .empty, f.location.row.map { .number(Double($0)) } ?? .empty,
                f.location.columnHeader.map(CellValue.string) ?? .empty, .string(f.message), f.raw.map(CellValue.string) ?? .empty,
                f.expected.map(CellValue.string) ?? .empty, f.hint.map(CellValue.string) ?? .empty,
            ])
        }
    }
}

import SpreadsheetIO

/// Runs one table mapping over one sheet: finds the header, resolves the value columns and the
/// dimension sources, then turns every data row × value column into an observation, reporting
/// each root cause once (per row for row-level dimensions, per column for header-level ones).
final class TableProcessor {
    private let table: TableMapping
    private let mapping: PartnerMapping
    private let schema: IndicatorSchema
    private let parser: ValueParser
    private let document: SpreadsheetDocument
    private let sheet: SheetInfo
    private let fileName: String
    private let markers: [String: ObservationStatus]
    private let emit: (__owned Observation) throws -> Void
    private(set) var findings: [Finding] = []
    private(set) var rowsRead = 0

    /// CSV files have one unnamed sheet: locations print as `file.csv › B7`.
    private var sheetName: String? { document.format == .xlsx ? sheet.name : nil }

    /// A value column once the header is known. A class: the row loop visits every column of
    /// every row, and a reference costs one retain where this struct's fields cost a dozen.
    private final class BoundColumn {
        let column: Int
        let header: String
        let spec: TableMapping.ValueColumn
        /// Resolvers of every dimension that has a source, most specific first.
        let resolvers: [Dimension: DimensionResolver]
        /// Dimensions whose source is the header: resolved once.
        let headerValues: [Dimension: DimensionResolver.Resolution]
        let headerUnit: UnitExpression?
        let settings: ValueSettings
        /// Per dimension (by `Dimension.ordinal`): where its value comes from, decided once.
        var slots: [Slot] = []
        /// Prepared settings of this column by the indicator's position in the schema, with the
        /// row's unit and locale they were made for: a wide row changes indicator at every row
        /// and column, and an array slot plus two comparisons beat hashing the key's text.
        var preparedByIndicator: [(unit: String?, locale: String?, settings: PreparedSettings)?] = []

        init(column: Int, header: String, spec: TableMapping.ValueColumn, resolvers: [Dimension: DimensionResolver],
             headerValues: [Dimension: DimensionResolver.Resolution], headerUnit: UnitExpression?, settings: ValueSettings) {
            self.column = column
            self.header = header
            self.spec = spec
            self.resolvers = resolvers
            self.headerValues = headerValues
            self.headerUnit = headerUnit
            self.settings = settings
        }
    }

    enum Slot {
        var isSet: Bool { if case .none = self { return false } else { return true } }

        case none
        case fixed(DimensionResolver.Resolution)
        /// A column of the row, resolved by `resolver`; `memo` numbers the resolver so a row
        /// resolves (and reports) each source once.
        case column(resolver: DimensionResolver, memo: Int, column: Int)
    }

    private var memoCount = 0
    /// Totals and repeated answers are decided over the whole table: observations wait in a
    /// buffer. Otherwise each goes straight to `emit`.
    private var buffering: Bool { table.totals != nil || table.latestBy != nil }

    init(table: TableMapping, mapping: PartnerMapping, schema: IndicatorSchema, parser: ValueParser, document: SpreadsheetDocument,
         sheet: SheetInfo, fileName: String, markers: [String: ObservationStatus], emit: @escaping (__owned Observation) throws -> Void) {
        self.table = table
        self.mapping = mapping
        self.schema = schema
        self.parser = parser
        self.document = document
        self.sheet = sheet
        self.fileName = fileName
        self.markers = markers
        self.emit = emit
    }

    private func location(_ column: Int?, row: Int, header: String? = nil) -> FindingLocation {
        FindingLocation(file: document.file, sheet: sheetName, cell: column.flatMap { CellReference(column: $0, row: row) }, row: row, columnHeader: header)
    }

    /// Findings of one code in one column listed before the rest are only counted: a column of
    /// a million text numbers is a root cause, not a million lines (the count stays exact).
    static let listingLimit = 1000
    private struct RepeatKey: Hashable { var code: FindingCode; var column: Int }
    private var repeats: [RepeatKey: Int] = [:]

    private func report(_ issue: ValueIssue, at location: FindingLocation, raw: String?, indicator: String? = nil) {
        let key = RepeatKey(code: issue.code, column: location.cell?.column ?? 0)
        let seen = repeats[key, default: 0]
        repeats[key] = seen + 1
        if seen >= Self.listingLimit { return }
        findings.append(Finding(issue.code, severity: issue.severity, at: location, message: issue.message, raw: raw,
                                expected: issue.expected, hint: issue.hint, indicator: indicator))
    }

    /// One closing finding per root cause that went over the listing limit.
    private func closeRepeats() {
        for (key, count) in repeats.sorted(by: { ($0.key.column, $0.key.code) < ($1.key.column, $1.key.code) }) where count > Self.listingLimit {
            guard let last = findings.last(where: { $0.code == key.code && ($0.location.cell?.column ?? 0) == key.column }) else { continue }
            var closing = last
            closing.occurrences = count - Self.listingLimit
            closing.message = "and \(count - Self.listingLimit) more \(key.code.rawValue) finding(s) in this column, not listed one by one"
            findings.append(closing)
        }
    }

    // MARK: run

    func run() throws {
        // The file is parsed on the second core while this thread maps and checks the rows.
        let reader = PrefetchingRowReader(try document.rows(of: sheet))
        let neededCells = Set(collectCellSources())
        var fixedCells: [CellReference: CellValue] = [:]
        var headerRows: [Row] = []
        var headerStart = table.header.row
        var pending: Row?
        while let row = try reader.next() {
            for cell in row.cells {
                if let ref = CellReference(column: cell.column, row: row.index), neededCells.contains(ref) { fixedCells[ref] = cell.value }
            }
            if headerStart == nil, let find = table.header.find {
                let probe = table.header.findColumn.map { row.value(at: $0) } ?? row.cells.first(where: { !$0.value.isEmpty })?.value ?? .empty
                if find.matches(CellText.of(probe).trimmedSpaces) { headerStart = row.index }
            }
            guard let start = headerStart else {
                if row.index > 500 { break }
                continue
            }
            if row.index < start { continue }
            if row.index < start + table.header.rows {
                headerRows.append(row)
                if row.index == start + table.header.rows - 1 { break }
                continue
            }
            pending = row
            break
        }
        guard headerStart != nil, !headerRows.isEmpty else {
            let how = table.header.row.map { "row \($0)" } ?? "a row whose first cell matches /\(table.header.find?.source ?? "")/"
            findings.append(Finding(.headerNotFound, at: FindingLocation(file: document.file, sheet: sheetName),
                                    message: "table \"\(table.name)\": no header at \(how)", hint: "check header: in the mapping"))
            return
        }
        // A header over several rows spreads its group labels by the sheet's merged ranges; a
        // sheet that cannot be read a second time is reported by the main read.
        let merges = headerRows.count > 1 ? ((try? document.mergedCells(of: sheet)) ?? []) : []
        let labels = HeaderBuilder.labels(from: headerRows, merges: merges, text: { CellText.of($0.value) })
        let headerRow = headerRows.last!.index
        guard let bound = bind(labels: labels, headerRow: headerRows.first!.index, fixedCells: fixedCells) else { return }
        reportUnmapped(labels: labels, bound: bound, headerRow: headerRows.first!.index)
        defer { closeRepeats() }
        try readData(reader: reader, first: pending, afterHeader: headerRow, columns: bound.columns, dimensionColumns: bound.dimensionColumns,
                     fixedCells: fixedCells, labels: labels)
    }

    private func collectCellSources() -> [CellReference] {
        var refs: [CellReference] = []
        let all = [mapping.dimensions, table.dimensions] + table.values.map(\.dimensions)
        for dims in all { for (_, s) in dims { if case .cell(let ref) = s.origin { refs.append(ref) } } }
        return refs
    }

    // MARK: binding the header

    private struct Binding {
        var columns: [BoundColumn]
        /// Columns used by dimension sources (selector → column index).
        var dimensionColumns: [String: Int]
    }

    private func resolveColumn(_ selector: ColumnSelector, labels: [Int: String]) -> [Int] {
        switch selector {
        case .letter(let c): return [c]
        case .pattern(let p): return labels.keys.sorted().filter { p.matches(labels[$0]!) }
        case .label(let text):
            let key = LabelKey(text)
            let hits = labels.keys.sorted().filter { LabelKey(labels[$0]!) == key }
            if !hits.isEmpty { return hits }
            // A letter names a column when no header has that text and the column lies within the
            // header's width (StatBank sheets leave the dimension columns' headers blank).
            if text.count <= 3, text == text.uppercased(), let c = CellReference.columnIndex(text), c <= (labels.keys.max() ?? 0) { return [c] }
            return []
        }
    }

    private func bind(labels: [Int: String], headerRow: Int, fixedCells: [CellReference: CellValue]) -> Binding? {
        var dimensionColumns: [String: Int] = [:]
        var failed = false
        func need(_ selector: ColumnSelector, for what: String) {
            let key = selector.description
            if dimensionColumns[key] != nil { return }
            if let c = resolveColumn(selector, labels: labels).first { dimensionColumns[key] = c; return }
            failed = true
            findings.append(Finding(.missingColumn, at: FindingLocation(file: document.file, sheet: sheetName, row: headerRow),
                                    message: "table \"\(table.name)\": no column \(selector) for \(what) in the header",
                                    expected: labels.keys.sorted().prefix(12).map { labels[$0]! }.joined(separator: " | "),
                                    hint: "headers are compared ignoring case, accents and spaces; multi-row headers are joined with \" / \""))
        }
        var sources: [(Dimension, DimensionSource)] = []
        for dims in [mapping.dimensions, table.dimensions] + table.values.map(\.dimensions) { for (d, s) in dims { sources.append((d, s)) } }
        for (d, s) in sources { if case .column(let sel) = s.origin { need(sel, for: d.rawValue) } }
        for sel in table.fillDown { need(sel, for: "fill_down") }
        if let t = table.totals { need(t.column, for: "totals") }
        if let l = table.latestBy { need(l, for: "latest_by") }
        var claimed = Set(dimensionColumns.values)
        // Derived inputs may also be value columns: they do not claim their column.
        for d in table.derived { need(d.numerator, for: "derived \(d.indicator)"); need(d.denominator, for: "derived \(d.indicator)") }
        if failed { return nil }

        var columns: [BoundColumn] = []
        var tableResolvers: [Dimension: DimensionResolver] = [:]
        for d in Dimension.allCases {
            if let s = table.dimensions[d] ?? mapping.dimensions[d] {
                tableResolvers[d] = DimensionResolver(dimension: d, source: s, schema: schema, codeTables: mapping.codeTables)
            }
        }
        for spec in table.values {
            let hits = resolveColumn(spec.selector, labels: labels).filter { !claimed.contains($0) || spec.selector.isLetter }
            if hits.isEmpty {
                if spec.required {
                    findings.append(Finding(.missingColumn, at: FindingLocation(file: document.file, sheet: sheetName, row: headerRow),
                                            message: "table \"\(table.name)\": no value column \(spec.selector) in the header",
                                            expected: labels.keys.sorted().prefix(12).map { labels[$0]! }.joined(separator: " | "),
                                            hint: "check the header text or header_pattern in the mapping"))
                }
                continue
            }
            for c in hits {
                claimed.insert(c)
                var resolvers = tableResolvers
                for (d, s) in spec.dimensions { resolvers[d] = DimensionResolver(dimension: d, source: s, schema: schema, codeTables: mapping.codeTables) }
                let header = labels[c] ?? CellReference.columnLetters(c)
                var headerValues: [Dimension: DimensionResolver.Resolution] = [:]
                for (d, r) in resolvers {
                    switch r.source.origin {
                    case .header:
                        let res = r.resolve(header)
                        headerValues[d] = res
                        for issue in res.issues { report(issue, at: location(c, row: headerRow, header: header), raw: header) }
                    case .constant(let v):
                        headerValues[d] = r.resolve(v)
                    case .fileName:
                        headerValues[d] = r.resolve(fileName)
                    case .cell(let ref):
                        let res = r.resolve(fixedCells[ref].map(CellText.of) ?? "")
                        headerValues[d] = res
                        for issue in res.issues { report(issue, at: FindingLocation(file: document.file, sheet: sheetName, cell: ref), raw: fixedCells[ref].map(CellText.of)) }
                    case .column:
                        break
                    }
                }
                let headerUnit: UnitExpression? = UnitExpression.find(in: header)
                columns.append(BoundColumn(column: c, header: header, spec: spec, resolvers: resolvers, headerValues: headerValues,
                                           headerUnit: headerUnit, settings: spec.settings))
            }
        }
        var memoIDs: [ObjectIdentifier: Int] = [:]
        for i in columns.indices {
            var slots = [Slot](repeating: .none, count: Dimension.allCases.count)
            for d in Dimension.allCases {
                if let fixed = columns[i].headerValues[d] { slots[d.ordinal] = .fixed(fixed); continue }
                guard let resolver = columns[i].resolvers[d], case .column(let sel) = resolver.source.origin, let c = dimensionColumns[sel.description] else { continue }
                let id = memoIDs[ObjectIdentifier(resolver)] ?? memoIDs.count
                memoIDs[ObjectIdentifier(resolver)] = id
                slots[d.ordinal] = .column(resolver: resolver, memo: id, column: c)
            }
            columns[i].slots = slots
        }
        memoCount = memoIDs.count
        return Binding(columns: columns, dimensionColumns: dimensionColumns)
    }

    private func reportUnmapped(labels: [Int: String], bound: Binding, headerRow: Int) {
        let used = Set(bound.columns.map(\.column)).union(bound.dimensionColumns.values)
        for (c, label) in labels.sorted(by: { $0.key < $1.key }) where !used.contains(c) {
            if table.ignoreColumns.contains(where: { $0.matches(label) }) { continue }
            findings.append(Finding(.unmappedColumn, at: location(c, row: headerRow, header: label),
                                    message: "column \"\(label)\" is not used by table \"\(table.name)\"", raw: label,
                                    hint: "map it as a value column, or list it under ignore_columns"))
        }
    }

    // MARK: data

    private struct Pending {
        var observation: Observation
        var rowIndex: Int
        var isTotal: Bool
        var latestKey: String?
    }

    private func readData(reader: any RowReading, first: Row?, afterHeader: Int, columns: [BoundColumn], dimensionColumns: [String: Int],
                          fixedCells: [CellReference: CellValue], labels: [Int: String]) throws {
        let buffering = self.buffering
        var buffer: [Pending] = []
        var previousIndex = afterHeader
        var seenData = false
        var fillDown: [Int: CellValue] = [:]
        let fillColumns = table.fillDown.compactMap { dimensionColumns[$0.description] ?? resolveColumn($0, labels: labels).first }
        let totalsColumn = table.totals.flatMap { dimensionColumns[$0.column.description] }
        let latestColumn = table.latestBy.flatMap { dimensionColumns[$0.description] }
        var memo = RowMemo(count: memoCount)
        var row = first
        if row == nil { row = try reader.next() }
        while var current = row {
            defer { previousIndex = current.index }
            if current.cells.isEmpty, let formula = current.uncachedFormulas.first {
                // Not a blank row (the table goes on after it), but nothing in it can be read.
                let cells = current.uncachedFormulas.compactMap { CellReference(column: $0.column, row: current.index)?.description }
                report(ValueIssue(.formulaWithoutValue, "row \(current.index) holds only formulas saved without their computed values (\(cells.joined(separator: ", "))), so nothing in it can be read",
                                  expected: "the formulas' results, as Excel or LibreOffice save them",
                                  hint: "the file was saved by a program that does not calculate: open it in Excel or LibreOffice, save, and send it again"),
                       at: location(formula.column, row: current.index), raw: "=" + formula.formula)
                seenData = true
                rowsRead += 1
                row = try reader.next()
                continue
            }
            if current.isBlank || (current.index > previousIndex + 1 && seenData) {
                if table.end.blankRow && seenData { break }
                if current.isBlank { row = try reader.next(); continue }
            }
            if table.end.pattern != nil || !table.skip.isEmpty {
                let firstText = current.cells.first(where: { !$0.value.isEmpty }).map { CellText.of($0.value).trimmedSpaces } ?? ""
                if let end = table.end.pattern, end.matches(firstText) { break }
                if table.skip.contains(where: { $0.matches(firstText) }) { row = try reader.next(); continue }
            }
            seenData = true
            rowsRead += 1
            for c in fillColumns {
                let v = current.value(at: c)
                if v.isEmpty, let above = fillDown[c] { current.cells = Self.setting(current.cells, column: c, value: above) }
                else if !v.isEmpty { fillDown[c] = v }
            }
            let isTotal = totalsColumn.map { table.totals!.pattern.matches(CellText.of(current.value(at: $0)).trimmedSpaces) } ?? false
            let latestKey = latestColumn.map { CellText.of(current.value(at: $0)) }
            try processRow(current, columns: columns, dimensionColumns: dimensionColumns, memo: &memo)
            if buffering {
                for o in produced { buffer.append(Pending(observation: o, rowIndex: current.index, isTotal: isTotal, latestKey: latestKey)) }
            }
            row = try reader.next()
        }
        if buffering { try flush(buffer, latestColumn: latestColumn, totalsColumn: totalsColumn) }
    }

    private static func setting(_ cells: [Cell], column: Int, value: CellValue) -> [Cell] {
        var cells = cells
        if let i = cells.firstIndex(where: { $0.column == column }) { cells[i].value = value }
        else { cells.append(Cell(column: column, value: value)); cells.sort { $0.column < $1.column } }
        return cells
    }

    /// A class: handed out once per value, and copying the settings' and markers' references
    /// out of the cache cost more than the parse.
    private final class PreparedSettings {
        let settings: ValueSettings
        /// The parser's context for these settings; each value sets its year and format.
        var context: ValueParser.Context

        init(settings: ValueSettings, context: ValueParser.Context) {
            self.settings = settings
            self.context = context
        }
    }

    private struct SettingsKey: Hashable {
        var column: Int
        var indicator: String
        var unit: String?
        var locale: String?
    }

    private var preparedCache: [SettingsKey: PreparedSettings] = [:]

    /// The value settings of one column and indicator (mapping < table < indicator < column, then
    /// the row's unit and locale), merged once and reused for every row that has the same.
    private func preparedSettings(column: BoundColumn, indicator ref: IndicatorRef, indicatorID: String, unitText: String?, localeText: String?) -> PreparedSettings {
        let slot = ref.ordinal
        if slot < column.preparedByIndicator.count, let hit = column.preparedByIndicator[slot], hit.unit == unitText, hit.locale == localeText {
            return hit.settings
        }
        let prepared = preparedSettings(column: column, indicator: ref.indicator, indicatorID: indicatorID, unitText: unitText, localeText: localeText)
        if slot >= column.preparedByIndicator.count {
            column.preparedByIndicator += Array(repeating: nil, count: slot + 1 - column.preparedByIndicator.count)
        }
        column.preparedByIndicator[slot] = (unitText, localeText, prepared)
        return prepared
    }

    /// The merge itself, kept by key: a column whose rows alternate units refills its slot from here.
    private func preparedSettings(column: BoundColumn, indicator: Indicator, indicatorID: String, unitText: String?, localeText: String?) -> PreparedSettings {
        let key = SettingsKey(column: column.column, indicator: indicatorID, unit: unitText, locale: localeText)
        if let hit = preparedCache[key] { return hit }
        var settings = mapping.settings.merged(over: ValueSettings())
        settings = table.settings.merged(over: settings)
        if let s = table.indicatorSettings[indicatorID] { settings = s.merged(over: settings) }
        settings = column.settings.merged(over: settings)
        if let unitText {
            settings.unit = UnitExpression.parse(unitText) ?? UnitExpression.find(in: unitText) ?? UnitExpression()
        } else if column.spec.settings.unit == nil, let hu = column.headerUnit {
            settings.unit = hu
        }
        var localeDeclared = settings.locale != nil
        if let localeText {
            settings.locale = NumberLocale.named(localeText) ?? settings.locale
            localeDeclared = false
        }
        let context = ValueParser.Context(indicator: indicator, settings: settings,
                                          markers: markers.merging(Self.markerKeys(settings.markers)) { _, n in n },
                                          localeDeclared: localeDeclared, year: 0, formatKind: .general, fromWorkbook: document.format == .xlsx)
        let prepared = PreparedSettings(settings: settings, context: context)
        if preparedCache.count < 10_000 { preparedCache[key] = prepared }
        return prepared
    }


    /// An indicator of the schema behind one reference: every value asks for its indicator, and
    /// copying the struct out of the schema cost a dozen retains.
    private final class IndicatorRef {
        let indicator: Indicator
        /// Numbers the indicators this table met, for per-column slots.
        let ordinal: Int
        init(_ indicator: Indicator, ordinal: Int) {
            self.indicator = indicator
            self.ordinal = ordinal
        }
    }

    private var indicatorRefs: [String: IndicatorRef] = [:]
    /// The last indicator looked up: consecutive values mostly share it, and comparing the same
    /// string is cheaper than hashing it.
    private var lastIndicator: (id: String, ref: IndicatorRef)?

    private func indicator(_ id: String) -> IndicatorRef? {
        if let last = lastIndicator, last.id == id { return last.ref }
        let ref: IndicatorRef
        if let known = indicatorRefs[id] { ref = known } else {
            guard let indicator = schema.indicator(id) else { return nil }
            ref = IndicatorRef(indicator, ordinal: indicatorRefs.count)
            indicatorRefs[id] = ref
        }
        lastIndicator = (id, ref)
        return ref
    }

    /// What each resolver gave for the current row, so a row resolves (and reports) each source
    /// once. Owned by the row loop and passed inout: a class property would cost an exclusivity
    /// check on every access.
    private struct RowMemo {
        var row: [Int]
        var values: [DimensionResolver.Resolution?]
        init(count: Int) {
            row = Array(repeating: -1, count: count)
            values = Array(repeating: nil, count: count)
        }
    }

    /// The observations of the row being processed, when they wait for the table's end; one
    /// array reused for every row.
    private var produced: [Observation] = []

    private func deliver(_ o: __owned Observation) throws {
        if buffering { produced.append(o) } else { try emit(o) }
    }

    private func processRow(_ row: Row, columns: [BoundColumn], dimensionColumns: [String: Int], memo: inout RowMemo) throws {
        if !produced.isEmpty { produced.removeAll(keepingCapacity: true) }
        var rowFailed = false
        let rowIndex = row.index
        // With one value column (a long file) each source is asked once per row: no memo.
        let useMemo = columns.count > 1
        func value(_ d: Dimension, _ column: BoundColumn) -> DimensionResolver.Resolution? {
            switch column.slots[d.ordinal] {
            case .none: return nil
            case .fixed(let r): return r
            case .column(let resolver, let slot, let c):
                if useMemo, memo.row[slot] == rowIndex, let hit = memo.values[slot] { return hit }
                let raw = CellText.of(row, column: c)
                let res: DimensionResolver.Resolution
                if d == .indicator, !table.ignoreRows.isEmpty, table.ignoreRows.contains(where: { $0.matches(raw.trimmedSpaces) }) {
                    res = DimensionResolver.Resolution(value: "-")
                } else {
                    res = resolver.resolve(raw)
                    for issue in res.issues { report(issue, at: location(c, row: rowIndex, header: nil), raw: raw) }
                }
                if useMemo {
                    memo.row[slot] = rowIndex
                    memo.values[slot] = res
                }
                return res
            }
        }
        /// The text of a dimension's own cell (a status column's `provisoire`), for the comment.
        func rawText(_ d: Dimension, _ column: BoundColumn) -> String? {
            if case .column(_, _, let c) = column.slots[d.ordinal] { return CellText.of(row, column: c) }
            return nil
        }
        var derivedContext: (cluster: String, region: String, year: Int, status: ObservationStatus)?
        for column in columns {
            let indicatorRes = value(.indicator, column)
            guard let indicatorRes, !indicatorRes.isIgnoredRow, let indicatorID = indicatorRes.value, !indicatorRes.failed,
                  let indicatorRef = indicator(indicatorID) else { continue }
            let regionRes = value(.region, column)
            let yearRes = value(.year, column)
            let clusterRes = value(.clusterID, column)
            if regionRes?.failed ?? false || yearRes?.failed ?? false || clusterRes?.failed ?? false { rowFailed = true; continue }
            let cellValue = row.value(at: column.column)
            // Built only when something is reported: most values report nothing.
            func here() -> FindingLocation { location(column.column, row: rowIndex, header: column.header) }
            guard let region = regionRes?.value else {
                if !rowFailed { report(ValueIssue(.unknownRegion, "no region for this value", hint: "set region: in the mapping"), at: here(), raw: CellText.of(cellValue), indicator: indicatorID) }
                rowFailed = true
                continue
            }
            guard let year = yearRes?.year else {
                if !cellValue.isEmpty { report(ValueIssue(.missingYear, "no year for this value", expected: "a year", hint: "set year: in the mapping"), at: here(), raw: CellText.of(cellValue), indicator: indicatorID) }
                continue
            }
            let cluster = clusterRes?.value ?? mapping.partner
            let unitText = value(.unit, column)?.value
            let localeText = value(.locale, column)?.value
            let prepared = preparedSettings(column: column, indicator: indicatorRef, indicatorID: indicatorID, unitText: unitText, localeText: localeText)
            if !(schema.yearRange.contains(year)) {
                report(ValueIssue(.yearOutOfRange, "year \(year) is outside \(schema.yearRange.lowerBound)–\(schema.yearRange.upperBound)"), at: here(), raw: CellText.of(cellValue), indicator: indicatorID)
                continue
            }
            if cellValue.isEmpty, !row.uncachedFormulas.isEmpty, let formula = row.uncachedFormula(at: column.column) {
                report(ValueIssue(.formulaWithoutValue, "the cell holds the formula =\(formula.formula) but no computed value, so there is no value to read",
                                  expected: "the formula's result, as Excel or LibreOffice save it",
                                  hint: "the file was saved by a program that does not calculate: open it in Excel or LibreOffice, save, and send it again"),
                       at: here(), raw: "=" + formula.formula, indicator: indicatorID)
                continue
            }
            let context = prepared.context
            context.year = year
            context.formatKind = document.format == .xlsx ? document.formatKind(ofIndex: row.formatIndex(at: column.column)) : .general
            var parsed = parser.parse(cellValue, context)
            if !parsed.issues.isEmpty {
                let at = here(), raw = CellText.of(cellValue)
                for issue in parsed.issues { report(issue, at: at, raw: raw, indicator: indicatorID) }
            }
            if parsed.skip || parsed.rejected { continue }
            var notes = parsed.notes
            if let statusRes = value(.status, column), let status = statusRes.status {
                parsed.flags.add(status)
                if status != .normal, let statusRaw = rawText(.status, column), !statusRaw.isEmpty { notes.append(statusRaw.trimmedSpaces) }
            }
            if let s = table.statusByYear[year] { parsed.flags.add(s) }
            let status = parsed.flags.resolved
            if parsed.flags.count > 1, !status.withholdsValue {
                report(ValueIssue(.statusConflict, "markers \(parsed.flags.flags.map(\.rawValue).joined(separator: ", ")) on one value; \(status.rawValue) wins (precedence C > M > N > E > P > B > A), the others are kept in the comment"),
                       at: here(), raw: CellText.of(cellValue), indicator: indicatorID)
            }
            var comment: String?
            if !notes.isEmpty || prepared.settings.comment != nil || column.slots[Dimension.comment.ordinal].isSet {
                var parts = notes.filter { !$0.isEmpty }
                if let c = value(.comment, column)?.value, !c.isEmpty { parts.append(c) }
                if let c = prepared.settings.comment { parts.append(c) }
                comment = parts.isEmpty ? nil : parts.joined(separator: "; ")
            }
            if status.withholdsValue { parsed.value = nil }
            try deliver(Observation(key: .init(clusterID: cluster, region: region, year: year, indicator: indicatorID), value: parsed.value,
                                    unit: indicatorRef.indicator.unit, status: status, comment: comment,
                                    provenance: Provenance(file: document.file, sheet: sheetName, cell: CellReference(column: column.column, row: rowIndex),
                                                           columnHeader: column.header, original: cellValue, originalUnit: parsed.originalUnit,
                                                           conversion: parsed.conversion)))
            derivedContext = (cluster, region, year, status)
        }
        if let ctx = derivedContext {
            for d in table.derived {
                guard let nc = dimensionColumns[d.numerator.description], let dc = dimensionColumns[d.denominator.description],
                      let num = number(row.value(at: nc)), let den = number(row.value(at: dc)), den != 0, let indicator = schema.indicator(d.indicator) else { continue }
                var v = num / den * d.factor
                if let decimals = indicator.decimals { v = ValueParser.rounded(v, decimals: decimals) }
                let numRef = CellReference(column: nc, row: row.index), denRef = CellReference(column: dc, row: row.index)
                let text = "=\(numRef?.description ?? "?")/\(denRef?.description ?? "?")*\(NumberFormatting.plain(d.factor))"
                try deliver(Observation(key: .init(clusterID: ctx.cluster, region: ctx.region, year: ctx.year, indicator: d.indicator), value: .number(v),
                                       unit: indicator.unit, status: ctx.status.withholdsValue ? .normal : ctx.status,
                                       comment: "derived: \(d.numerator) / \(d.denominator) × \(NumberFormatting.plain(d.factor))",
                                       provenance: Provenance(file: document.file, sheet: sheetName, cell: numRef, columnHeader: nil, originalText: text, originalUnit: nil)))
            }
        }
    }

    /// A derived mapping's input: a numeric cell, or text read with the table's locale.
    private func number(_ v: CellValue) -> Double? {
        switch v {
        case .number(let d): return d
        case .string(let t):
            let locale = table.settings.locale ?? mapping.settings.locale ?? .automatic
            if case .value(let d) = LocaleNumberParser.read(Substring(t.trimmedSpaces), locale: locale) { return d }
            return nil
        default: return nil
        }
    }

    /// Timestamps compared as dates when both read as one (`15/03/2024` vs `02/04/2024`, ISO,
    /// Excel date cells), else as text.
    static func isEarlier(_ a: String?, than b: String?) -> Bool {
        let a = a ?? "", b = b ?? ""
        if let da = TextDate.parse(a), let db = TextDate.parse(b) { return da < db }
        return a < b
    }

    static func markerKeys(_ markers: [String: ObservationStatus]) -> [String: ObservationStatus] {
        var out = markers
        for (k, v) in markers where out[k.lowercased()] == nil { out[k.lowercased()] = v }
        return out
    }

    // MARK: totals and repeated answers

    private func flush(_ buffer: [Pending], latestColumn: Int?, totalsColumn: Int?) throws {
        var items = buffer
        if let latestColumn {
            // Latest answer wins per observation key; each superseded row is reported once.
            var best: [Observation.Key: Int] = [:]
            for (i, p) in items.enumerated() {
                if let j = best[p.observation.key] {
                    if !Self.isEarlier(p.latestKey, than: items[j].latestKey) { best[p.observation.key] = i }
                } else { best[p.observation.key] = i }
            }
            var superseded: [Int: Int] = [:]
            for (i, p) in items.enumerated() where best[p.observation.key] != i {
                superseded[p.rowIndex] = items[best[p.observation.key]!].rowIndex
            }
            for (old, new) in superseded.sorted(by: { $0.key < $1.key }) {
                let oldKey = items.first { $0.rowIndex == old }?.latestKey ?? ""
                let newKey = items.first { $0.rowIndex == new }?.latestKey ?? ""
                findings.append(Finding(.duplicateResponse, at: location(latestColumn, row: old),
                                        message: "row \(old) (\(oldKey)) answers for the same cluster as row \(new) (\(newKey)); the later answer wins",
                                        raw: oldKey, hint: "the superseded answer is not harmonised"))
            }
            items = items.enumerated().filter { best[$0.element.observation.key] == $0.offset }.map(\.element)
        }
        guard let totals = table.totals else {
            for p in items { try emit(p.observation) }
            return
        }
        var totalByKey: [Observation.Key: Pending] = [:]
        var partsByKey: [Observation.Key: [Pending]] = [:]
        var order: [Observation.Key] = []
        for p in items {
            let k = p.observation.key
            if totalByKey[k] == nil && partsByKey[k] == nil { order.append(k) }
            if p.isTotal { totalByKey[k] = p } else { partsByKey[k, default: []].append(p) }
        }
        var reportedRows = Set<Int>()
        for k in order {
            let parts = partsByKey[k] ?? []
            let known = parts.compactMap { $0.observation.value?.number }
            let sum = known.reduce(0, +)
            let withheld = parts.filter { $0.observation.status.withholdsValue }.count
            if let total = totalByKey[k] {
                if !parts.isEmpty, let t = total.observation.value?.number {
                    if sum > t + 1e-6 * max(1, abs(t)) {
                        findings.append(Finding(.partsExceedTotal, at: total.observation.provenance.location,
                                                message: "the \(parts.count) part rows of \(k.indicator) \(k.year) add up to \(NumberFormatting.plain(sum)), more than the total \(NumberFormatting.plain(t))",
                                                raw: total.observation.provenance.originalText, indicator: k.indicator))
                    } else if withheld > 0, abs(sum - t) < 0.5 {
                        findings.append(Finding(.totalExcludesMissingParts, at: total.observation.provenance.location,
                                                message: "the total \(NumberFormatting.plain(t)) of \(k.indicator) \(k.year) is the sum of the known parts only; \(withheld) part(s) are missing",
                                                raw: total.observation.provenance.originalText, indicator: k.indicator))
                    }
                }
                if totals.use == .total || parts.isEmpty {
                    if !parts.isEmpty, reportedRows.insert(total.rowIndex).inserted {
                        findings.append(Finding(.totalAndParts, at: location(totalsColumn, row: total.rowIndex),
                                                message: "table \"\(table.name)\" has a total row and part rows; the total row is used, the parts are only checked against it",
                                                raw: CellText.of(.string(total.observation.provenance.originalText))))
                    }
                    try emit(total.observation)
                    continue
                }
                if reportedRows.insert(total.rowIndex).inserted {
                    findings.append(Finding(.totalAndParts, at: location(totalsColumn, row: total.rowIndex),
                                            message: "table \"\(table.name)\" has a total row and part rows; the parts are summed, the total row is only checked"))
                }
            }
            guard let first = parts.first else { continue }
            if parts.count == 1 { try emit(first.observation); continue }
            var o = first.observation
            if known.isEmpty {
                o.value = nil
                o.status = parts.map(\.observation.status).max() ?? .missing
            } else {
                o.value = .number(sum)
                let statuses = parts.filter { !$0.observation.status.withholdsValue }.map(\.observation.status)
                o.status = statuses.max() ?? .normal
                if withheld > 0 { o.status = max(o.status, .estimated); o.comment = "sum of \(known.count) of \(parts.count) parts; \(withheld) missing" }
                else { o.comment = "sum of \(parts.count) parts" }
            }
            o.provenance.summedCells = parts.compactMap(\.observation.provenance.cell)
            try emit(o)
        }
    }
}

extension ColumnSelector {
    var isLetter: Bool { if case .letter = self { return true } else { return false } }
}

import Foundation
import SpreadsheetIO

/// Reads a partner mapping file against the schema. Every mistake — an unknown key, an
/// indicator or region the schema does not have, a regex that does not compile — is a
/// `ConfigurationError` at `file:line:column` quoting the line.
public struct MappingLoader {
    public let schema: IndicatorSchema

    public init(schema: IndicatorSchema) { self.schema = schema }

    public func load(path: String, displayName: String? = nil) throws -> PartnerMapping {
        let name = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else { throw ConfigurationError(file: name, message: "cannot read the mapping file") }
        return try parse(String(decoding: data, as: UTF8.self), file: name)
    }

    static let settingKeys: Set<String> = ["locale", "percent", "markers", "value_suffixes", "ranges", "empty", "currency", "krone", "codes", "unit", "comment"]
    static let dimensionKeys: Set<String> = Set(Dimension.allCases.map(\.rawValue))

    public func parse(_ text: String, file: String) throws -> PartnerMapping {
        let root = try ConfigNode.parse(text, file: file)
        try root.checkKeys(Self.settingKeys.union(Self.dimensionKeys).union(["mapping_version", "partner", "files", "csv", "code_tables", "tables", "schema"]))
        var mapping = PartnerMapping(file: file, version: try root.required("mapping_version").string(), partner: try root.required("partner").string())
        if let files = root["files"] { mapping.files = try files.itemsOrSingle().map(pattern) }
        if let csv = root["csv"] {
            try csv.checkKeys(["encoding", "delimiter", "quote"])
            if let e = csv["encoding"] {
                let label = try e.string()
                guard let encoding = TextEncoding(label: label.replacingOccurrences(of: "-sig", with: "")) else {
                    throw e.error("unknown encoding \"\(label)\"; use utf-8, utf-8-sig, cp1252, cp1251, latin1, iso-8859-2, iso-8859-15, utf-16le")
                }
                mapping.csv.encoding = encoding
            }
            if let d = csv["delimiter"] {
                let text = try d.string()
                let quote = try csv["quote"]?.string()
                guard text.count == 1, let dialect = CSVDialect(delimiter: text == "\\t" ? "\t" : Character(text), quote: quote.flatMap { $0.first } ?? "\"") else {
                    throw d.error("a delimiter is one character such as \";\" or \",\"")
                }
                mapping.csv.dialect = dialect
            }
        }
        for (tableName, _, tableNode) in try root["code_tables"]?.entries() ?? [] {
            var table: [LabelKey: String] = [:]
            for (key, _, value) in try tableNode.entries() { table[LabelKey(key)] = try value.string() }
            mapping.codeTables[tableName] = table
        }
        mapping.settings = try settings(root, mapping: mapping)
        mapping.dimensions = try dimensions(root, mapping: mapping)
        let tables = try root.required("tables").items()
        guard !tables.isEmpty else { throw try root.required("tables").error("a mapping needs at least one table") }
        for tableNode in tables { mapping.tables.append(try table(tableNode, mapping: mapping)) }
        return mapping
    }

    // MARK: tables

    private func table(_ node: ConfigNode, mapping: PartnerMapping) throws -> TableMapping {
        try node.checkKeys(Self.settingKeys.union(Self.dimensionKeys).union([
            "name", "file", "sheet", "header", "end", "skip_rows", "fill_down", "values", "indicators", "status_by_year", "totals",
            "latest_by", "ignore_columns", "ignore_rows", "derived", "layout",
        ]))
        var table = TableMapping(name: try node["name"]?.string() ?? (try node["sheet"]?.string() ?? "table"))
        table.line = node.line
        if let f = node["file"] { table.files = try f.itemsOrSingle().map(pattern) }
        if let sheet = node["sheet"] {
            if sheet.isMapping {
                try sheet.checkKeys(["name", "index", "pattern"])
                if let i = sheet["index"] { table.sheet = .index(try i.int()) }
                else if let p = sheet["pattern"] { table.sheet = .pattern(try pattern(p)) }
                else { table.sheet = .name(try sheet.required("name").string()) }
            } else {
                table.sheet = .name(try sheet.string())
            }
        }
        if let header = node["header"] {
            try header.checkKeys(["row", "find", "column", "rows"])
            if let r = header["row"] { table.header.row = try positive(r) }
            if let f = header["find"] { table.header.find = try pattern(f) }
            if let c = header["column"] { table.header.findColumn = try letter(c) }
            if let r = header["rows"] { table.header.rows = try positive(r) }
            if table.header.row == nil && table.header.find == nil { table.header.row = 1 }
        } else {
            table.header.row = 1
        }
        if let end = node["end"] {
            try end.checkKeys(["blank_row", "pattern"])
            if let b = end["blank_row"] { table.end.blankRow = try b.bool() }
            if let p = end["pattern"] { table.end.pattern = try pattern(p) }
        }
        table.skip = try node["skip_rows"]?.itemsOrSingle().map(pattern) ?? []
        table.fillDown = try node["fill_down"]?.itemsOrSingle().map(columnSelector) ?? []
        table.settings = try settings(node, mapping: mapping)
        table.dimensions = try dimensions(node, mapping: mapping)
        for (id, keyNode, value) in try node["indicators"]?.entries() ?? [] {
            guard schema.indicator(id) != nil else { throw keyNode.error(unknownIndicator(id)) }
            try value.checkKeys(Self.settingKeys)
            table.indicatorSettings[id] = try settings(value, mapping: mapping)
        }
        for (yearText, keyNode, value) in try node["status_by_year"]?.entries() ?? [] {
            guard let year = Int(yearText) else { throw keyNode.error("status_by_year is keyed by year, e.g. 2023: P") }
            table.statusByYear[year] = try status(value)
        }
        if let totals = node["totals"] {
            try totals.checkKeys(["column", "pattern", "use"])
            let useNode = try totals.required("use")
            guard let use = TableMapping.Totals.Use(rawValue: try useNode.string()) else {
                throw useNode.error("totals.use is \"total\" (keep the total row, check the parts against it) or \"parts\" (sum the parts, check the total)")
            }
            table.totals = .init(column: try columnSelector(try totals.required("column")), pattern: try pattern(try totals.required("pattern")), use: use)
        }
        if let l = node["latest_by"] { table.latestBy = try columnSelector(l) }
        table.ignoreColumns = try node["ignore_columns"]?.itemsOrSingle().map(pattern) ?? []
        table.ignoreRows = try node["ignore_rows"]?.itemsOrSingle().map(pattern) ?? []
        let valuesNode = try node.required("values")
        for v in try valuesNode.itemsOrSingle() { table.values.append(try valueColumn(v, mapping: mapping)) }
        for d in try node["derived"]?.items() ?? [] {
            try d.checkKeys(["indicator", "numerator", "denominator", "factor"])
            let idNode = try d.required("indicator")
            let id = try idNode.string()
            guard schema.indicator(id) != nil else { throw idNode.error(unknownIndicator(id)) }
            table.derived.append(.init(indicator: id, numerator: try columnSelector(try d.required("numerator")),
                                       denominator: try columnSelector(try d.required("denominator")), factor: try d["factor"]?.double() ?? 1))
        }
        if table.dimensions[.indicator] == nil, table.values.contains(where: { $0.dimensions[.indicator] == nil }) {
            throw valuesNode.error("every value column needs an indicator: set \"indicator\" on the table (e.g. {column: Codi, map: …}) or on each value column")
        }
        return table
    }

    private func valueColumn(_ node: ConfigNode, mapping: PartnerMapping) throws -> TableMapping.ValueColumn {
        if !node.isMapping {
            var column = TableMapping.ValueColumn(selector: .label(try node.string()))
            column.line = node.line
            return column
        }
        try node.checkKeys(Self.settingKeys.union(Self.dimensionKeys).union(["header", "header_pattern", "column", "optional"]))
        let selector: ColumnSelector
        if let h = node["header"] { selector = .label(try h.string()) }
        else if let p = node["header_pattern"] { selector = .pattern(try pattern(p)) }
        else if let c = node["column"] { selector = .letter(try letter(c)) }
        else { throw node.error("a value column is chosen by header, header_pattern or column (a letter)") }
        var column = TableMapping.ValueColumn(selector: selector)
        column.line = node.line
        column.required = !(try node["optional"]?.bool() ?? false)
        column.dimensions = try dimensions(node, mapping: mapping)
        column.settings = try settings(node, mapping: mapping)
        return column
    }

    // MARK: dimensions

    private func dimensions(_ node: ConfigNode, mapping: PartnerMapping) throws -> [Dimension: DimensionSource] {
        var out: [Dimension: DimensionSource] = [:]
        for dimension in Dimension.allCases {
            guard let child = node[dimension.rawValue] else { continue }
            // A scalar locale or unit is a setting, not a per-row dimension.
            if (dimension == .locale || dimension == .unit), !child.isMapping { continue }
            out[dimension] = try source(child, dimension: dimension, mapping: mapping)
        }
        return out
    }

    private func source(_ node: ConfigNode, dimension: Dimension, mapping: PartnerMapping) throws -> DimensionSource {
        if !node.isMapping {
            let value = try node.string()
            try checkValue(value, for: dimension, at: node)
            var s = DimensionSource.constant(value)
            s.line = node.line
            return s
        }
        try node.checkKeys(["constant", "column", "column_pattern", "header", "cell", "file_name", "pattern", "map", "map_patterns",
                            "table", "default", "labels", "normalise", "fold_homoglyphs", "pass_through"])
        var source: DimensionSource
        if let c = node["constant"] {
            let value = try c.string()
            try checkValue(value, for: dimension, at: c)
            source = .constant(value)
        } else if let c = node["column"] { source = DimensionSource(origin: .column(try columnSelector(c))) }
        else if let c = node["column_pattern"] { source = DimensionSource(origin: .column(.pattern(try pattern(c)))) }
        else if let h = node["header"] {
            source = DimensionSource(origin: .header)
            if !(h.isScalar && ["true", "yes"].contains((try? h.string()) ?? "")) { source.pattern = try pattern(h) }
        } else if let c = node["cell"] {
            let text = try c.string()
            guard let ref = CellReference(text) else { throw c.error("\"\(text)\" is not a cell reference such as B2") }
            source = DimensionSource(origin: .cell(ref))
        } else if let f = node["file_name"] {
            source = DimensionSource(origin: .fileName)
            source.pattern = try pattern(f)
        } else {
            throw node.error("say where \(dimension.rawValue) comes from: constant, column, column_pattern, header, cell or file_name")
        }
        source.line = node.line
        if let p = node["pattern"] { source.pattern = try pattern(p) }
        for (key, _, value) in try node["map"]?.entries() ?? [] {
            let target = try value.string()
            try checkValue(target, for: dimension, at: value)
            source.map[LabelKey(key)] = target
        }
        if let list = node["map_patterns"] {
            for (key, keyNode, value) in try list.entries() {
                let target = try value.string()
                try checkValue(target, for: dimension, at: value)
                source.mapPatterns.append((try pattern(keyNode), target))
                _ = key
            }
        }
        if let t = node["table"] {
            let name = try t.string()
            guard let table = mapping.codeTables[name] else {
                throw t.error("no code table \"\(name)\"; declare it under code_tables" + (mapping.codeTables.isEmpty ? "" : " (have: \(mapping.codeTables.keys.sorted().joined(separator: ", ")))"))
            }
            for (_, target) in table { try checkValue(target, for: dimension, at: t) }
            source.table = name
        }
        if let d = node["default"] {
            let value = try d.string()
            try checkValue(value, for: dimension, at: d)
            source.defaultValue = value
        }
        if let l = node["labels"] { source.matchSchemaLabels = try l.bool() }
        if let n = node["normalise"] {
            guard try n.string() == "code" else { throw n.error("normalise: code (uppercase, no spaces) is the one normalisation") }
            source.normaliseCode = true
        }
        if let f = node["fold_homoglyphs"] { source.foldHomoglyphs = try f.bool() }
        if let p = node["pass_through"] { source.passThrough = try p.bool() }
        return source
    }

    /// Constants and lookup targets are checked against the schema when the mapping loads.
    private func checkValue(_ value: String, for dimension: Dimension, at node: ConfigNode) throws {
        switch dimension {
        case .indicator:
            guard schema.indicator(value) != nil || value == "-" else { throw node.error(unknownIndicator(value)) }
        case .region:
            guard schema.region(value) != nil || value == "-" else {
                throw node.error("unknown region \"\(value)\": not in the schema's region code list (NUTS 2021 or a custom X- region)")
            }
        case .status:
            guard ObservationStatus(rawValue: value) != nil else { throw node.error("unknown status \"\(value)\"; use A, E, P, B, C, M or N") }
        case .year:
            if Int(value) == nil, value != "-" { throw node.error("a year is written as 2023, got \"\(value)\"") }
        case .locale:
            guard NumberLocale.named(value) != nil else { throw node.error("unknown locale \"\(value)\"; use a language such as es, fr, de, bg, da, en, ch or auto") }
        case .clusterID:
            guard value.first?.isLowercase ?? false, !value.contains(" ") else { throw node.error("a cluster id is a lower-case slug such as cebr-flanders, got \"\(value)\"") }
        case .unit, .comment: break
        }
    }

    private func unknownIndicator(_ id: String) -> String {
        let closest = schema.indicators.map(\.id).min { EditDistance.between($0, id) < EditDistance.between($1, id) }
        var message = "unknown indicator \"\(id)\""
        if let closest, EditDistance.between(closest, id) <= 4 { message += "; did you mean \"\(closest)\"?" }
        return message
    }

    // MARK: settings

    private func settings(_ node: ConfigNode, mapping: PartnerMapping) throws -> ValueSettings {
        var s = ValueSettings()
        if let l = node["locale"], !l.isMapping {
            let name = try l.string()
            guard let locale = NumberLocale.named(name) else { throw l.error("unknown locale \"\(name)\"; use a language such as es, fr, de, bg, da, en, ch or auto") }
            s.locale = locale
        }
        if let p = node["percent"] {
            guard let convention = ValueSettings.PercentConvention(rawValue: try p.string()) else {
                throw p.error("percent is fraction (0.68 means 68 %), percent (0.47 means 0.47 %) or auto")
            }
            s.percent = convention
        }
        if let u = node["unit"], !u.isMapping {
            let text = try u.string()
            guard let unit = UnitExpression.parse(text) else { throw u.error("unit \"\(text)\" is not understood; write it as the file does, e.g. M€, k€, T€, Mio. €, хил. лв., mio. kr.") }
            s.unit = unit
        }
        for (marker, _, value) in try node["markers"]?.entries() ?? [] {
            let st = try status(value)
            guard st.withholdsValue else { throw value.error("a missing-value marker means C, M or N") }
            s.markers[marker] = st
        }
        if let v = node["value_suffixes"] {
            var flags: [String: ObservationStatus] = [:]
            for (suffix, _, value) in try v.entries() { flags[suffix] = try status(value) }
            s.suffixFlags = flags
        }
        if let r = node["ranges"] {
            guard let policy = ValueSettings.RangePolicy(rawValue: try r.string()) else { throw r.error("ranges is midpoint or reject") }
            s.ranges = policy
        }
        if let e = node["empty"] {
            let text = try e.string()
            if text == "skip" { s.empty = .skip }
            else if let st = ObservationStatus(rawValue: text), st.withholdsValue { s.empty = .status(st) }
            else { throw e.error("empty is skip, M, C or N") }
        }
        if let c = node["currency"] {
            let code = try c.string()
            guard code.count == 3, code == code.uppercased() else { throw c.error("currency is an ISO code such as EUR, DKK, BGN") }
            s.currency = code
        }
        if let k = node["krone"] {
            let code = try k.string()
            guard ["DKK", "SEK", "NOK"].contains(code) else { throw k.error("krone is DKK, SEK or NOK") }
            s.krone = code
        }
        for (label, _, value) in try node["codes"]?.entries() ?? [] { s.codes[LabelKey(label)] = try value.string() }
        if let c = node["comment"], !c.isMapping { s.comment = try c.string() }
        return s
    }

    // MARK: small readers

    private func pattern(_ node: ConfigNode) throws -> MatchPattern {
        let text = try node.string()
        do { return try MatchPattern(text) } catch { throw node.error("invalid regular expression \"\(text)\"") }
    }

    private func positive(_ node: ConfigNode) throws -> Int {
        let v = try node.int()
        guard v >= 1 else { throw node.error("rows are numbered from 1") }
        return v
    }

    private func letter(_ node: ConfigNode) throws -> Int {
        let text = try node.string()
        guard let c = CellReference.columnIndex(text.uppercased()) else { throw node.error("\"\(text)\" is not a column letter such as A or AB") }
        return c
    }

    private func columnSelector(_ node: ConfigNode) throws -> ColumnSelector {
        if node.isMapping {
            try node.checkKeys(["header", "header_pattern", "column"])
            if let h = node["header"] { return .label(try h.string()) }
            if let p = node["header_pattern"] { return .pattern(try pattern(p)) }
            return .letter(try letter(try node.required("column")))
        }
        return .label(try node.string())
    }

    private func status(_ node: ConfigNode) throws -> ObservationStatus {
        let text = try node.string()
        guard let s = ObservationStatus(rawValue: text) else { throw node.error("unknown status \"\(text)\"; use A, E, P, B, C, M or N") }
        return s
    }
}

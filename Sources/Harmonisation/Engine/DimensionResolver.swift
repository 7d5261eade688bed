/// Resolves the text of one dimension source to its value (an indicator id, a region code, a
/// year, a status…) and caches the answer per distinct text: a long file repeats the same few
/// labels a million times.
final class DimensionResolver {
    /// A class: a row hands the same answer to every value column, and one reference costs one
    /// retain where a struct's fields cost several.
    final class Resolution {
        let value: String?
        let issues: [ValueIssue]
        /// The row or value cannot be placed: stop with the issues, no observation.
        let failed: Bool
        /// `value` read once as a year and as a status code: every observation asks.
        let year: Int?
        let status: ObservationStatus?
        /// `value` is `-`, the indicator of an ignored row: asked once per value, and comparing
        /// a label with a one-character literal is no identity check.
        let isIgnoredRow: Bool

        init(value: String?, issues: [ValueIssue] = [], failed: Bool = false) {
            self.value = value
            self.issues = issues
            self.failed = failed
            isIgnoredRow = value == "-"
            year = value.flatMap { Int($0) }
            status = value.flatMap { ObservationStatus(rawValue: $0) }
        }
    }

    let dimension: Dimension
    let source: DimensionSource
    private let schema: IndicatorSchema
    private let table: [LabelKey: String]?
    private let schemaLabels: [LabelKey: String]
    private var cache: [String: Resolution] = [:]

    init(dimension: Dimension, source: DimensionSource, schema: IndicatorSchema, codeTables: [String: [LabelKey: String]]) {
        self.dimension = dimension
        self.source = source
        self.schema = schema
        table = source.table.flatMap { codeTables[$0] }
        var labels: [LabelKey: String] = [:]
        if source.matchSchemaLabels, dimension == .indicator {
            for indicator in schema.indicators {
                labels[LabelKey(indicator.id)] = indicator.id
                for label in indicator.labels.values { labels[LabelKey(label)] = indicator.id }
            }
        }
        schemaLabels = labels
    }

    /// The previous text and its answer: long files repeat a label over consecutive rows.
    private var last: (text: String, resolution: Resolution)?

    func resolve(_ text: String) -> Resolution {
        if let last, last.text == text { return last.resolution }
        if let hit = cache[text] { last = (text, hit); return hit }
        let r = compute(text)
        if cache.count < 100_000 { cache[text] = r }
        last = (text, r)
        return r
    }

    private func compute(_ raw: String) -> Resolution {
        var text = raw.trimmedSpaces
        if let pattern = source.pattern {
            guard let captured = pattern.capture(text) else { return Resolution(value: source.defaultValue) }
            text = captured.trimmedSpaces
        }
        if text.isEmpty { return Resolution(value: source.defaultValue) }
        if !source.hasLookup {
            return finalise(text, raw: raw)
        }
        if let hit = lookup(text) { return finalise(hit, raw: raw) }
        var issues: [ValueIssue] = []
        if !Homoglyphs.latinLookalikesInCyrillic(text).isEmpty {
            let folded = Homoglyphs.foldedToCyrillic(text)
            let hit = source.foldHomoglyphs ? lookup(folded) : nil
            issues.append(ValueIssue(.homoglyphInLabel, "\"\(text)\" mixes scripts: \(Homoglyphs.describe(text))" + (hit.map { "; matched as \"\(folded)\" → \($0)" } ?? ""),
                                     hint: "retype the label with the Cyrillic keyboard layout"))
            if let hit {
                let r = finalise(hit, raw: raw)
                return Resolution(value: r.value, issues: issues + r.issues, failed: r.failed)
            }
        }
        if dimension == .region || dimension == .clusterID || dimension == .year || dimension == .locale {
            // A code written directly is accepted when the lookup does not know the label.
            if dimension == .region {
                // Its own findings (several codes, unknown code, other NUTS version) say why.
                let direct = finalise(text, raw: raw)
                return Resolution(value: direct.value, issues: issues + direct.issues, failed: direct.failed)
            }
            if dimension != .clusterID, dimension != .locale || NumberLocale.named(text) != nil {
                let direct = finalise(text, raw: raw)
                if !direct.failed { return Resolution(value: direct.value, issues: issues + direct.issues) }
            }
        }
        if source.passThrough { return Resolution(value: text, issues: issues) }
        return Resolution(value: nil, issues: issues + [unknown(text)], failed: true)
    }

    private func lookup(_ text: String) -> String? {
        let key = LabelKey(text)
        if let v = source.map[key] { return v }
        for (pattern, value) in source.mapPatterns where pattern.matches(text) { return value }
        if let v = table?[key] { return v }
        if let v = schemaLabels[key] { return v }
        return nil
    }

    private func unknown(_ text: String) -> ValueIssue {
        switch dimension {
        case .indicator:
            return ValueIssue(.unmappedRow, "\"\(text)\" maps to no indicator", hint: "add it to the indicator map, or to ignore_rows")
        case .region:
            return ValueIssue(.unknownRegion, "region \"\(text)\" is not in the region map nor a code of the schema",
                              expected: "a NUTS 2021 code or a label of the region map", hint: "add an alias for it to the region map of the mapping")
        case .clusterID:
            return ValueIssue(.unknownClusterId, "\"\(text)\" is not in the cluster lookup", hint: "add it to the cluster_id map")
        case .status:
            return ValueIssue(.unknownStatus, "status \"\(text)\" not recognised; value kept as A", expected: "a text of the status map")
        case .year:
            return ValueIssue(.missingYear, "no year in \"\(text)\"", expected: "a year such as 2023")
        case .locale:
            return ValueIssue(.unknownStatus, severity: .warning, "locale \"\(text)\" not in the locale map; automatic reading used")
        case .unit, .comment:
            return ValueIssue(.unknownCurrency, "unit \"\(text)\" not recognised")
        }
    }

    /// Checks and normalises a looked-up or literal value for its dimension.
    private func finalise(_ value: String, raw: String) -> Resolution {
        switch dimension {
        case .region:
            return region(value, raw: raw)
        case .year:
            if let d = Double(value), d == d.rounded() {
                // A date cell read without its date format arrives as an Excel serial (45291 = 2023-12-31).
                if (20_000...80_000).contains(d), let date = ExcelDateSystem.from1900.dateTime(fromSerial: d) { return Resolution(value: String(date.year)) }
                return Resolution(value: String(Int(d)))
            }
            if let date = TextDate.parse(value) { return Resolution(value: String(date.year)) }
            if let y = YearText.first(in: value) { return Resolution(value: String(y)) }
            return Resolution(value: nil, issues: [ValueIssue(.missingYear, "no year in \"\(value)\"", expected: "a year such as 2023")], failed: true)
        case .status:
            if ObservationStatus(rawValue: value) != nil { return Resolution(value: value) }
            return Resolution(value: nil, issues: [unknown(value)])
        case .indicator:
            if value == "-" || schema.indicator(value) != nil { return Resolution(value: value) }
            return Resolution(value: nil, issues: [unknown(value)], failed: true)
        case .clusterID, .unit, .comment, .locale:
            return Resolution(value: value)
        }
    }

    private func region(_ value: String, raw: String) -> Resolution {
        var issues: [ValueIssue] = []
        let parts = value.split(whereSeparator: { $0 == "/" || $0 == "," || $0 == ";" || $0 == "+" || $0 == "&" })
            .map { $0.trimmedSpaces }.filter { !$0.isEmpty }
        if parts.count > 1 {
            let codes = parts.map { source.normaliseCode ? Self.normalised($0) : $0 }
            return Resolution(value: nil, issues: [ValueIssue(.multipleRegionCodes, "\"\(raw.trimmedSpaces)\" names \(codes.count) regions (\(codes.joined(separator: ", "))); the response is rejected, never the first code taken",
                                                             expected: "one region code", hint: "declare a custom region (X-…) for the combined territory, or split the answer")], failed: true)
        }
        var code = value
        if source.normaliseCode {
            let n = Self.normalised(value)
            if n != value {
                issues.append(ValueIssue(.regionCodeNormalised, "region code \"\(value)\" normalised to \(n)"))
                code = n
            }
        }
        guard let region = schema.region(code) else {
            return Resolution(value: nil, issues: issues + [ValueIssue(.unknownRegion, "region \"\(code)\" is not in the schema's region code list",
                                                                       expected: "a NUTS 2021 code or a custom X- region", hint: "check the code, or add an alias to the region map")], failed: true)
        }
        if region.nutsVersion != "2021", region.nutsVersion != "custom" {
            issues.append(ValueIssue(.nutsVersionMismatch, "\(code) is a NUTS \(region.nutsVersion) code, accepted with nuts_version \(region.nutsVersion)"))
        }
        return Resolution(value: code, issues: issues)
    }

    static func normalised(_ s: String) -> String {
        String(s.uppercased().filter { !$0.isWhitespace })
    }
}

/// The first four-digit year (1900–2099) in a text such as `2023 (p)`, `2022 г.`, `… in 2022`.
enum YearText {
    static func first(in text: String) -> Int? {
        let u = Array(text.utf8)
        var i = 0
        while i + 4 <= u.count {
            let isDigit = { (k: Int) in u[k] >= 0x30 && u[k] <= 0x39 }
            if isDigit(i), isDigit(i + 1), isDigit(i + 2), isDigit(i + 3),
               i == 0 || !isDigit(i - 1), i + 4 == u.count || !isDigit(i + 4) {
                let y = Int(u[i] - 0x30) * 1000 + Int(u[i + 1] - 0x30) * 100 + Int(u[i + 2] - 0x30) * 10 + Int(u[i + 3] - 0x30)
                if (1900...2099).contains(y) { return y }
            }
            i += 1
        }
        return nil
    }
}

import Foundation
import SpreadsheetIO

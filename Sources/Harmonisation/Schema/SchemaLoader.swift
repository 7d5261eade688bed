import Foundation

/// Reads `schema.yaml` into an `IndicatorSchema`, rejecting unknown keys, types and references
/// with `file:line:column`.
public enum SchemaLoader {
    public static func load(path: String, displayName: String? = nil) throws -> IndicatorSchema {
        let name = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: name, message: "cannot read the schema file")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: name)
    }

    public static func parse(_ text: String, file: String) throws -> IndicatorSchema {
        let root = try ConfigNode.parse(text, file: file)
        try root.checkKeys(["schema_id", "schema_version", "languages", "dimensions", "indicators", "codelists", "regions",
                            "custom_regions", "missing_markers", "rules", "clusters"])
        let id = try root.required("schema_id").string()
        let version = try root.required("schema_version").string()
        let languages = try root["languages"]?.items().map { try $0.string() } ?? ["en"]
        var yearRange = 2000...2035
        if let year = root["dimensions"]?["year"]?["range"] {
            let bounds = try year.items().map { try $0.int() }
            guard bounds.count == 2, bounds[0] <= bounds[1] else { throw year.error("year range must be [first, last]") }
            yearRange = bounds[0]...bounds[1]
        }
        var codeLists: [String: [CodeListEntry]] = [:]
        if let lists = root["codelists"] {
            for (name, _, listNode) in try lists.entries() {
                codeLists[name] = try listNode.items().map { item in
                    try item.checkKeys(["code", "labels", "meaning"])
                    let labels = try item["labels"].map(readLabels) ?? [:]
                    return CodeListEntry(code: try item.required("code").string(), labels: labels)
                }
            }
        }
        let indicatorNodes = try root.required("indicators").items()
        var indicators: [Indicator] = []
        var seen = Set<String>()
        for node in indicatorNodes {
            let indicator = try readIndicator(node, codeLists: codeLists)
            guard seen.insert(indicator.id).inserted else { throw node.error("indicator \"\(indicator.id)\" is declared twice") }
            indicators.append(indicator)
        }
        var regions: [RegionCode] = []
        for node in try root["regions"]?.items() ?? [] {
            try node.checkKeys(["code", "level", "parent", "name", "en", "nuts_version", "departement"])
            regions.append(RegionCode(code: try node.required("code").string(), level: try node["level"]?.int(),
                                      parent: try node["parent"]?.string(), name: try node["name"]?.string() ?? "",
                                      nutsVersion: try node["nuts_version"]?.string() ?? "2021"))
        }
        for node in try root["custom_regions"]?.items() ?? [] {
            try node.checkKeys(["code", "name", "members", "overlaps"])
            let code = try node.required("code").string()
            guard code.hasPrefix("X-") else { throw node.error("custom region codes start with \"X-\" (got \"\(code)\")") }
            regions.append(RegionCode(code: code, name: try node["name"]?.string() ?? code, nutsVersion: "custom",
                                      members: try node["members"]?.items().map { try $0.string() } ?? []))
        }
        var markers: [String: ObservationStatus] = [:]
        if let markerNode = root["missing_markers"] {
            for (statusText, keyNode, list) in try markerNode.entries() {
                guard let status = ObservationStatus(rawValue: statusText), status.withholdsValue else {
                    throw keyNode.error("missing markers are listed under C, M or N (got \"\(statusText)\")")
                }
                for marker in try list.items() { markers[try marker.string()] = status }
            }
        }
        let known = Set(indicators.map(\.id))
        var rules: [CrossIndicatorRule] = []
        for node in try root["rules"]?.items() ?? [] {
            try node.checkKeys(["id", "rule", "severity", "message"])
            let ruleNode = try node.required("rule")
            let rule = try parseRule(try ruleNode.string(), at: ruleNode, known: known)
            let severityText = try node["severity"]?.string() ?? "warning"
            guard let severity = Severity(rawValue: severityText) else { throw node["severity"]!.error("severity is error, warning or info") }
            rules.append(CrossIndicatorRule(id: try node.required("id").string(), left: rule.left, comparison: rule.comparison,
                                            right: rule.right, severity: severity, message: try node["message"]?.string() ?? ""))
        }
        let clusters = try root["clusters"]?.items().map { try $0.string() } ?? []
        return IndicatorSchema(id: id, version: version, languages: languages, yearRange: yearRange, indicators: indicators,
                               regions: regions, codeLists: codeLists, clusters: clusters, markers: markers, rules: rules)
    }

    static func readLabels(_ node: ConfigNode) throws -> [String: String] {
        var labels: [String: String] = [:]
        for (language, _, value) in try node.entries() { labels[language] = try value.string() }
        return labels
    }

    private static func readIndicator(_ node: ConfigNode, codeLists: [String: [CodeListEntry]]) throws -> Indicator {
        try node.checkKeys(["id", "label", "type", "unit", "range", "plausible", "required", "aggregation", "decimals",
                            "codelist", "max_length", "description", "group"])
        let id = try node.required("id").string()
        let typeNode = try node.required("type")
        guard let type = IndicatorType(rawValue: try typeNode.string()) else {
            throw typeNode.error("unknown type \"\(try typeNode.string())\"; expected one of: " + IndicatorType.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var aggregation = Aggregation.none
        if let aggregationNode = node["aggregation"] {
            guard let a = Aggregation(rawValue: try aggregationNode.string()) else { throw aggregationNode.error("aggregation is sum, mean, weighted_mean or none") }
            aggregation = a
        }
        let codeList = try node["codelist"]?.string()
        if let codeList, codeLists[codeList] == nil { throw node["codelist"]!.error("no code list \"\(codeList)\" under codelists") }
        if type == .code, codeList == nil { throw node.error("indicator \"\(id)\" of type code needs a codelist") }
        return Indicator(id: id, labels: try node["label"].map(readLabels) ?? [:], type: type, unit: try node.required("unit").string(),
                         range: try node["range"].map(readRange), plausible: try node["plausible"].map(readRange),
                         required: try node["required"]?.bool() ?? false, aggregation: aggregation,
                         decimals: try node["decimals"]?.int(), codeList: codeList, maxLength: try node["max_length"]?.int())
    }

    private static func readRange(_ node: ConfigNode) throws -> ClosedRange<Double> {
        let bounds = try node.items().map { try $0.double() }
        guard bounds.count == 2, bounds[0] <= bounds[1] else { throw node.error("a range is [low, high] with low <= high") }
        return bounds[0]...bounds[1]
    }

    /// `a + b <= c` (either side a sum of indicator ids).
    static func parseRule(_ text: String, at node: ConfigNode, known: Set<String>) throws -> (left: [String], comparison: CrossIndicatorRule.Comparison, right: [String]) {
        let comparison: CrossIndicatorRule.Comparison
        let parts: [Substring]
        if text.contains("<=") { comparison = .lessOrEqual; parts = text.split(separator: "<=", omittingEmptySubsequences: false).map { $0 } }
        else if text.contains(">=") { comparison = .greaterOrEqual; parts = text.split(separator: ">=", omittingEmptySubsequences: false).map { $0 } }
        else { throw node.error("a rule compares two sums of indicators with <= or >=") }
        guard parts.count == 2 else { throw node.error("a rule has exactly one <= or >=") }
        func side(_ s: Substring) throws -> [String] {
            let ids = s.split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }
            for id in ids where !known.contains(id) { throw node.error("rule names unknown indicator \"\(id)\"") }
            guard !ids.isEmpty else { throw node.error("empty side in rule") }
            return ids
        }
        return (try side(parts[0]), comparison, try side(parts[1]))
    }
}

/// One territory of the region code list: a NUTS unit or a custom aggregate (`X-DE-RHEIN-NECKAR`).
public struct RegionCode: Hashable, Sendable {
    public var code: String
    public var level: Int?
    public var parent: String?
    public var name: String
    public var nutsVersion: String
    /// For custom regions: the NUTS 3 units it is made of.
    public var members: [String]

    public init(code: String, level: Int? = nil, parent: String? = nil, name: String, nutsVersion: String = "2021", members: [String] = []) {
        self.code = code
        self.level = level
        self.parent = parent
        self.name = name
        self.nutsVersion = nutsVersion
        self.members = members
    }

    public var isCustom: Bool { code.hasPrefix("X-") }
}

/// A code list entry other than a region: `ESCA_SILVER` with its labels.
public struct CodeListEntry: Hashable, Sendable {
    public var code: String
    public var labels: [String: String]

    public init(code: String, labels: [String: String]) {
        self.code = code
        self.labels = labels
    }
}

/// A rule relating indicators of the same cluster, region and year, declared in the schema:
/// `ls_companies_biotech + ls_companies_medtech <= ls_companies_total`.
public struct CrossIndicatorRule: Hashable, Sendable {
    public enum Comparison: String, Hashable, Sendable { case lessOrEqual = "<=", greaterOrEqual = ">=" }
    public var id: String
    public var left: [String]
    public var comparison: Comparison
    public var right: [String]
    public var severity: Severity
    public var message: String

    public init(id: String, left: [String], comparison: Comparison, right: [String], severity: Severity, message: String) {
        self.id = id
        self.left = left
        self.comparison = comparison
        self.right = right
        self.severity = severity
        self.message = message
    }

    public var expression: String {
        left.joined(separator: " + ") + " \(comparison.rawValue) " + right.joined(separator: " + ")
    }
}

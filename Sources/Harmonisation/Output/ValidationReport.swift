import Foundation

/// Everything a coordinator needs to fix a submission: per input its identity, and the
/// findings, grouped by root cause, with every finding listed after the groups.
public struct ValidationReport: Sendable {
    public var schemaID: String
    public var schemaVersion: String
    public var inputs: [FileReport]
    public var findings: [Finding]

    public init(schemaID: String, schemaVersion: String, inputs: [FileReport], findings: [Finding]) {
        self.schemaID = schemaID
        self.schemaVersion = schemaVersion
        self.inputs = inputs
        self.findings = findings
    }

    public var groups: [FindingGroup] { FindingGroup.group(findings) }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.reduce(0) { $0 + $1.occurrences } }

    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    public func json() -> String {
        var out = JSONOut()
        out.beginObject()
        out.string("format", "innaxe-validation-report")
        out.int("format_version", 1)
        out.beginObject("schema")
        out.string("id", schemaID)
        out.string("version", schemaVersion)
        out.endObject()
        out.beginArray("inputs")
        for r in inputs { InputJSON.write(r, into: &out) }
        out.endArray()
        out.beginObject("summary")
        for s in Severity.allCases.reversed() { out.int(s.rawValue, count(s)) }
        out.int("groups", groups.count)
        out.endObject()
        out.beginArray("groups")
        for g in groups { FindingJSON.write(g, into: &out) }
        out.endArray()
        out.beginArray("findings")
        for f in findings { FindingJSON.write(f, into: &out) }
        out.endArray()
        out.endObject()
        return String(decoding: out.bytes, as: UTF8.self) + "\n"
    }
}

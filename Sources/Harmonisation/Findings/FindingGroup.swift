/// Findings that share one root cause: same code, same file, sheet and column (or the same
/// indicator for dataset checks). A column of 37 `1.350`-like values is one group with a count
/// and a few examples, not 37 lines.
public struct FindingGroup: Hashable, Sendable {
    public var code: FindingCode
    public var severity: Severity
    public var file: String
    public var sheet: String?
    /// Column letter or header the group is about, when it is about one column.
    public var column: String?
    public var count: Int
    /// The first findings of the group, in sheet order.
    public var examples: [Finding]
    public var hint: String?

    /// Groups findings, keeping at most `exampleLimit` examples per group; groups are ordered by
    /// severity (errors first), then file, sheet and first cell.
    public static func group(_ findings: [Finding], exampleLimit: Int = 3) -> [FindingGroup] {
        struct Key: Hashable { var code: FindingCode; var severity: Severity; var file: String; var sheet: String?; var column: String? }
        var order: [Key] = []
        var groups: [Key: FindingGroup] = [:]
        for finding in findings {
            let column = finding.location.cell.map { CellReferenceText.letters($0.column) } ?? finding.indicator
            let key = Key(code: finding.code, severity: finding.severity, file: finding.location.file, sheet: finding.location.sheet, column: column)
            if groups[key] == nil {
                order.append(key)
                groups[key] = FindingGroup(code: finding.code, severity: finding.severity, file: key.file, sheet: key.sheet,
                                           column: column, count: 0, examples: [], hint: finding.hint)
            }
            groups[key]!.count += finding.occurrences
            if groups[key]!.examples.count < exampleLimit { groups[key]!.examples.append(finding) }
        }
        return order.map { groups[$0]! }.sorted { a, b in
            if a.severity != b.severity { return a.severity > b.severity }
            if a.file != b.file { return a.file < b.file }
            if a.sheet != b.sheet { return (a.sheet ?? "") < (b.sheet ?? "") }
            let ra = a.examples.first?.location.row ?? 0, rb = b.examples.first?.location.row ?? 0
            if ra != rb { return ra < rb }
            return (a.examples.first?.location.column ?? 0) < (b.examples.first?.location.column ?? 0)
        }
    }
}

import SpreadsheetIO

enum CellReferenceText {
    static func letters(_ column: Int) -> String { CellReference.columnLetters(column) }
}

import Harmonisation

/// The findings of a run as people read them in a terminal: one line per group (a root cause in
/// one column), with the count, the first cell and an example, then the totals.
enum FindingsTable {
    static func render(_ report: ValidationReport, showInfo: Bool = true) -> String {
        var lines: [String] = []
        for input in report.inputs {
            lines.append("\(input.file): \(input.format.isEmpty ? "not read" : input.format.uppercased()), \(input.rowsRead) data row(s), \(input.observationCount) observation(s), sha256 \(input.sha256.prefix(12))…")
        }
        let groups = report.groups.filter { showInfo || $0.severity != .info }
        if groups.isEmpty {
            lines.append("")
            lines.append("No findings.")
        } else {
            var table = TextTable(header: ["Severity", "Code", "Where", "Count", "Example"])
            table.maxWidth = 64
            table.rightAligned = [3]
            for g in groups {
                let first = g.examples.first
                var where_ = first.map { f -> String in
                    let ref = f.location.reference
                    let base = f.location.file.split(separator: "/").last.map(String.init) ?? f.location.file
                    return ref.isEmpty ? base : "\(base) › \(ref)"
                } ?? g.file
                if g.count > 1, let col = g.column, first?.location.cell != nil { where_ += " (column \(col))" }
                var example = first.map { f -> String in
                    guard let raw = f.raw, !f.message.contains("\"\(raw)\"") else { return f.message }
                    return "\"\(raw)\": " + f.message
                } ?? g.code.title
                if let hint = g.hint, g.severity != .info { example += " — " + hint }
                table.rows.append([g.severity.rawValue, g.code.rawValue, where_, String(g.count), example])
            }
            lines.append("")
            lines.append(table.render())
        }
        lines.append("")
        lines.append("\(report.count(.error)) error(s), \(report.count(.warning)) warning(s), \(report.count(.info)) info(s) in \(groups.count) group(s).")
        return lines.joined(separator: "\n")
    }
}

import Workflow

/// How `innaxe run` and `innaxe watch` tell what a pass did.
enum PassReportPrinter {
    static func render(_ report: PassReport) -> String {
        var lines: [String] = []
        if !report.recovered.isEmpty {
            lines.append("recovered \(report.recovered.count) file(s) an interrupted run had recorded: " +
                         report.recovered.map { "inbox/\($0.inboxPath) → \($0.storedPath)" }.joined(separator: "; "))
        }
        if !report.outcomes.isEmpty {
            var table = TextTable(header: ["File", "Partner", "Outcome", "Values", "Findings", "Changes"])
            table.maxWidth = 40
            table.rightAligned = [3]
            for o in report.outcomes {
                switch o {
                case .accepted(let s):
                    let c = s.counts
                    let findings = c.findings == 0 ? "none" : [c.errors > 0 ? "\(c.errors) error(s)" : nil,
                                                              c.warnings > 0 ? "\(c.warnings) warning(s)" : nil,
                                                              c.infos > 0 ? "\(c.infos) info" : nil].compactMap { $0 }.joined(separator: ", ")
                    let changes = s.previousSubmissionID == nil ? "first submission"
                        : "\(c.revised) revised, \(c.added) added, \(c.withdrawn) withdrawn"
                    table.rows.append([s.inboxPath, s.partnerID ?? "", "accepted", String(c.observations), findings, changes])
                case .duplicate(let s):
                    table.rows.append([s.inboxPath, s.partnerID ?? "", "duplicate", "0", "", "same as submission \(s.duplicateOf ?? 0)"])
                case .rejected(let s):
                    table.rows.append([s.inboxPath, s.partnerID ?? "?", "rejected", "", s.rejection?.code.rawValue ?? "", ""])
                case .failed(let path, _):
                    table.rows.append([path, "", "not taken", "", "", ""])
                }
            }
            lines.append(table.render())
        }
        for o in report.outcomes {
            switch o {
            case .rejected(let s):
                lines.append("rejected: inbox/\(s.inboxPath) → \(s.storedPath)")
                if let r = s.rejection {
                    lines.append("  \(r.description)")
                    if let hint = r.hint { lines.append("  hint: \(hint)") }
                }
            case .failed(let path, let message):
                lines.append("not taken (stays in the inbox): inbox/\(path): \(message)")
            default: break
            }
        }
        var summary = "\(report.outcomes.count) file(s): \(report.acceptedCount) accepted, \(report.duplicateCount) duplicate, \(report.rejectedCount) rejected"
        if report.failedCount > 0 { summary += ", \(report.failedCount) not taken" }
        if !report.waiting.isEmpty { summary += "; \(report.waiting.count) still being written, left for the next pass" }
        lines.append(summary)
        for (path, reason) in report.ignored { lines.append("ignored: inbox/\(path): \(reason)") }
        if !report.outputs.isEmpty {
            let main = report.outputs.filter { !$0.hasPrefix("out/feedback/") }
            let feedback = report.outputs.filter { $0.hasPrefix("out/feedback/") && $0.hasSuffix(".json") }.count
            lines.append("outputs: " + main.joined(separator: ", ") + (feedback > 0 ? ", feedback for \(feedback) submission(s) in out/feedback/" : ""))
        }
        for e in report.outputErrors { lines.append("error: output not written: \(e)") }
        return lines.joined(separator: "\n")
    }
}

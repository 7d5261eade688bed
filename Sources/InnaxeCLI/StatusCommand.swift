import ArgumentParser
import Workflow

/// `innaxe status`: what the workspace holds.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show partners, their latest submissions, current values and open findings, and what waits in the inbox."
    )

    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
        let ws = try workspace.open()
        let status: WorkspaceStatus
        do {
            status = try WorkspaceStatus(workspace: ws, store: try StateStore(workspace: ws, readOnly: true))
        } catch {
            CLIErrors.printError("error: \(error)")
            throw ExitCode(2)
        }
        var table = TextTable(header: ["Partner", "Accepted", "Dupl.", "Rejected", "Values", "Open findings", "Latest file", "Latest status", "Processed"])
        table.maxWidth = 36
        table.rightAligned = [1, 2, 3, 4]
        for p in status.partners {
            let open = p.openErrors + p.openWarnings + p.openInfos == 0 ? "none"
                : "\(p.openErrors) err, \(p.openWarnings) warn, \(p.openInfos) info"
            table.rows.append([p.partner, String(p.accepted), String(p.duplicates), String(p.rejected), String(p.currentObservations),
                               open, p.latest?.originalName ?? "—", p.latest?.status.rawValue ?? "—", p.latest?.processedAt ?? "—"])
        }
        print("workspace \(ws.root.lastPathComponent): \(status.partners.count) partner(s), \(status.currentObservations) current value(s)")
        print(table.render())
        if status.unidentifiedRejections > 0 { print("rejected, sender unknown: \(status.unidentifiedRejections) file(s) in rejected/") }
        print("inbox: \(status.inboxReady) file(s) ready, \(status.inboxWaiting) still being written")
        if status.unfiled > 0 { print("interrupted: \(status.unfiled) recorded file(s) not filed yet; the next run finishes them") }
    }
}

import ArgumentParser
import Workflow

/// `innaxe run`: one pass over the inbox.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Take every settled file from the inbox: identify, read, validate, record, file it.",
        discussion: """
        Accepted originals go to archive/, files that cannot be taken to rejected/ with a .reason.txt \
        beside them; a file identical to one already accepted is recorded as a duplicate. Then \
        out/harmonised.xlsx and .json, out/validation-report.xlsx and .json, and a feedback \
        workbook (and JSON) per submission in out/feedback/ are refreshed.

        Exit status: 0 every file taken, 1 some file was rejected or could not be taken, \
        2 the pass could not run (not a workspace, a mistake in mappings/ — reported as \
        file:line:column, no file is touched —, or another innaxe process holds it).

        Partners: the inbox subfolder names the partner (inbox/biocat/…); a file at the top of \
        the inbox is recognised by the file-name patterns (files:) of the mappings, else by a \
        header fingerprint derived from them (the sheet and column labels a mapping reads).
        """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("Seconds a file must stay unchanged before it is taken (0: take everything now).", valueName: "seconds"))
    var settle: Double = 5

    func run() throws {
        let ws = try workspace.open()
        let setup = try workspace.processingSetup(ws)
        let pass = InboxPass(workspace: ws, identifier: setup.identifier, processor: setup.processor,
                             options: .init(settle: settle), outputs: setup.outputs)
        let report: PassReport
        do {
            report = try pass.run()
        } catch {
            CLIErrors.printError("error: \(error)")
            throw ExitCode(2)
        }
        print(PassReportPrinter.render(report))
        if report.rejectedCount > 0 || report.failedCount > 0 || !report.outputErrors.isEmpty { throw ExitCode(1) }
    }
}

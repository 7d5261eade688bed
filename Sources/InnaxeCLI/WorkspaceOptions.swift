import ArgumentParser
import Foundation
import Harmonisation
import Workflow

/// `--workspace DIR`, shared by the workspace commands (default: $INNAXE_WORKSPACE, else `.`).
struct WorkspaceOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("The workspace folder (made by `innaxe init`).", valueName: "dir"))
    var workspace: String?

    var resolved: Workspace {
        Workspace(path: workspace ?? ProcessInfo.processInfo.environment["INNAXE_WORKSPACE"] ?? ".")
    }

    /// The workspace's mappings, or exit 2 with the mistake at `file:line:column`.
    func processingSetup(_ ws: Workspace) throws -> ProcessingSetup {
        do {
            return try ProcessingSetup.standard(for: ws)
        } catch let error as ConfigurationError {
            CLIErrors.printError(error.description)
            CLIErrors.printError("no file was taken; fix the mapping and run again")
            throw ExitCode(2)
        }
    }

    /// The workspace, or exit 2 with a clear message when the folder is not one.
    func open() throws -> Workspace {
        let ws = resolved
        guard ws.exists else {
            CLIErrors.printError("error: \(WorkspaceMissing(path: workspace ?? "."))")
            throw ExitCode(2)
        }
        return ws
    }
}

import ArgumentParser
import Foundation
import Workflow

/// `innaxe init DIR`: creates a workspace.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a workspace: inbox/, archive/, rejected/, out/, mappings/, state/.",
        discussion: """
        Copies the bundled schema and mapping files into mappings/ (keeping any already there) and \
        creates one inbox subfolder per --partner. Running it again on a workspace adds what is missing.
        """
    )

    @Argument(help: "The folder to create (or complete).")
    var directory: String

    @Option(name: .customLong("partner"), help: ArgumentHelp("Create inbox/<id>/ for this partner (repeatable).", valueName: "id"))
    var partners: [String] = []

    @Option(help: ArgumentHelp("Mapping files to copy (default: the mappings/ folder of the innaxe checkout).", valueName: "dir"))
    var mappings: String?

    func validate() throws {
        for p in partners where !PartnerID.isWellFormed(p) {
            throw ValidationError("'\(p)' is not a partner id: use 2–32 lower-case letters, digits, '-' or '_', starting with a letter")
        }
    }

    func run() throws {
        let bundled = mappings.map { URL(fileURLWithPath: $0) } ?? BundledFiles.mappings
        do {
            let (ws, created) = try Workspace.create(at: URL(fileURLWithPath: directory), partners: partners, bundledMappings: bundled)
            print("workspace \(directory): \(created.isEmpty ? "already complete" : "created " + created.joined(separator: ", "))")
            print("drop partner files into \(ws.relativeDescription(ws.inbox, from: directory))/<partner>/, then run: innaxe run --workspace \(directory)")
        } catch {
            CLIErrors.printError("error: \(directory): \(error)")
            throw ExitCode(2)
        }
    }
}

extension Workspace {
    func relativeDescription(_ url: URL, from given: String) -> String {
        (given.hasSuffix("/") ? given : given + "/") + url.lastPathComponent
    }
}

/// Files that ship with innaxe, found from the working folder or beside the executable's checkout.
enum BundledFiles {
    static var mappings: URL? {
        let fm = FileManager.default
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath)
        var candidates = [cwd]
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir)
            dir = dir.deletingLastPathComponent()
        }
        for c in candidates where fm.fileExists(atPath: c.appendingPathComponent("Package.swift").path) {
            let m = c.appendingPathComponent("mappings")
            if fm.fileExists(atPath: m.path) { return m }
        }
        return nil
    }
}

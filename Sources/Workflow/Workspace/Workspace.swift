import Foundation

/// The folders of one innaxe workspace, all under one root (one file system, so every move
/// is an atomic rename):
///
/// ```
/// inbox/        partners drop files here, one subfolder per partner (inbox/biocat/…)
/// archive/      every accepted original, never modified: archive/<partner>/<time>-<hash>-<name>
/// rejected/     originals that could not be taken in, each with .reason.txt and .reason.json
/// out/          current outputs (harmonised.json, validation-report.json, feedback/)
/// mappings/     the schema and the partners' mapping files
/// state/        innaxe.sqlite (the ledger), the lock, staging/ (snapshots being processed)
/// ```
public struct Workspace: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public init(path: String) {
        self.init(root: URL(fileURLWithPath: path))
    }

    public var inbox: URL { root.appendingPathComponent("inbox") }
    public var archive: URL { root.appendingPathComponent("archive") }
    public var rejected: URL { root.appendingPathComponent("rejected") }
    public var out: URL { root.appendingPathComponent("out") }
    public var feedback: URL { out.appendingPathComponent("feedback") }
    public var mappings: URL { root.appendingPathComponent("mappings") }
    public var state: URL { root.appendingPathComponent("state") }
    public var staging: URL { state.appendingPathComponent("staging") }
    public var database: URL { state.appendingPathComponent("innaxe.sqlite") }
    public var lockFile: URL { state.appendingPathComponent("lock") }

    public var harmonisedJSON: URL { out.appendingPathComponent("harmonised.json") }
    public var validationReportJSON: URL { out.appendingPathComponent("validation-report.json") }
    public var harmonisedXLSX: URL { out.appendingPathComponent("harmonised.xlsx") }
    public var validationReportXLSX: URL { out.appendingPathComponent("validation-report.xlsx") }

    static let folders = ["inbox", "archive", "rejected", "out", "mappings", "state", "state/staging"]

    /// Whether `root` looks like a workspace (has the ledger folder and the inbox).
    public var exists: Bool {
        FileSystem.status(inbox.path)?.isDirectory == true && FileSystem.status(state.path)?.isDirectory == true
    }

    /// Creates the folders (keeping whatever is there), one inbox subfolder per partner given,
    /// and copies the files of `bundledMappings` that `mappings/` does not have yet.
    /// Returns the paths it created, relative to the root.
    @discardableResult
    public static func create(at root: URL, partners: [String] = [], bundledMappings: URL? = nil) throws -> (Workspace, [String]) {
        let ws = Workspace(root: root)
        var created: [String] = []
        let fm = FileManager.default
        for folder in folders + partners.map({ "inbox/" + $0 }) {
            let path = ws.root.appendingPathComponent(folder).path
            if !fm.fileExists(atPath: path) {
                try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
                created.append(folder + "/")
            }
        }
        if let bundledMappings, let walker = fm.enumerator(atPath: bundledMappings.path) {
            for case let relative as String in walker where !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                let source = bundledMappings.appendingPathComponent(relative)
                let target = ws.mappings.appendingPathComponent(relative)
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: source.path, isDirectory: &isDir) else { continue }
                if isDir.boolValue {
                    try fm.createDirectory(at: target, withIntermediateDirectories: true)
                } else if !fm.fileExists(atPath: target.path) {
                    try fm.copyItem(at: source, to: target)
                    created.append("mappings/" + relative)
                }
            }
        }
        let store = try StateStore(workspace: ws)
        _ = store
        return (ws, created)
    }

    /// The path of `url` relative to the root (`archive/biocat/…`), for the ledger and messages.
    func relative(_ url: URL) -> String {
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let p = url.standardizedFileURL.path
        return p.hasPrefix(base) ? String(p.dropFirst(base.count)) : p
    }

    func absolute(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    /// Partners the workspace knows by their inbox subfolders.
    public func partnerFolders() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: inbox.path)) ?? []
        return names.filter { name in
            !name.hasPrefix(".") && PartnerID.isWellFormed(name)
                && FileSystem.status(inbox.appendingPathComponent(name).path)?.isDirectory == true
        }.sorted()
    }
}

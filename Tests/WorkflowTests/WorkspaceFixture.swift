import Foundation
@testable import Workflow

/// A fresh workspace in a temp folder, with helpers to drop files and run passes.
final class WorkspaceFixture {
    let root: URL
    let workspace: Workspace

    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init(partners: [String] = ["biocat", "medicen", "biorn", "hlsc", "dlsc", "cebr"]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("innaxe-ws-" + UUID().uuidString)
        workspace = try Workspace.create(at: root, partners: partners, bundledMappings: Self.repoRoot.appendingPathComponent("mappings")).0
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    @discardableResult
    func drop(_ relative: String, _ text: String) throws -> URL {
        try drop(relative, Data(text.utf8))
    }

    @discardableResult
    func drop(_ relative: String, _ data: Data) throws -> URL {
        let url = workspace.inbox.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url
    }

    func dropFixture(_ fixture: String, as relative: String) throws {
        try drop(relative, Data(contentsOf: Self.repoRoot.appendingPathComponent(fixture)))
    }

    /// One of the six partners' sample files (fixtures/partners/).
    @discardableResult
    func dropPartnerFile(_ name: String, as relative: String) throws -> URL {
        try drop(relative, Self.partnerFile(name))
    }

    static func partnerFile(_ name: String) throws -> Data {
        try Data(contentsOf: repoRoot.appendingPathComponent("fixtures/partners/" + name))
    }

    func pass(settle: Double = 0) throws -> PassReport {
        let setup = try ProcessingSetup.standard(for: workspace)
        return try InboxPass(workspace: workspace, identifier: setup.identifier, processor: setup.processor,
                             options: .init(settle: settle), outputs: setup.outputs).run()
    }

    func store() throws -> StateStore { try StateStore(workspace: workspace) }

    /// Files under a workspace folder, relative to it, reason files and hidden files left out.
    func files(in folder: String) -> [String] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return [] }
        var out: [String] = []
        for case let rel as String in walker {
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: base.appendingPathComponent(rel).path, isDirectory: &isDir)
            if isDir.boolValue || rel.hasSuffix(".reason.txt") || rel.hasSuffix(".reason.json") { continue }
            if rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            out.append(rel)
        }
        return out.sorted()
    }

    func json(_ relative: String) throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent(relative))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
}

extension PassReport.Outcome {
    var entry: SubmissionEntry? {
        switch self {
        case .accepted(let e), .duplicate(let e), .rejected(let e): return e
        case .failed: return nil
        }
    }
}

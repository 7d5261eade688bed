import Foundation

/// The first step of every run: finish filing what an interrupted run had recorded, delete the
/// snapshots it had not, and the temp files of outputs it was writing.
struct Recovery {
    var workspace: Workspace
    var store: StateStore

    /// Returns the submissions it finished filing, and those it could not (with why; they stay
    /// unfiled and are retried by the next run, and the pass goes on).
    func run() throws -> (recovered: [SubmissionEntry], failed: [(SubmissionEntry, String)]) {
        var recovered: [SubmissionEntry] = []
        var failed: [(SubmissionEntry, String)] = []
        for entry in try store.unfiledSubmissions() {
            do {
                try Filing(workspace: workspace, store: store).file(entry, originalStatus: nil)
                recovered.append(entry)
            } catch {
                failed.append((entry, "\(error)"))
            }
        }
        let inUse = try store.snapshotPathsInUse()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: workspace.staging.path)) ?? []
        for name in names where !inUse.contains("state/staging/" + name) {
            try FileSystem.remove(workspace.staging.appendingPathComponent(name).path)
        }
        AtomicFile.removeLeftovers(in: workspace.out.path)
        AtomicFile.removeLeftovers(in: workspace.rejected.path)
        return (recovered, failed)
    }
}

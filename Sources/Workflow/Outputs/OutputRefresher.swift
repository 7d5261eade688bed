import Foundation

/// Rewrites the workspace's outputs from the ledger after a pass, each atomically, and writes the
/// feedback of every filed submission that has none yet (so a crash between recording and
/// feedback is made good by the next run).
public struct OutputRefresher: Sendable {
    /// The schema's indicators and years, for the completeness matrix (nil: those reported).
    public var expectedIndicators: [String]?
    public var expectedYears: [Int]?

    public init(expectedIndicators: [String]? = nil, expectedYears: [Int]? = nil) {
        self.expectedIndicators = expectedIndicators
        self.expectedYears = expectedYears
    }

    public struct Result: Sendable {
        public var written: [String] = []
        public var errors: [String] = []
    }

    func refresh(workspace: Workspace, store: StateStore) -> Result {
        var result = Result()
        let now = Timestamps.iso(nanoseconds: FileSystem.nowNanoseconds())
        func attempt(_ relative: String, _ build: () throws -> JSONValue) {
            do {
                try AtomicFile.write(try build().rendered(), to: workspace.absolute(relative))
                result.written.append(relative)
            } catch {
                result.errors.append("\(relative): \(error)")
            }
        }
        do {
            for s in try store.submissions() where s.filed {
                let relative = SubmissionFeedback.relativePath(for: s)
                if FileSystem.exists(workspace.absolute(relative)) { continue }
                attempt(relative) { try SubmissionFeedback(store: store, submission: s).json }
                KillPoint.hit("after-feedback")
            }
        } catch {
            result.errors.append("feedback: \(error)")
        }
        attempt(workspace.relative(workspace.harmonisedJSON)) {
            try HarmonisedDataset(store: store, generatedAt: now).json
        }
        attempt(workspace.relative(workspace.validationReportJSON)) {
            try ValidationReport(store: store, partnerFolders: workspace.partnerFolders(), expectedIndicators: expectedIndicators,
                                 expectedYears: expectedYears, generatedAt: now).json
        }
        return result
    }
}

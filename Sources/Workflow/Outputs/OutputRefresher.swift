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

    static func missing(_ path: String) -> Bool {
        guard let s = FileSystem.status(path) else { return true }
        return s.size == 0
    }

    func refresh(workspace: Workspace, store: StateStore) -> Result {
        var result = Result()
        let now = Timestamps.iso(nanoseconds: FileSystem.nowNanoseconds())
        func attempt(_ relative: String, durable: Bool = true, _ build: () throws -> [UInt8]) {
            do {
                try AtomicFile.write(try build(), to: workspace.absolute(relative), durable: durable)
                result.written.append(relative)
            } catch {
                result.errors.append("\(relative): \(error)")
            }
        }
        func attemptWorkbook(_ relative: String, durable: Bool = true, _ write: (String) throws -> Void) {
            do {
                let path = workspace.absolute(relative)
                try FileSystem.makeDirectory((path as NSString).deletingLastPathComponent)
                try write(path)
                if durable {
                    try FileSystem.sync(path)
                    try FileSystem.sync((path as NSString).deletingLastPathComponent)
                }
                result.written.append(relative)
            } catch {
                result.errors.append("\(relative): \(error)")
            }
        }
        do {
            for s in try store.submissions() where s.filed {
                let json = SubmissionFeedback.relativePath(for: s)
                let xlsx = SubmissionFeedback.relativePath(for: s, extension: "xlsx")
                // Feedback never changes once written, and is not fsynced (one per submission):
                // a file a power cut left empty counts as missing and is written again.
                let needJSON = Self.missing(workspace.absolute(json)), needXLSX = Self.missing(workspace.absolute(xlsx))
                guard needJSON || needXLSX else { continue }
                let feedback = try SubmissionFeedback(store: store, submission: s)
                if needXLSX { attemptWorkbook(xlsx, durable: false) { try FeedbackWorkbook.write(feedback, summary: feedback.summary, to: $0) } }
                if needJSON { attempt(json, durable: false) { feedback.json.rendered(compactBelow: 2) } }
                KillPoint.hit("after-feedback")
            }
        } catch {
            result.errors.append("feedback: \(error)")
        }
        do {
            let dataset = try HarmonisedDataset(store: store, generatedAt: now)
            let submissions = Dictionary(uniqueKeysWithValues: try store.submissions().map { ($0.id, $0) })
            let report = try ValidationReport(store: store, partnerFolders: workspace.partnerFolders(), expectedIndicators: expectedIndicators,
                                              expectedYears: expectedYears, generatedAt: now)
            var openFindings: [(submission: SubmissionEntry, finding: FindingRecord)] = []
            for section in report.partners {
                for (id, f) in section.openFindings { if let s = submissions[id] { openFindings.append((s, f)) } }
            }
            attempt(workspace.relative(workspace.harmonisedJSON)) { dataset.json.rendered(compactBelow: 2) }
            attemptWorkbook(workspace.relative(workspace.harmonisedXLSX)) { try HarmonisedWorkbook.write(dataset, findings: openFindings, to: $0) }
            attempt(workspace.relative(workspace.validationReportJSON)) { report.json.rendered(compactBelow: 3) }
            attemptWorkbook(workspace.relative(workspace.validationReportXLSX)) {
                try ValidationReportWorkbook.write(report, submissions: submissions, to: $0)
            }
        } catch {
            result.errors.append("outputs: \(error)")
        }
        return result
    }
}

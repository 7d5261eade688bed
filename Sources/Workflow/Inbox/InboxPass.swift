import Foundation

/// One pass over a workspace's inbox: recover what an interrupted run left half-done, take every
/// settled file in arrival order, record it, file the original, refresh the outputs.
///
/// Filing one file, in this order (the crash test kills the process between every two steps):
/// 1. copy the original to `state/staging/` while hashing it, fsync (the snapshot);
/// 2. identify the partner, recognise a duplicate, or process the snapshot;
/// 3. record the submission in one transaction, naming where the original will be filed;
/// 4. for a rejection, write `.reason.txt` and `.reason.json` beside that place;
/// 5. rename the original there (or the snapshot, if the original changed meanwhile), fsync;
/// 6. delete the snapshot and mark the submission filed.
/// Until step 3 commits, a crash leaves only the original in the inbox and an orphan snapshot
/// (deleted by recovery). After it, recovery finishes steps 4–6 from the ledger: the original is
/// always in exactly one of inbox/, archive/, rejected/ once a run has finished.
public struct InboxPass {
    public struct Options: Sendable {
        /// Seconds a file must stay unchanged before it is taken.
        public var settle: Double = 5
        public init(settle: Double = 5) { self.settle = settle }
    }

    public var workspace: Workspace
    public var identifier: any PartnerIdentifying
    public var processor: any SubmissionProcessor
    public var options: Options
    /// The outputs refreshed at the end of the pass.
    public var outputs: OutputRefresher

    /// A file whose processing killed the process this many times is rejected unread.
    static let maximumAttempts = 3

    public init(workspace: Workspace, identifier: any PartnerIdentifying, processor: any SubmissionProcessor,
                options: Options = .init(), outputs: OutputRefresher = OutputRefresher()) {
        self.workspace = workspace
        self.identifier = identifier
        self.processor = processor
        self.options = options
        self.outputs = outputs
    }

    /// Runs the pass under the workspace lock (throws `WorkspaceLock.Busy` when another run holds it).
    public func run(stop: StopRequest? = nil) throws -> PassReport {
        guard workspace.exists else { throw WorkspaceMissing(path: workspace.root.path) }
        let lock = try WorkspaceLock(workspace: workspace)
        defer { withExtendedLifetime(lock) {} }
        let store = try StateStore(workspace: workspace)
        var report = PassReport()
        let recovery = try Recovery(workspace: workspace, store: store).run()
        report.recovered = recovery.recovered
        for (entry, message) in recovery.failed {
            report.outcomes.append(.failed(inboxPath: entry.inboxPath, message: "recorded as submission \(entry.id) but not filed: \(message)"))
        }

        let scan = InboxScanner(inbox: workspace.inbox, settle: options.settle).scan()
        report.waiting = scan.waiting
        report.ignored = scan.ignored.map { (path: $0.0, reason: $0.1) }
        let unresolved = Set(recovery.failed.map { $0.0.inboxPath })
        for candidate in scan.ready where !unresolved.contains(candidate.inboxPath) {
            if stop?.isRequested == true { break }
            do {
                if let outcome = try take(candidate, store: store) { report.outcomes.append(outcome) }
            } catch {
                report.outcomes.append(.failed(inboxPath: candidate.inboxPath, message: "\(error)"))
            }
        }
        let written = outputs.refresh(workspace: workspace, store: store)
        report.outputs = written.written
        report.outputErrors = written.errors
        return report
    }

    /// Takes one file; nil when it changed under us (it waits for the next pass).
    private func take(_ candidate: InboxScanner.Candidate, store: StateStore) throws -> PassReport.Outcome? {
        let ext = URL(fileURLWithPath: candidate.originalName).pathExtension
        let snapshotRelative = "state/staging/" + UUID().uuidString.lowercased() + (ext.isEmpty ? "" : "." + ext)
        let snapshot = workspace.absolute(snapshotRelative)
        // The copy is fsynced (it may become the archived original); the staging folder is not:
        // a snapshot whose entry a power cut loses is found missing by recovery, which then
        // files the inbox original by its hash.
        let (hash, size) = try FileCopy.copyHashing(from: candidate.path, to: snapshot)
        KillPoint.hit("after-snapshot")
        guard let after = FileSystem.status(candidate.path), after.sameFile(as: candidate.status),
              after.lastActivity == candidate.status.lastActivity else {
            try FileSystem.remove(snapshot)
            return nil
        }

        let file = InboxFile(path: snapshot, originalName: candidate.originalName, inboxPath: candidate.inboxPath,
                             partnerFolder: candidate.partnerFolder, contentHash: hash, size: size)
        let identification = identifier.identify(file)
        let outcome: SubmissionDraft.Outcome
        if let identification {
            if let original = try store.acceptedSubmission(withHash: hash) {
                outcome = .duplicate(of: original)
            } else if try store.beginAttempt(hash: hash) >= Self.maximumAttempts {
                outcome = .rejected(SubmissionRejection(
                    code: .processorFailure, message: "innaxe stopped \(Self.maximumAttempts) times while processing this file",
                    file: candidate.originalName, hint: "report it to the innaxe maintainers with the file"))
            } else {
                switch processor.process(file, from: identification) {
                case .processed(let p): outcome = .accepted(Self.deduplicated(p))
                case .rejected(let r): outcome = .rejected(r)
                }
            }
        } else {
            outcome = .rejected(SubmissionRejection(
                code: .unknownPartner, message: "no partner folder, file-name pattern or header fingerprint tells who sent this file",
                file: candidate.originalName,
                hint: "drop it into the partner's folder, inbox/<partner>/ (known: \(workspace.partnerFolders().joined(separator: ", ")))"))
        }
        KillPoint.hit("after-process")

        let now = FileSystem.nowNanoseconds()
        let partnerFolder = identification?.partnerID
        let base: String
        if case .rejected = outcome { base = "rejected" } else { base = "archive" }
        let stored = try storedPath(base: base, partner: partnerFolder, time: now, hash: hash, name: candidate.originalName, store: store)
        let draft = SubmissionDraft(file: file, identification: identification, outcome: outcome,
                                    receivedAt: Timestamps.iso(nanoseconds: candidate.status.lastActivity),
                                    processedAt: Timestamps.iso(nanoseconds: now), storedPath: stored, snapshotPath: snapshotRelative)
        let entry = try store.record(draft)
        KillPoint.hit("after-commit")

        try Filing(workspace: workspace, store: store).file(entry, originalStatus: candidate.status)
        var filed = entry
        filed.filed = true
        filed.snapshotPath = nil
        switch filed.status {
        case .accepted: return .accepted(filed)
        case .duplicate: return .duplicate(filed)
        case .rejected: return .rejected(filed)
        }
    }

    /// `archive/<partner>/<time>-<hash16>-<name>`, unique, at most 255 bytes in its last part.
    private func storedPath(base: String, partner: String?, time: Int64, hash: String, name: String, store: StateStore) throws -> String {
        let folder = base + (partner.map { "/" + $0 } ?? "")
        let prefix = Timestamps.compact(nanoseconds: time) + "-" + hash.prefix(16)
        var safeName = name
        while safeName.utf8.count > 200 { safeName.removeFirst() }
        var n = 1
        while true {
            let candidate = folder + "/" + prefix + (n == 1 ? "" : "-\(n)") + "-" + safeName
            if !FileSystem.exists(workspace.absolute(candidate)), try !store.storedPathTaken(candidate) { return candidate }
            n += 1
        }
    }

    /// The workflow's guarantee whatever the processor does: one observation per key (the first).
    static func deduplicated(_ p: ProcessedSubmission) -> ProcessedSubmission {
        var seen: [ObservationKey: Provenance] = [:]
        var out = p
        out.observations = []
        out.observations.reserveCapacity(p.observations.count)
        for o in p.observations {
            if let first = seen[o.key] {
                out.findings.append(FindingRecord(
                    code: "duplicate-key", severity: .error,
                    message: "\(o.indicator) for \(o.region) \(o.year) is given twice; the value at \(first.cell ?? "?") is kept",
                    file: o.provenance.file, sheet: o.provenance.sheet, cell: o.provenance.cell, rawText: o.provenance.originalText))
                continue
            }
            seen[o.key] = o.provenance
            out.observations.append(o)
        }
        return out
    }
}

public struct WorkspaceMissing: Error, CustomStringConvertible, Sendable {
    public var path: String
    public init(path: String) { self.path = path }
    public var description: String { "\(path) is not an innaxe workspace (no inbox/ and state/); create one with `innaxe init`" }
}

/// What a workspace holds, for `innaxe status`: per partner its submissions, latest file, current
/// values and open findings; files waiting in the inbox.
public struct WorkspaceStatus: Sendable {
    public struct Partner: Sendable {
        public var partner: String
        public var accepted = 0, duplicates = 0, rejected = 0
        public var currentObservations = 0
        public var openErrors = 0, openWarnings = 0, openInfos = 0
        public var latest: SubmissionEntry?
    }

    public var partners: [Partner]
    public var unidentifiedRejections: Int
    public var currentObservations: Int
    public var inboxReady: Int
    public var inboxWaiting: Int
    public var unfiled: Int

    public init(workspace: Workspace, store: StateStore, settle: Double = 5) throws {
        let submissions = try store.submissions()
        var byPartner: [String: Partner] = [:]
        for p in workspace.partnerFolders() { byPartner[p] = Partner(partner: p) }
        var unidentified = 0
        for s in submissions {
            guard let id = s.partnerID else { unidentified += 1; continue }
            var p = byPartner[id] ?? Partner(partner: id)
            switch s.status {
            case .accepted: p.accepted += 1
            case .duplicate: p.duplicates += 1
            case .rejected: p.rejected += 1
            }
            p.latest = s
            byPartner[id] = p
        }
        for s in try store.submissionsWithOpenFindings() {
            guard let id = s.partnerID else { continue }
            byPartner[id]?.openErrors += s.counts.errors
            byPartner[id]?.openWarnings += s.counts.warnings
            byPartner[id]?.openInfos += s.counts.infos
        }
        let current = try store.currentObservations()
        for o in current { byPartner[o.partnerID]?.currentObservations += 1 }
        partners = byPartner.values.sorted { $0.partner < $1.partner }
        unidentifiedRejections = unidentified
        currentObservations = current.count
        let scan = InboxScanner(inbox: workspace.inbox, settle: settle).scan()
        inboxReady = scan.ready.count
        inboxWaiting = scan.waiting.count
        unfiled = submissions.filter { !$0.filed }.count
    }
}

/// The coordinators' report: per partner its latest submission, open findings and rejected
/// files, and the completeness matrix partner × indicator × year.
public struct ValidationReport: Sendable {
    public struct PartnerSection: Sendable {
        public var partner: String
        public var latestSubmission: SubmissionEntry?
        public var openFindings: [(submission: Int64, finding: FindingRecord)]
        /// Files rejected since the partner's latest accepted submission.
        public var rejected: [SubmissionEntry]
    }

    public var generatedAt: String
    public var partners: [PartnerSection]
    public var completeness: CompletenessMatrix
    /// Rejected files no partner could be found for.
    public var unidentified: [SubmissionEntry]

    public init(store: StateStore, partnerFolders: [String], expectedIndicators: [String]?, expectedYears: [Int]?,
                generatedAt: String) throws {
        let submissions = try store.submissions()
        var partnerIDs = Set(partnerFolders)
        for s in submissions { if let p = s.partnerID { partnerIDs.insert(p) } }
        let partners = partnerIDs.sorted()
        var open: [String: [(Int64, FindingRecord)]] = [:]
        for s in try store.submissionsWithOpenFindings() {
            for f in try store.findings(ofSubmission: s.id) { open[s.partnerID ?? "", default: []].append((s.id, f)) }
        }
        var sections: [PartnerSection] = []
        for p in partners {
            let mine = submissions.filter { $0.partnerID == p }
            let lastAccepted = mine.last { $0.status == .accepted }
            let rejected = mine.filter { $0.status == .rejected && $0.id > (lastAccepted?.id ?? 0) }
            sections.append(PartnerSection(partner: p, latestSubmission: mine.last, openFindings: (open[p] ?? []).map { (submission: $0.0, finding: $0.1) },
                                           rejected: rejected))
        }
        self.generatedAt = generatedAt
        self.partners = sections
        self.completeness = CompletenessMatrix(observations: try store.currentObservations(), partners: partners,
                                               indicators: expectedIndicators, years: expectedYears)
        self.unidentified = submissions.filter { $0.status == .rejected && $0.partnerID == nil }
    }

    public var json: JSONValue {
        .object([
            ("format", "innaxe-validation-report"),
            ("format_version", 1),
            ("generated_at", .string(generatedAt)),
            ("partners", .array(partners.map { s in
                .object([
                    ("partner", .string(s.partner)),
                    ("latest_submission", s.latestSubmission.map(SubmissionJSON.summary) ?? .null),
                    ("open_findings", .array(s.openFindings.map { SubmissionJSON.finding($0.finding, submission: $0.submission) })),
                    ("rejected_since_last_accepted", .array(s.rejected.map(SubmissionJSON.summary))),
                ])
            })),
            ("completeness", completeness.json),
            ("unidentified_rejections", .array(unidentified.map(SubmissionJSON.summary))),
        ])
    }
}

/// How submissions, findings and observations read in every JSON output.
enum SubmissionJSON {
    static func summary(_ s: SubmissionEntry) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("submission", .int(s.id)),
            ("status", .string(s.status.rawValue)),
            ("file", .string(s.originalName)),
            ("inbox_path", .string("inbox/" + s.inboxPath)),
            ("stored_as", .string(s.storedPath)),
            ("content_hash", .string(s.contentHash)),
            ("received_at", .string(s.receivedAt)),
            ("processed_at", .string(s.processedAt)),
            ("partner", .optional(s.partnerID)),
        ]
        switch s.status {
        case .accepted:
            members += [
                ("mapping", .optional(s.mappingID)), ("mapping_version", .optional(s.mappingVersion)),
                ("schema_version", .optional(s.schemaVersion)),
                ("observations", .int(s.counts.observations)),
                ("findings", .object([("error", .int(s.counts.errors)), ("warning", .int(s.counts.warnings)), ("info", .int(s.counts.infos))])),
                ("changes", .object([("added", .int(s.counts.added)), ("revised", .int(s.counts.revised)),
                                     ("withdrawn", .int(s.counts.withdrawn)), ("unchanged", .int(s.counts.unchanged))])),
            ]
        case .duplicate:
            members.append(("duplicate_of", .optional(s.duplicateOf)))
        case .rejected:
            members += [("code", .optional(s.rejection?.code.rawValue)), ("message", .optional(s.rejection?.message)),
                        ("location", .optional(s.rejection?.locationText)), ("hint", .optional(s.rejection?.hint))]
        }
        return .object(members)
    }

    static func finding(_ f: FindingRecord, submission: Int64?) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let submission { members.append(("submission", .int(submission))) }
        members += [
            ("code", .string(f.code)), ("severity", .string(f.severity.rawValue)), ("message", .string(f.message)),
            ("location", .string(f.locationText)), ("file", .string(f.file)), ("sheet", .optional(f.sheet)),
            ("cell", .optional(f.cell)), ("raw_text", .optional(f.rawText)), ("expected", .optional(f.expected)),
            ("hint", .optional(f.hint)),
        ]
        return .object(members)
    }

    static func observation(_ o: StoredObservation) -> JSONValue {
        let r = o.record
        return .object([
            ("partner", .string(o.partnerID)), ("cluster_id", .string(r.clusterID)), ("indicator", .string(r.indicator)),
            ("region", .string(r.region)), ("year", .int(r.year)), ("value", .value(r.value)), ("unit", .optional(r.unit)),
            ("obs_status", .string(r.obsStatus)), ("obs_comment", .optional(r.obsComment)),
            ("provenance", .object([
                ("submission", .int(o.submissionID)), ("file", .string(r.provenance.file)), ("sheet", .optional(r.provenance.sheet)),
                ("cell", .optional(r.provenance.cell)), ("original_text", .optional(r.provenance.originalText)),
                ("original_unit", .optional(r.provenance.originalUnit)),
            ])),
        ])
    }

    static func change(_ c: ObservationChange) -> JSONValue {
        .object([
            ("change", .string(c.kind.rawValue)), ("indicator", .string(c.key.indicator)), ("region", .string(c.key.region)),
            ("year", .int(c.key.year)), ("cluster_id", .string(c.key.clusterID)), ("cell", .optional(c.cell)),
            ("previous", c.kind == .added ? .null : .object([
                ("value", .optional(c.previousValue)), ("unit", .optional(c.previousUnit)), ("obs_status", .optional(c.previousStatus)),
                ("submission", .optional(c.previousSubmissionID)),
            ])),
            ("now", c.kind == .withdrawn ? .null : .object([
                ("value", .optional(c.value)), ("unit", .optional(c.unit)), ("obs_status", .optional(c.status)),
            ])),
        ])
    }
}

/// Decides which partner sent a file (and, when it can tell, which of its mappings applies).
///
/// Strategies, tried in order by `FirstMatchPartnerIdentifier`: the inbox subfolder the file was
/// dropped in, a file-name pattern, a header fingerprint declared in a mapping file.
public protocol PartnerIdentifying: Sendable {
    /// The partner, or nil when this strategy cannot tell.
    func identify(_ file: InboxFile) -> PartnerIdentification?
}

public struct PartnerIdentification: Hashable, Sendable {
    public enum Method: String, Hashable, Sendable {
        case inboxFolder = "inbox-folder"
        case fileName = "file-name"
        case headerFingerprint = "header-fingerprint"
    }

    public var partnerID: String
    /// The mapping to use when the strategy determined it (a fingerprint does), else nil.
    public var mappingID: String?
    public var method: Method

    public init(partnerID: String, mappingID: String? = nil, method: Method) {
        self.partnerID = partnerID
        self.mappingID = mappingID
        self.method = method
    }
}

/// Tries strategies in order; the first that knows wins.
public struct FirstMatchPartnerIdentifier: PartnerIdentifying {
    public var strategies: [any PartnerIdentifying]

    public init(_ strategies: [any PartnerIdentifying]) {
        self.strategies = strategies
    }

    public func identify(_ file: InboxFile) -> PartnerIdentification? {
        for s in strategies {
            if let found = s.identify(file) { return found }
        }
        return nil
    }
}

/// `inbox/<partner>/…`: the folder names the partner (when it is one of `knownPartners`, or any
/// well-formed partner id when that set is nil).
public struct InboxFolderPartnerIdentifier: PartnerIdentifying {
    public var knownPartners: Set<String>?

    public init(knownPartners: Set<String>? = nil) {
        self.knownPartners = knownPartners
    }

    public func identify(_ file: InboxFile) -> PartnerIdentification? {
        guard let folder = file.partnerFolder?.lowercased(), PartnerID.isWellFormed(folder) else { return nil }
        if let knownPartners, !knownPartners.contains(folder) { return nil }
        return PartnerIdentification(partnerID: folder, method: .inboxFolder)
    }
}

/// A file-name pattern per partner (a mapping's `files:`, e.g. `(?i)^medicen_.*\.(csv|xlsx)$`),
/// matched case-insensitively against the original name.
public struct FileNamePatternPartnerIdentifier: PartnerIdentifying {
    public struct Rule: Sendable {
        public var partnerID: String
        public var mappingID: String?
        public var pattern: String

        public init(partnerID: String, mappingID: String? = nil, pattern: String) {
            self.partnerID = partnerID
            self.mappingID = mappingID
            self.pattern = pattern
        }
    }

    public var rules: [Rule]

    public init(rules: [Rule]) {
        self.rules = rules
    }

    public func identify(_ file: InboxFile) -> PartnerIdentification? {
        for rule in rules where RegexMatch.matches(rule.pattern, file.originalName) {
            return PartnerIdentification(partnerID: rule.partnerID, mappingID: rule.mappingID, method: .fileName)
        }
        return nil
    }
}

/// Partner ids are lower-case slugs, as the schema's `cluster_id` pattern says.
public enum PartnerID {
    public static func isWellFormed(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (2...32).contains(bytes.count), let first = bytes.first, (97...122).contains(first) else { return false }
        return bytes.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 0x5F || $0 == 0x2D }
    }
}

/// The one status flag of an observation (SDMX OBS_STATUS, with confidentiality folded in).
///
/// When several markers apply to one value (a `vorläufig` row and a `ca.` in the cell), the
/// strongest wins by `precedence` — C > M > N > E > P > B > A — and the others are kept in the
/// observation's comment.
public enum ObservationStatus: String, Hashable, Sendable, CaseIterable, Comparable, Codable {
    /// Normal value.
    case normal = "A"
    /// Estimated value.
    case estimated = "E"
    /// Provisional value.
    case provisional = "P"
    /// Break in series.
    case breakInSeries = "B"
    /// Confidential: the value is withheld.
    case confidential = "C"
    /// Missing: not available or not collected.
    case missing = "M"
    /// Not applicable: cannot exist for this region or cluster.
    case notApplicable = "N"

    /// Higher wins. C > M > N > E > P > B > A.
    public var precedence: Int {
        switch self {
        case .confidential: return 6
        case .missing: return 5
        case .notApplicable: return 4
        case .estimated: return 3
        case .provisional: return 2
        case .breakInSeries: return 1
        case .normal: return 0
        }
    }

    /// C, M and N carry no value.
    public var withholdsValue: Bool { self == .confidential || self == .missing || self == .notApplicable }

    public static func < (a: ObservationStatus, b: ObservationStatus) -> Bool { a.precedence < b.precedence }

    /// The SDMX meaning, for reports and the schema's code list.
    public var meaning: String {
        switch self {
        case .normal: return "normal value"
        case .estimated: return "estimated value"
        case .provisional: return "provisional value"
        case .breakInSeries: return "break in series"
        case .confidential: return "confidential (value withheld)"
        case .missing: return "missing (not available)"
        case .notApplicable: return "not applicable"
        }
    }
}

/// The flags collected for one value, resolved by precedence.
public struct StatusFlags: Hashable, Sendable {
    /// Up to eight statuses in the order they were added, four bits each (case position + 1):
    /// every value has flags, and an array would allocate for each one that is flagged.
    private var packed: UInt32 = 0
    public private(set) var count = 0

    public init() {}

    private static let cases = ObservationStatus.allCases

    private func status(at i: Int) -> ObservationStatus { Self.cases[Int((packed >> (4 * UInt32(i))) & 0xF) - 1] }

    public var flags: [ObservationStatus] { (0..<count).map(status(at:)) }

    public func contains(_ status: ObservationStatus) -> Bool {
        for i in 0..<count where self.status(at: i) == status { return true }
        return false
    }

    public mutating func add(_ status: ObservationStatus) {
        guard status != .normal, count < 8, !contains(status) else { return }
        packed |= UInt32(Self.cases.firstIndex(of: status)! + 1) << (4 * UInt32(count))
        count += 1
    }

    public mutating func add(_ other: StatusFlags) {
        for i in 0..<other.count { add(other.status(at: i)) }
    }

    public var resolved: ObservationStatus {
        var best = ObservationStatus.normal
        for i in 0..<count { best = max(best, status(at: i)) }
        return best
    }

    /// Flags that lost to the winner, for the comment.
    public var overridden: [ObservationStatus] {
        let winner = resolved
        return flags.filter { $0 != winner }
    }
}

/// How bad a finding is. Errors make `innaxe validate` exit 1; warnings and infos do not.
public enum Severity: String, Hashable, Sendable, Comparable, CaseIterable, Codable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

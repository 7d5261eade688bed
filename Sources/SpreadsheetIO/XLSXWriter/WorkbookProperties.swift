#if canImport(Glibc)
import Glibc
#endif

/// The document properties Excel shows under File › Info (`docProps/core.xml`, `app.xml`).
public struct WorkbookProperties: Hashable, Sendable {
    public var title: String?
    public var subject: String?
    public var creator: String
    /// Seconds since 1970-01-01 UTC; nil = when the workbook is closed.
    public var created: Int?

    public init(title: String? = nil, subject: String? = nil, creator: String = "innaxe", created: Int? = nil) {
        self.title = title
        self.subject = subject
        self.creator = creator
        self.created = created
    }

    /// W3CDTF in UTC, as Excel writes it: `2026-12-02T05:24:04Z`.
    static func w3cdtf(_ seconds: Int) -> String {
        var t = time_t(seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        let date = CivilDateTime(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
                                 hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec))
        return date.isoDate + "T" + date.isoTime + "Z"
    }
}

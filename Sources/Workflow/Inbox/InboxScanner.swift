import Foundation

/// Lists the inbox files ready to be taken, in arrival order, and says why others wait.
///
/// A file is ready when it is a regular file, not one of the temporary or lock files that
/// office suites, browsers and sync clients leave while they work, and has been still for the
/// settle time: neither its content nor its metadata changed (`max(mtime, ctime)`, so a copy
/// that preserves the original's mtime still counts as fresh when it lands).
struct InboxScanner {
    struct Candidate {
        var path: String
        var inboxPath: String
        var originalName: String
        var partnerFolder: String?
        var status: FileSystem.Status
    }

    struct Scan {
        var ready: [Candidate] = []
        /// Still changing (relative paths).
        var waiting: [String] = []
        /// Not taken at all, with the reason (relative path, reason).
        var ignored: [(String, String)] = []
    }

    var inbox: URL
    /// Seconds a file must stay unchanged.
    var settle: Double

    /// Why a name is never taken, or nil when it may be.
    static func ignoredReason(_ name: String) -> String? {
        let lower = name.lowercased()
        if name.hasPrefix("~$") { return "an Office owner (lock) file" }
        if name.hasPrefix(".~lock.") && name.hasSuffix("#") { return "a LibreOffice lock file" }
        if name.hasPrefix(".") { return "a hidden file" }
        for suffix in [".part", ".partial", ".crdownload", ".download", ".tmp", ".temp"] where lower.hasSuffix(suffix) {
            return "an unfinished download or temporary file (\(suffix))"
        }
        if ["thumbs.db", "desktop.ini"].contains(lower) { return "a system file" }
        return nil
    }

    func scan(now: Int64 = FileSystem.nowNanoseconds()) -> Scan {
        var result = Scan()
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: inbox.path) else { return result }
        let settleNanos = Int64(settle * 1_000_000_000)
        while let relative = walker.nextObject() as? String {
            let components = relative.split(separator: "/").map(String.init)
            guard let name = components.last else { continue }
            let path = inbox.path + "/" + relative
            guard let status = FileSystem.status(path) else { continue }
            if status.isDirectory {
                if name.hasPrefix(".") { walker.skipDescendants() }
                continue
            }
            if components.dropLast().contains(where: { $0.hasPrefix(".") }) { continue }
            if Self.ignoredReason(name) != nil { continue }
            guard status.isRegularFile else {
                result.ignored.append((relative, status.isSymbolicLink ? "a symbolic link (drop the file itself)" : "not a regular file"))
                continue
            }
            if now - status.lastActivity < settleNanos {
                result.waiting.append(relative)
                continue
            }
            result.ready.append(Candidate(path: path, inboxPath: relative, originalName: name,
                                          partnerFolder: components.count > 1 ? components[0] : nil, status: status))
        }
        result.ready.sort { ($0.status.lastActivity, $0.inboxPath) < ($1.status.lastActivity, $1.inboxPath) }
        result.waiting.sort()
        return result
    }
}

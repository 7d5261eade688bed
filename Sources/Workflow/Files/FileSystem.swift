#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The POSIX calls the workflow's crash safety rests on (stat with ctime, fsync of files and
/// folders, rename, flock), each checked in one place and turned into a `FileSystemError`.
enum FileSystem {
    struct Status: Hashable {
        var device: UInt64
        var inode: UInt64
        var size: Int
        /// Nanoseconds since 1970.
        var modified: Int64
        var changed: Int64
        var isRegularFile: Bool
        var isDirectory: Bool
        var isSymbolicLink: Bool

        /// The later of the last write and the last metadata change (a rename into the inbox,
        /// a `touch`): a file is settled when this is old enough.
        var lastActivity: Int64 { max(modified, changed) }
        /// Same bytes as far as the kernel can tell without reading them.
        func sameFile(as other: Status) -> Bool {
            device == other.device && inode == other.inode && size == other.size && modified == other.modified
        }
    }

    static func status(_ path: String) -> Status? {
        var s = stat()
        guard lstat(path, &s) == 0 else { return nil }
        #if canImport(Darwin)
        let m = Int64(s.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(s.st_mtimespec.tv_nsec)
        let c = Int64(s.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(s.st_ctimespec.tv_nsec)
        #else
        let m = Int64(s.st_mtim.tv_sec) * 1_000_000_000 + Int64(s.st_mtim.tv_nsec)
        let c = Int64(s.st_ctim.tv_sec) * 1_000_000_000 + Int64(s.st_ctim.tv_nsec)
        #endif
        let type = s.st_mode & S_IFMT
        return Status(device: UInt64(s.st_dev), inode: UInt64(s.st_ino), size: Int(s.st_size), modified: m, changed: c,
                      isRegularFile: type == S_IFREG, isDirectory: type == S_IFDIR, isSymbolicLink: type == S_IFLNK)
    }

    static func nowNanoseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }

    static func check(_ result: Int32, _ operation: String, _ path: String) throws {
        if result != 0 { throw FileSystemError(operation: operation, path: path, code: errno) }
    }

    /// Atomic within one file system; replaces `to` if it exists.
    static func rename(_ from: String, _ to: String) throws {
        try check(systemRename(from, to), "rename", from)
    }

    /// Like `rename`, but fails instead of replacing an existing `to` (link + unlink).
    static func moveNoReplace(_ from: String, _ to: String) throws {
        try check(link(from, to), "link", to)
        try check(unlink(from), "unlink", from)
    }

    static func remove(_ path: String) throws {
        if unlink(path) != 0, errno != ENOENT { throw FileSystemError(operation: "unlink", path: path, code: errno) }
    }

    /// Flushes a file's or a folder's entries to disk (a folder after a rename in it).
    static func sync(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError(operation: "open", path: path, code: errno) }
        defer { close(fd) }
        try check(fsync(fd), "fsync", path)
    }

    static func makeDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    static func exists(_ path: String) -> Bool { status(path) != nil }
}

private func systemRename(_ from: String, _ to: String) -> Int32 {
    #if canImport(Glibc)
    return Glibc.rename(from, to)
    #else
    return Darwin.rename(from, to)
    #endif
}

/// A failed system call on a workspace file, with the path and the system's reason.
public struct FileSystemError: Error, CustomStringConvertible, Sendable {
    public var operation: String
    public var path: String
    public var code: Int32

    public var description: String {
        "\(path): \(operation) failed: \(String(cString: strerror(code)))"
    }
}

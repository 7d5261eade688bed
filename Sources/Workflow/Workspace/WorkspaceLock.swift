#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An exclusive `flock` on `state/lock`, so two runs never process one workspace at once. The
/// kernel releases it when the process ends, however it ends: a killed run leaves no stale lock.
/// The holder's pid is written into the file for the refusal message.
public final class WorkspaceLock {
    private let fd: Int32

    public struct Busy: Error, CustomStringConvertible, Sendable {
        public var holder: String?
        public var description: String {
            "another innaxe process\(holder.map { " (pid \($0))" } ?? "") is processing this workspace; try again when it has finished"
        }
    }

    public init(workspace: Workspace) throws {
        try FileSystem.makeDirectory(workspace.state.path)
        let path = workspace.lockFile.path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileSystemError(operation: "open", path: path, code: errno) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &buffer, 32, 0)
            close(fd)
            if code == EWOULDBLOCK {
                let holder = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : nil
                throw Busy(holder: holder?.isEmpty == false ? holder : nil)
            }
            throw FileSystemError(operation: "flock", path: path, code: code)
        }
        self.fd = fd
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }
}

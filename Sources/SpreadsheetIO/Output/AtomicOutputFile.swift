#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file that appears whole or not at all: bytes go to a temporary file in the target's
/// folder (same file system, so the final `rename` is atomic) and only `commit()` puts it in place.
/// Dropped without `commit()`, the temporary file is removed: a failure half-way leaves nothing.
public final class AtomicOutputFile: ByteSink {
    public let path: String
    public let displayName: String
    let temporaryPath: String
    private var fd: Int32
    private enum State { case open, committed, discarded }
    private var state = State.open

    public init(path: String, displayName: String? = nil) throws {
        self.path = path
        self.displayName = displayName ?? path
        temporaryPath = try TemporaryPath.beside(path, tag: "tmp")
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            throw SpreadsheetError(.cannotWrite, file: self.displayName,
                                   reason: "cannot create a file in the target folder: \(String(cString: strerror(errno)))")
        }
    }

    deinit { discard() }

    /// Gives the output up: the temporary file is removed and the target left as it was.
    public func discard() {
        guard state == .open else { return }
        state = .discarded
        if fd >= 0 { close(fd) }
        fd = -1
        unlink(temporaryPath)
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw SpreadsheetError(.cannotWrite, file: displayName, reason: "cannot write: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Closes the temporary file and renames it over the target.
    public func commit() throws {
        switch state {
        case .committed: return
        case .discarded: throw SpreadsheetError(.cannotWrite, file: displayName, reason: "the output was given up before it was complete")
        case .open: break
        }
        let closed = close(fd)
        fd = -1
        guard closed == 0 else {
            throw SpreadsheetError(.cannotWrite, file: displayName, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
        try TemporaryPath.rename(temporaryPath, to: path, displayName: displayName)
        state = .committed
    }
}

/// Names for temporary files beside an output, and the rename that publishes them.
enum TemporaryPath {
    /// `folder/.name.innaxe-<tag>-<random>`: hidden, in the same folder, unlikely to collide.
    static func beside(_ path: String, tag: String) throws -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var random = SystemRandomNumberGenerator()
        let suffix = String(random.next() & 0xFFFF_FFFF_FFFF, radix: 36)
        return folder + "." + name + ".innaxe-" + tag + "-" + suffix
    }

    static func rename(_ from: String, to: String, displayName: String) throws {
        guard Glibc.rename(from, to) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(from)
            throw SpreadsheetError(.cannotWrite, file: displayName, reason: "cannot put the file in place: \(reason)")
        }
    }
}

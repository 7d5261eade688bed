import Foundation
import Crypto
import SpreadsheetIO

/// SHA-256, to identify an input file by its content in every output: swift-crypto's (BoringSSL
/// on Linux, with the CPU's SHA instructions where it has them), behind the small API the
/// engine and the inbox use; streams a file in 1 MiB pieces.
public struct SHA256 {
    private var hasher = Crypto.SHA256()
    private var length = 0

    public init() {}

    public struct Digest: Hashable, Sendable {
        public var bytes: [UInt8]
        public var byteCount: Int
        public var hex: String {
            let digits = Array("0123456789abcdef".utf8)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count * 2)
            for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0xF)]) }
            return String(decoding: out, as: UTF8.self)
        }
    }

    public mutating func update(_ data: UnsafeRawBufferPointer) {
        length += data.count
        hasher.update(bufferPointer: data)
    }

    public mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

    public mutating func finalize() -> Digest {
        Digest(bytes: Array(hasher.finalize()), byteCount: length)
    }

    public static func hash(_ bytes: [UInt8]) -> Digest {
        var s = SHA256()
        s.update(bytes)
        return s.finalize()
    }

    public static func hashFile(path: String) throws -> Digest {
        try hash(openedFile: open(path))
    }

    /// Starts hashing `path` on another thread and returns at once (the file is opened here, so
    /// an unreadable file still throws before any work): the hash then costs no wall time
    /// while the file is parsed on this one.
    public static func hashFileInBackground(path: String) throws -> PendingDigest {
        let pending = PendingDigest(handle: try open(path))
        WorkerThread.start("innaxe.sha256") { pending.run() }
        return pending
    }

    /// A digest being computed on another thread; `wait()` blocks until it is done.
    public final class PendingDigest: @unchecked Sendable {
        private let handle: FileHandle
        private var digest: Digest?
        private let done = DispatchSemaphore(value: 0)

        init(handle: FileHandle) { self.handle = handle }

        fileprivate func run() {
            digest = SHA256.hash(openedFile: handle)
            done.signal()
        }

        public func wait() -> Digest {
            done.wait()
            done.signal()
            return digest!
        }
    }

    private static func open(_ path: String) throws -> FileHandle {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        return handle
    }

    private static func hash(openedFile handle: FileHandle) -> Digest {
        defer { try? handle.close() }
        var s = SHA256()
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            chunk.withUnsafeBytes { s.update($0) }
        }
        return s.finalize()
    }
}

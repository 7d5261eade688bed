#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Raw bytes of a file, read with `read(2)` in caller-sized pieces, after an optional leading
/// sample that was read first (for encoding detection) and is handed out again before the rest.
/// Can also serve bytes already in memory (no file descriptor).
final class FileByteSource {
    private var fd: Int32
    private let displayName: String
    /// Bytes read ahead (the sample), handed out before reading the descriptor again.
    private var prefix: [UInt8] = []
    private var prefixOffset = 0
    private var descriptorExhausted: Bool

    /// Opens `path` for reading. Throws `.unreadableFile` naming `displayName`.
    init(path: String, displayName: String) throws {
        self.displayName = displayName
        var fd: Int32
        repeat { fd = open(path, O_RDONLY) } while fd < 0 && errno == EINTR
        guard fd >= 0 else {
            throw SpreadsheetError(.unreadableFile, file: displayName, reason: "cannot open: \(Self.systemMessage(errno))")
        }
        self.fd = fd
        descriptorExhausted = false
    }

    /// Serves `bytes` (no file).
    init(bytes: [UInt8], displayName: String) {
        self.displayName = displayName
        fd = -1
        prefix = bytes
        descriptorExhausted = true
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// Reads ahead until `count` bytes are buffered or the file ends, and returns them without
    /// consuming them. `isComplete` is true when that is the whole file.
    func sample(_ count: Int) throws -> (bytes: ArraySlice<UInt8>, isComplete: Bool) {
        if fd >= 0, !descriptorExhausted, prefix.count - prefixOffset < count {
            let wanted = count - (prefix.count - prefixOffset)
            var chunk = [UInt8](repeating: 0, count: wanted)
            let filled = try chunk.withUnsafeMutableBufferPointer { buffer -> Int in
                var filled = 0
                while filled < wanted {
                    let n = try readDescriptor(buffer.baseAddress! + filled, count: wanted - filled)
                    if n == 0 { break }
                    filled += n
                }
                return filled
            }
            prefix.append(contentsOf: chunk[..<filled])
        }
        let available = prefix[prefixOffset...]
        let bytes = available.prefix(count)
        return (bytes, descriptorExhausted && bytes.count == available.count)
    }

    /// Copies up to `count` bytes into `destination`; 0 means the end of the file.
    func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        guard count > 0 else { return 0 }
        if prefixOffset < prefix.count {
            let n = min(count, prefix.count - prefixOffset)
            prefix.withUnsafeBufferPointer { destination.update(from: $0.baseAddress! + prefixOffset, count: n) }
            prefixOffset += n
            if prefixOffset == prefix.count {
                prefix = []
                prefixOffset = 0
            }
            return n
        }
        return try readDescriptor(destination, count: count)
    }

    private func readDescriptor(_ destination: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        if descriptorExhausted || fd < 0 { return 0 }
        while true {
            let n = systemRead(fd, destination, count)
            if n > 0 { return n }
            if n == 0 {
                descriptorExhausted = true
                close(fd)
                fd = -1
                return 0
            }
            if errno == EINTR { continue }
            throw SpreadsheetError(.unreadableFile, file: displayName, reason: "read failed: \(Self.systemMessage(errno))")
        }
    }

    private static func systemMessage(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "error \(code)" }
        return String(cString: message)
    }
}

@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(fd, buffer, count)
}

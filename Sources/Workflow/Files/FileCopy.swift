import Foundation
import Harmonisation

/// Copies a file to a new path while hashing it, then flushes the copy to disk: the snapshot
/// a processor reads and, when the original changes meanwhile, the copy that gets archived.
enum FileCopy {
    static func copyHashing(from source: String, to destination: String) throws -> (hash: String, size: Int) {
        guard let input = FileHandle(forReadingAtPath: source) else {
            throw FileSystemError(operation: "open", path: source, code: ENOENT)
        }
        defer { try? input.close() }
        guard FileManager.default.createFile(atPath: destination, contents: nil),
              let output = FileHandle(forWritingAtPath: destination) else {
            throw FileSystemError(operation: "create", path: destination, code: EACCES)
        }
        var hasher = SHA256()
        var size = 0
        do {
            while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
                chunk.withUnsafeBytes { hasher.update($0) }
                try output.write(contentsOf: chunk)
                size += chunk.count
            }
            try output.synchronize()
            try output.close()
        } catch {
            try? output.close()
            try? FileSystem.remove(destination)
            throw error
        }
        return (hasher.finalize().hex, size)
    }

    static func hash(of path: String) -> String? {
        guard let input = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? input.close() }
        var hasher = SHA256()
        while let chunk = try? input.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { hasher.update($0) }
        }
        return hasher.finalize().hex
    }
}

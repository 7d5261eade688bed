import Foundation

/// Writes a file so that readers see the old complete file or the new complete one, never a
/// half-written one, whatever happens: temp file in the same folder, fsync, rename, fsync folder.
enum AtomicFile {
    static let temporaryMarker = ".innaxe-tmp-"

    /// `durable: false` skips the fsyncs, for outputs the ledger can regenerate (a process crash
    /// still leaves the old or the new file, never a partial one: the rename is atomic).
    static func write(_ bytes: [UInt8], to path: String, durable: Bool = true) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        try FileSystem.makeDirectory(folder)
        let temp = folder + "/." + url.lastPathComponent + temporaryMarker + String(ProcessInfo.processInfo.processIdentifier)
        guard FileManager.default.createFile(atPath: temp, contents: nil), let out = FileHandle(forWritingAtPath: temp) else {
            throw FileSystemError(operation: "create", path: temp, code: EACCES)
        }
        do {
            try bytes.withUnsafeBytes { try out.write(contentsOf: Data($0)) }
            if durable { try out.synchronize() }
            try out.close()
        } catch {
            try? out.close()
            try? FileSystem.remove(temp)
            throw error
        }
        KillPoint.hit("output-written")
        try FileSystem.rename(temp, path)
        if durable { try FileSystem.sync(folder) }
    }

    static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Removes temp files a killed writer left in `folder` (and its subfolders): ours and the
    /// XLSX/CSV writers' (`.<name>.innaxe-<tag>-<random>`).
    static func removeLeftovers(in folder: String) {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return }
        for case let relative as String in walker {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            guard name.hasPrefix("."), name.contains(".innaxe-") else { continue }
            try? FileSystem.remove(folder + "/" + relative)
        }
    }
}

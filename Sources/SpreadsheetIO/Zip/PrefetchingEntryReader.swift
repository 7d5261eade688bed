import Foundation

/// Inflates a large ZIP entry on a background thread, a few chunks ahead of the reader.
///
/// Inflating is about a seventh of the work of reading a sheet; done on the second core it
/// overlaps with XML parsing instead of adding to it. Memory stays bounded: a fixed pool of
/// `depth` chunk buffers circulates between the inflating thread and the reader.
///
/// The background thread owns its own `ZipArchive` (libzip handles are not shared across
/// threads), opened on the same path and checked to hold the same entry (size and CRC) as the
/// archive the caller already validated.
final class PrefetchingEntryReader {
    let name: String
    private let pipeline: Pipeline

    init(path: String, file: String, limits: ZipLimits, part: String, expected: ZipArchive.EntryStat,
         chunkSize: Int = 1 << 18, depth: Int = 4) throws {
        let archive = try ZipArchive(path: path, file: file, limits: limits)
        guard let stat = try? archive.stat(part), stat == expected else {
            throw SpreadsheetError(.corruptZip, file: file, part: part, reason: "the file changed while it was being read; read it again once it is complete")
        }
        name = part
        pipeline = Pipeline(archive: archive, entry: try archive.open(part), chunkSize: chunkSize, depth: depth)
        let pipeline = self.pipeline
        WorkerThread.start("innaxe.inflate") { pipeline.inflateLoop() }
    }

    /// Stops the thread (a reader may be dropped half-way through a sheet) and waits for it.
    deinit { pipeline.cancelAndWait() }

    /// The next inflated bytes, valid until the next call; nil at the end of the entry.
    func nextChunk() throws -> UnsafeRawBufferPointer? { try pipeline.nextChunk() }

    /// The state shared by the reader and the inflating thread, guarded by one condition.
    private final class Pipeline: @unchecked Sendable {
        private let archive: ZipArchive
        private let entry: ZipEntryReader
        private let condition = NSCondition()
        private let all: [UnsafeMutableRawBufferPointer]
        private var free: [UnsafeMutableRawBufferPointer]
        private var filled: [(buffer: UnsafeMutableRawBufferPointer, count: Int)] = []
        private var finished = false
        private var failure: Error?
        private var cancelled = false
        private var threadDone = false
        /// The chunk handed out by the last `nextChunk()`, back in the pool on the next call.
        private var lent: UnsafeMutableRawBufferPointer?

        init(archive: ZipArchive, entry: ZipEntryReader, chunkSize: Int, depth: Int) {
            self.archive = archive
            self.entry = entry
            all = (0..<depth).map { _ in .allocate(byteCount: chunkSize, alignment: 16) }
            free = all
        }

        deinit { for b in all { b.deallocate() } }

        func cancelAndWait() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            while !threadDone { condition.wait() }
            condition.unlock()
        }

        func nextChunk() throws -> UnsafeRawBufferPointer? {
            condition.lock()
            defer { condition.unlock() }
            if let lent {
                free.append(lent)
                self.lent = nil
                condition.broadcast()
            }
            while filled.isEmpty && !finished && failure == nil { condition.wait() }
            if !filled.isEmpty {
                let next = filled.removeFirst()
                lent = next.buffer
                return UnsafeRawBufferPointer(rebasing: next.buffer[0..<next.count])
            }
            if let failure { throw failure }
            return nil
        }

        func inflateLoop() {
            defer {
                condition.lock()
                threadDone = true
                condition.broadcast()
                condition.unlock()
            }
            while true {
                condition.lock()
                while free.isEmpty && !cancelled { condition.wait() }
                if cancelled { condition.unlock(); return }
                let buffer = free.removeLast()
                condition.unlock()

                let result = Result { try entry.read(into: buffer) }

                condition.lock()
                switch result {
                case .success(let n) where n > 0:
                    filled.append((buffer, n))
                case .success:
                    free.append(buffer)
                    finished = true
                case .failure(let error):
                    free.append(buffer)
                    failure = error
                }
                let stop = finished || failure != nil
                condition.broadcast()
                condition.unlock()
                if stop { return }
            }
        }
    }
}

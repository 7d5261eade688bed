import Foundation

/// Reads rows on a thread of its own, a few batches ahead of the caller: parsing the file (CSV
/// decoding and splitting, or the sheet XML) then runs on the second core while the caller works
/// on the rows already read. Memory stays bounded: at most `depth` batches of `batchSize` rows
/// wait.
///
/// The source belongs to the reading thread from `init` on: the caller must not touch it again.
/// Rows come in the source's order; an error of the source is thrown after the rows read before
/// it, and again by every later call. Dropping the reader half-way stops the thread.
public final class PrefetchingRowReader: RowReading {
    private enum Item {
        case rows([Row])
        case failure(Error)
    }

    private let queue: BoundedQueue<Item>
    private let reading: Reading
    private var batch: [Row] = []
    private var position = 0
    private var failure: Error?

    public init(_ source: any RowReading, batchSize: Int = 256, depth: Int = 4) {
        queue = BoundedQueue(depth: depth)
        reading = Reading(source: source, batchSize: max(1, batchSize))
        let reading = self.reading, queue = self.queue
        WorkerThread.start("innaxe.rows") { reading.run(into: queue) }
    }

    /// Stops the thread (a reader may be dropped half-way through a sheet) and waits for it.
    deinit {
        queue.cancel()
        reading.finished.wait()
    }

    public func next() throws -> Row? {
        if position < batch.count {
            defer { position += 1 }
            return batch[position]
        }
        if let failure { throw failure }
        // The rows read go back to the reading thread to be freed there, off this one.
        if !batch.isEmpty { reading.recycle(batch) }
        batch = []
        switch queue.take() {
        case .rows(let rows)?:
            batch = rows
            position = 1
            return rows[0]
        case .failure(let error)?:
            failure = error
            throw error
        case nil:
            return nil
        }
    }

    /// The reading thread's side: the source (owned by it from `init` on) and the batches the
    /// caller has finished with.
    private final class Reading: @unchecked Sendable {
        private var source: (any RowReading)?
        private let batchSize: Int
        let finished = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var spent: [[Row]] = []

        init(source: any RowReading, batchSize: Int) {
            self.source = source
            self.batchSize = batchSize
        }

        func recycle(_ rows: [Row]) { lock.withLock { spent.append(rows) } }

        func run(into queue: BoundedQueue<Item>) {
            // The source is released here, before the caller's deinit may go on.
            if let source { read(source, into: queue) }
            source = nil
            _ = takeSpent()
            finished.signal()
        }

        private func takeSpent() -> [[Row]] {
            lock.withLock {
                defer { spent.removeAll() }
                return spent
            }
        }

        private func read(_ source: any RowReading, into queue: BoundedQueue<Item>) {
            while true {
                var rows: [Row] = []
                rows.reserveCapacity(batchSize)
                var error: Error?
                var end = false
                do {
                    while rows.count < batchSize {
                        guard let row = try source.next() else { end = true; break }
                        rows.append(row)
                    }
                } catch let e {
                    error = e
                }
                _ = takeSpent()   // the caller's finished batches, freed on this thread
                if !rows.isEmpty, !queue.put(.rows(rows)) { return }
                if let error { queue.put(.failure(error)); queue.close(); return }
                if end { queue.close(); return }
            }
        }
    }
}

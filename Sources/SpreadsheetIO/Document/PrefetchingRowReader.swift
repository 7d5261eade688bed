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
    private let pipeline: Pipeline
    private var batch: [Row] = []
    private var position = 0

    public init(_ source: any RowReading, batchSize: Int = 256, depth: Int = 4) {
        pipeline = Pipeline(source: source, batchSize: max(1, batchSize), depth: max(1, depth))
        let pipeline = self.pipeline
        WorkerThread.start("innaxe.rows") { pipeline.readLoop() }
    }

    deinit { pipeline.cancelAndWait() }

    public func next() throws -> Row? {
        if position < batch.count {
            defer { position += 1 }
            return batch[position]
        }
        // The rows read go back to the reading thread to be freed there, off this one.
        let spent = batch
        batch = []
        guard let more = try pipeline.nextBatch(returning: spent) else { return nil }
        batch = more
        position = 1
        return batch[0]
    }

    /// The state shared by the caller and the reading thread, guarded by one condition.
    private final class Pipeline: @unchecked Sendable {
        private var source: (any RowReading)?
        private let batchSize: Int
        private let depth: Int
        private let condition = NSCondition()
        private var ready: [[Row]] = []
        private var finished = false
        private var failure: Error?
        private var cancelled = false
        private var running = true
        /// Who waits on `condition`: each side wakes the other only then (a wake-up per batch
        /// cost more than the rows it carried).
        private var readerWaiting = false
        private var callerWaiting = false

        init(source: any RowReading, batchSize: Int, depth: Int) {
            self.source = source
            self.batchSize = batchSize
            self.depth = depth
        }

        func readLoop() {
            defer {
                condition.lock()
                source = nil
                running = false
                condition.broadcast()
                condition.unlock()
            }
            guard let source else { return }
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
                condition.lock()
                var freeing = spent
                spent = []
                while ready.count >= depth && !cancelled {
                    readerWaiting = true
                    condition.wait()
                    readerWaiting = false
                }
                if cancelled { condition.unlock(); return }
                if !spent.isEmpty { freeing += spent; spent = [] }
                if !rows.isEmpty { ready.append(rows) }
                if let error { failure = error }
                if end || error != nil { finished = true }
                if callerWaiting { condition.broadcast() }
                let stop = finished
                condition.unlock()
                freeing.removeAll()
                if stop { return }
            }
        }

        /// Batches the caller has read, freed by the reading thread.
        private var spent: [[Row]] = []

        func nextBatch(returning used: [Row]) throws -> [Row]? {
            condition.lock()
            defer { condition.unlock() }
            if !used.isEmpty, running { spent.append(used) }
            while ready.isEmpty && !finished {
                callerWaiting = true
                condition.wait()
                callerWaiting = false
            }
            if !ready.isEmpty {
                let rows = ready.removeFirst()
                if readerWaiting { condition.broadcast() }
                return rows
            }
            if let failure { throw failure }
            return nil
        }

        func cancelAndWait() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            while running { condition.wait() }
            condition.unlock()
        }
    }
}

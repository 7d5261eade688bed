import Foundation
import SpreadsheetIO

/// Hands observations to another sink that runs on a thread of its own, in batches: writing the
/// JSON or the workbook then overlaps reading and checking the next rows, instead of adding to
/// them. Memory stays bounded: at most `depth` batches wait; a full queue makes the producer wait.
///
/// The target sees the observations in production order. A target error is thrown once, from
/// the `accept` that hands over the next batch (or from `drain`); later observations are dropped.
///
/// ```swift
/// let json = BackgroundSink(try HarmonisedJSONWriter(path: …))
/// harmoniser.harmonise(path: file, mapping: m, sink: json)
/// try json.drain()   // every observation written, or the writer's error
/// ```
public final class BackgroundSink: ObservationSink, @unchecked Sendable {
    private let target: ObservationSink
    private let batchSize: Int
    /// Filled by the producer only.
    private var batch: [Observation] = []
    private var failureThrown = false
    private let queue: BoundedQueue<[Observation]>
    private let finished = DispatchSemaphore(value: 0)
    /// Set by the writing thread before it cancels the queue.
    private let lock = NSLock()
    private var failure: Error?

    public init(_ target: ObservationSink, batchSize: Int = 2048, depth: Int = 4) {
        self.target = target
        self.batchSize = max(1, batchSize)
        queue = BoundedQueue(depth: depth)
        batch.reserveCapacity(self.batchSize)
        WorkerThread.start("innaxe.sink") { [self] in work() }
    }

    private func work() {
        defer { finished.signal() }
        while let next = queue.take() {
            do {
                for o in next { try target.accept(o) }
            } catch {
                lock.withLock { failure = error }
                queue.cancel()
                return
            }
        }
    }

    private var currentFailure: Error? { lock.withLock { failure } }

    public func accept(_ observation: Observation) throws {
        batch.append(observation)
        guard batch.count >= batchSize else { return }
        let full = batch
        batch = []
        batch.reserveCapacity(batchSize)
        if !queue.put(full), !failureThrown, let error = currentFailure {
            failureThrown = true
            throw error
        }
    }

    /// Waits until the target has every observation; throws the target's error if it failed.
    /// Call once, after the last `accept`.
    public func drain() throws {
        if !batch.isEmpty { queue.put(batch) }
        batch = []
        queue.close()
        finished.wait()
        if let error = currentFailure { throw error }
    }
}

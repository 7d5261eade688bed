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
    private let depth: Int
    /// Filled by the producer only.
    private var batch: [Observation] = []

    // Shared with the writing thread, under `condition`.
    private let condition = NSCondition()
    private var queue: [[Observation]] = []
    private var closed = false
    private var failure: Error?
    private var failureThrown = false
    private var running = true
    /// Who waits on `condition`: each side wakes the other only then.
    private var workerWaiting = false
    private var producerWaiting = false

    public init(_ target: ObservationSink, batchSize: Int = 2048, depth: Int = 4) {
        self.target = target
        self.batchSize = max(1, batchSize)
        self.depth = max(1, depth)
        batch.reserveCapacity(self.batchSize)
        WorkerThread.start("innaxe.sink") { [self] in work() }
    }

    private func work() {
        while true {
            condition.lock()
            while queue.isEmpty && !closed {
                workerWaiting = true
                condition.wait()
                workerWaiting = false
            }
            if queue.isEmpty {
                running = false
                condition.broadcast()
                condition.unlock()
                return
            }
            let next = queue.removeFirst()
            let failed = failure != nil
            if producerWaiting { condition.broadcast() }
            condition.unlock()
            guard !failed else { continue }
            do {
                for o in next { try target.accept(o) }
            } catch {
                condition.lock()
                failure = error
                condition.unlock()
            }
        }
    }

    public func accept(_ observation: Observation) throws {
        batch.append(observation)
        if batch.count >= batchSize { try handOver() }
    }

    private func handOver() throws {
        let full = batch
        batch = []
        batch.reserveCapacity(batchSize)
        condition.lock()
        while queue.count >= depth && failure == nil {
            producerWaiting = true
            condition.wait()
            producerWaiting = false
        }
        if failure == nil { queue.append(full) }
        if workerWaiting { condition.broadcast() }
        let error = failureThrown ? nil : failure
        if error != nil { failureThrown = true }
        condition.unlock()
        if let error { throw error }
    }

    /// Waits until the target has every observation; throws the target's error if it failed.
    /// Call once, after the last `accept`.
    public func drain() throws {
        if !batch.isEmpty {
            do { try handOver() } catch {}
        }
        condition.lock()
        closed = true
        condition.broadcast()
        while running { condition.wait() }
        let error = failure
        condition.unlock()
        if let error { throw error }
    }
}

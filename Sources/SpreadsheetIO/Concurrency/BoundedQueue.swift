import Foundation

/// A first-in first-out handover between one producing and one consuming thread, holding at
/// most `depth` items: a producer that runs ahead waits, so memory stays bounded. The items are
/// batches (of rows, of observations), so the lock is taken once per batch, and each side wakes
/// the other only when it is waiting.
///
/// `close()` is the producer's end: the consumer takes what is left, then nil. `cancel()` is
/// either side giving up: waiting stops, `put` refuses, `take` returns nil, and what was queued
/// is dropped.
public final class BoundedQueue<Element>: @unchecked Sendable {
    private let depth: Int
    private let condition = NSCondition()
    private var items: [Element] = []
    private var closed = false
    private var cancelled = false
    private var producerWaiting = false
    private var consumerWaiting = false

    public init(depth: Int) { self.depth = max(1, depth) }

    /// Hands `item` over, waiting while the queue is full; false (the item dropped) once cancelled.
    @discardableResult
    public func put(_ item: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= depth && !cancelled {
            producerWaiting = true
            condition.wait()
            producerWaiting = false
        }
        if cancelled { return false }
        items.append(item)
        if consumerWaiting { condition.broadcast() }
        return true
    }

    /// The next item, waiting while there is none; nil once closed and empty, or cancelled.
    public func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed && !cancelled {
            consumerWaiting = true
            condition.wait()
            consumerWaiting = false
        }
        if cancelled || items.isEmpty { return nil }
        let item = items.removeFirst()
        if producerWaiting { condition.broadcast() }
        return item
    }

    public func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    public func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    public var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }
}

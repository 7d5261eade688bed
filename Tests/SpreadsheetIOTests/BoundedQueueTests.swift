import Foundation
import Testing
@testable import SpreadsheetIO

/// The handover between the reading, writing and hashing threads and the caller: in order,
/// bounded, and never leaving a side waiting once the other has ended or given up.
@Suite struct BoundedQueueTests {
    @Test(arguments: [1, 3])
    func everyItemArrivesInOrderAcrossThreads(depth: Int) {
        let queue = BoundedQueue<Int>(depth: depth)
        let done = DispatchSemaphore(value: 0)
        WorkerThread.start("test.producer") {
            for i in 0..<5_000 { queue.put(i) }
            queue.close()
            done.signal()
        }
        var taken: [Int] = []
        while let i = queue.take() { taken.append(i) }
        done.wait()
        #expect(taken == Array(0..<5_000))
    }

    @Test func closingLeavesWhatIsQueuedThenNil() {
        let queue = BoundedQueue<String>(depth: 4)
        #expect(queue.put("a"))
        #expect(queue.put("b"))
        queue.close()
        #expect(queue.take() == "a")
        #expect(queue.take() == "b")
        #expect(queue.take() == nil)
    }

    @Test func cancellingReleasesAWaitingProducer() {
        let queue = BoundedQueue<Int>(depth: 1)
        #expect(queue.put(1))
        let refused = DispatchSemaphore(value: 0)
        let result = ResultBox()
        WorkerThread.start("test.blocked") {
            result.value = queue.put(2)   // waits: the queue is full
            refused.signal()
        }
        Thread.sleep(forTimeInterval: 0.05)
        queue.cancel()
        refused.wait()
        #expect(result.value == false)
        #expect(queue.take() == nil)
        #expect(queue.isCancelled)
    }

    final class ResultBox: @unchecked Sendable { var value: Bool? }
}

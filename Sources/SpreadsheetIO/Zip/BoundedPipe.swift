import Foundation

/// A fixed set of byte chunks passed from a producer thread (the XML writer) to a consumer
/// thread (libzip's deflate inside `zip_close`). Memory stays at `chunkCount × chunkSize` whatever
/// the size of the stream, and the two threads overlap: XML for the next chunk is produced while
/// the previous one is deflated.
final class BoundedPipe: ByteSink, @unchecked Sendable {
    private let condition = NSCondition()
    private var free: [UnsafeMutableRawBufferPointer] = []
    private var filled: [(UnsafeMutableRawBufferPointer, Int)] = []
    private var all: [UnsafeMutableRawBufferPointer] = []
    private var finished = false
    private var aborted = false
    // Consumer-side state, touched only by the consumer thread.
    private var reading: UnsafeMutableRawBufferPointer?
    private var readingCount = 0
    private var readingOffset = 0
    let modificationTime: time_t

    init(chunkSize: Int = 1 << 18, chunkCount: Int = 4, modificationTime: time_t) {
        self.modificationTime = modificationTime
        for _ in 0..<chunkCount {
            let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
            free.append(chunk)
            all.append(chunk)
        }
    }

    deinit { for chunk in all { chunk.deallocate() } }

    /// Producer: copies `bytes` into free chunks, waiting while the consumer is behind.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            condition.lock()
            while free.isEmpty && !aborted { condition.wait() }
            if aborted {
                condition.unlock()
                throw SpreadsheetError(.cannotWrite, file: "", reason: "the compressor stopped")
            }
            let chunk = free.removeLast()
            condition.unlock()
            let n = min(chunk.count, bytes.count - offset)
            chunk.baseAddress!.copyMemory(from: bytes.baseAddress! + offset, byteCount: n)
            offset += n
            condition.lock()
            filled.append((chunk, n))
            condition.signal()
            condition.unlock()
        }
    }

    /// Producer: no more bytes.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Either side: stop; the other side sees an error (the consumer) or a thrown write (the producer).
    func abort() {
        condition.lock()
        aborted = true
        condition.broadcast()
        condition.unlock()
    }

    /// Consumer: up to `buffer.count` bytes; 0 at the end, -1 when aborted.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        if reading == nil {
            condition.lock()
            while filled.isEmpty && !finished && !aborted { condition.wait() }
            if aborted { condition.unlock(); return -1 }
            if filled.isEmpty { condition.unlock(); return 0 }
            let (chunk, count) = filled.removeFirst()
            condition.unlock()
            reading = chunk
            readingCount = count
            readingOffset = 0
        }
        let chunk = reading!
        let n = min(buffer.count, readingCount - readingOffset)
        buffer.baseAddress!.copyMemory(from: chunk.baseAddress! + readingOffset, byteCount: n)
        readingOffset += n
        if readingOffset == readingCount {
            reading = nil
            condition.lock()
            free.append(chunk)
            condition.signal()
            condition.unlock()
        }
        return n
    }
}

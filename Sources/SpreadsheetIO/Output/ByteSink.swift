/// Where a writer's bytes go: a file, a pipe into libzip, memory.
protocol ByteSink: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

/// Collects bytes in memory (small parts, tests).
final class MemorySink: ByteSink {
    private(set) var bytes: [UInt8] = []
    func write(_ chunk: UnsafeRawBufferPointer) throws { bytes.append(contentsOf: chunk) }
}

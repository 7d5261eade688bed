/// A fixed-size byte buffer in front of a `ByteSink`: the hot path of every writer appends here
/// without allocating, and the sink sees large chunks.
final class OutputBuffer {
    private let storage: UnsafeMutablePointer<UInt8>
    let capacity: Int
    private(set) var count = 0
    let sink: ByteSink
    /// Bytes handed to the sink so far plus those still buffered.
    var totalBytes: Int64 { flushedBytes + Int64(count) }
    private var flushedBytes: Int64 = 0

    init(sink: ByteSink, capacity: Int = 1 << 18) {
        self.sink = sink
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// Makes room for `n` contiguous bytes (n ≤ capacity), flushing when needed.
    @inline(__always)
    func reserve(_ n: Int) throws {
        if count + n > capacity { try flush() }
    }

    func flush() throws {
        guard count > 0 else { return }
        try sink.write(UnsafeRawBufferPointer(start: storage, count: count))
        flushedBytes += Int64(count)
        count = 0
    }

    /// Appends without checking room: callers `reserve` first.
    @inline(__always)
    func appendUnchecked(_ byte: UInt8) {
        storage[count] = byte
        count += 1
    }

    @inline(__always)
    func append(_ byte: UInt8) throws {
        if count == capacity { try flush() }
        storage[count] = byte
        count += 1
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        if bytes.count > capacity - count {
            try flush()
            if bytes.count > capacity {
                try sink.write(UnsafeRawBufferPointer(bytes))
                flushedBytes += Int64(bytes.count)
                return
            }
        }
        (storage + count).update(from: bytes.baseAddress!, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try append($0) }
    }

    /// ASCII/UTF-8 literal text, not escaped.
    @inline(__always)
    func append(_ text: StaticString) throws {
        try append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A string's UTF-8 bytes, not escaped.
    func appendRaw(_ text: String) throws {
        var s = text
        try s.withUTF8 { try append($0) }
    }

    /// Decimal digits of an integer, without allocating.
    @inline(__always)
    func append(integer value: Int64) throws {
        try reserve(20)
        var v = value
        if v < 0 {
            appendUnchecked(UInt8(ascii: "-"))
            if v == .min { v = .max } else { v = -v }  // Int64.min never comes from a cell
        }
        if v < 10 { appendUnchecked(UInt8(truncatingIfNeeded: v) &+ 48); return }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            while v > 0 {
                p[n] = UInt8(truncatingIfNeeded: v % 10) &+ 48
                v /= 10
                n += 1
            }
            while n > 0 {
                n -= 1
                storage[count] = p[n]
                count += 1
            }
        }
    }

    /// The shortest text that reads back to the same double; integral values without `.0`.
    /// The rest is Swift's own shortest-digits printing (`Double.write(to:)`), received through
    /// `_writeASCII` straight from its stack buffer: no `String` is made, so no allocation even
    /// for 17-digit values (`1.3599999999999999`), which `description` would put on the heap.
    @inline(__always)
    func append(number d: Double) throws {
        if d == d.rounded(.towardZero), abs(d) < 1e15 {
            try append(integer: Int64(d))
            return
        }
        try reserve(32)  // the longest form, `-2.2250738585072014e-308`, has 24 bytes
        var sink = ASCIISink(buffer: self)
        d.write(to: &sink)
    }

    /// Receives a number's digits from the standard library's printing.
    private struct ASCIISink: TextOutputStream {
        unowned let buffer: OutputBuffer

        mutating func _writeASCII(_ bytes: UnsafeBufferPointer<UInt8>) {
            for b in bytes { buffer.appendUnchecked(b) }
        }

        /// Not used by `Double.write(to:)` on this toolchain; kept correct all the same.
        mutating func write(_ string: String) {
            for b in string.utf8 { buffer.appendUnchecked(b) }
        }
    }
}

/// A growable block of raw bytes with a stable pointer between growths: the storage the CSV
/// reader scans without Array's bounds and uniqueness checks in its inner loops.
final class ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for at least `minimum` bytes, keeping the first `preserving` bytes.
    /// Grows geometrically so that repeated small growths stay linear overall.
    func reserve(_ minimum: Int, preserving count: Int) {
        guard minimum > capacity else { return }
        let newCapacity = max(minimum, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Moves `base[from..<to]` to the front.
    func moveToFront(from: Int, to: Int) {
        guard from > 0, to > from else { return }
        base.update(from: base + from, count: to - from)
    }
}

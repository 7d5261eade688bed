import SpreadsheetIO

/// A compact record of every observation accepted so far, keyed by (cluster, region, year,
/// indicator): enough for duplicate detection and the dataset checks without keeping the
/// observations themselves. Strings are interned, so an entry is a few dozen bytes and a
/// million observations stay well under 100 MB.
public final class ObservationIndex {
    struct PackedKey: Hashable {
        var cluster: Int32
        var region: Int32
        var indicator: Int32
        var year: Int32

        func hash(into h: inout Hasher) {
            h.combine(UInt64(UInt32(bitPattern: cluster)) << 32 | UInt64(UInt32(bitPattern: region)))
            h.combine(UInt64(UInt32(bitPattern: indicator)) << 32 | UInt64(UInt32(bitPattern: year)))
        }
    }

    struct Packed {
        var key: PackedKey
        var number: Double
        var status: ObservationStatus
        var file: Int32
        var sheet: Int32
        var row: Int32
        var column: Int32
    }

    public struct Entry: Sendable {
        public var key: Observation.Key
        /// NaN when there is no numeric value.
        public var number: Double
        public var valueText: String?
        public var status: ObservationStatus
        public var location: FindingLocation
        public var comment: String?
    }

    private var packed: [Packed] = []
    private var positions = PositionTable()
    private var strings: [String] = []
    private var stringIDs: [String: Int32] = [:]
    /// Values that are not numbers (booleans, codes, text), by entry position.
    private var texts: [Int32: String] = [:]
    private var comments: [Int32: String] = [:]

    public init() {}

    /// Makes room for about `count` more observations (the harmoniser estimates it from a
    /// file's size), so a big file does not rehash the index a dozen times.
    public func reserve(_ count: Int) {
        let target = packed.count + count
        guard target > packed.capacity else { return }
        packed.reserveCapacity(target)
        positions.reserve(target)
    }

    public enum Insertion {
        case inserted
        /// Same key already there, with this earlier entry.
        case duplicate(Entry, sameValue: Bool)
    }

    /// One remembered string per field (cluster, region, indicator, file, sheet): consecutive
    /// observations mostly repeat them, and one comparison is cheaper than a hash.
    private var lastSeen: [(String, Int32)?] = Array(repeating: nil, count: 5)

    private func intern(_ s: String?, slot: Int) -> Int32 {
        guard let s else { return -1 }
        if let (text, id) = lastSeen[slot], text == s { return id }
        let id: Int32
        if let known = stringIDs[s] { id = known } else {
            id = Int32(strings.count)
            strings.append(s)
            stringIDs[s] = id
        }
        lastSeen[slot] = (s, id)
        return id
    }

    private func string(_ id: Int32) -> String? { id < 0 ? nil : strings[Int(id)] }

    /// Records `o` unless its key is taken. Non-numeric values are compared as text.
    public func insert(_ o: Observation) -> Insertion {
        let key = PackedKey(cluster: intern(o.key.clusterID, slot: 0), region: intern(o.key.region, slot: 1),
                            indicator: intern(o.key.indicator, slot: 2), year: Int32(o.key.year))
        let number = o.value?.number ?? .nan
        let text: String? = o.value.flatMap { v in if case .number = v { return nil } else { return v.description } }
        let slot = positions.slot(of: key)
        if let at = positions.value(at: slot) {
            let existing = entry(at: Int(at))
            let same = existing.status == o.status && (existing.number == number || (existing.number.isNaN && number.isNaN)) && existing.valueText == text
            return .duplicate(existing, sameValue: same)
        }
        let position = Int32(packed.count)
        positions.insert(key, position, at: slot)
        packed.append(Packed(key: key, number: number, status: o.status, file: intern(o.provenance.file, slot: 3), sheet: intern(o.provenance.sheet, slot: 4),
                             row: Int32(o.provenance.cell?.row ?? 0), column: Int32(o.provenance.cell?.column ?? 0)))
        if let text { texts[position] = text }
        if let c = o.comment { comments[position] = c }
        return .inserted
    }

    public var count: Int { packed.count }

    public func entry(at i: Int) -> Entry {
        let p = packed[i]
        let key = Observation.Key(clusterID: strings[Int(p.key.cluster)], region: strings[Int(p.key.region)], year: Int(p.key.year),
                                  indicator: strings[Int(p.key.indicator)])
        let cell = p.row > 0 ? CellReference(column: Int(p.column), row: Int(p.row)) : nil
        return Entry(key: key, number: p.number, valueText: texts[Int32(i)], status: p.status,
                     location: FindingLocation(file: strings[Int(p.file)], sheet: string(p.sheet), cell: cell),
                     comment: comments[Int32(i)])
    }

    public func entry(_ key: Observation.Key) -> Entry? {
        guard let c = stringIDs[key.clusterID], let r = stringIDs[key.region], let ind = stringIDs[key.indicator],
              let at = positions.value(at: positions.slot(of: PackedKey(cluster: c, region: r, indicator: ind, year: Int32(key.year)))) else { return nil }
        return entry(at: Int(at))
    }

    /// Every entry, decoded (small datasets and tests; the checks use the packed accessors).
    public var entries: [Entry] { (0..<packed.count).map(entry(at:)) }

    // MARK: packed access for the dataset checks (no allocation per entry)

    public func clusterID(at i: Int) -> Int32 { packed[i].key.cluster }
    public func regionID(at i: Int) -> Int32 { packed[i].key.region }
    public func indicatorID(at i: Int) -> Int32 { packed[i].key.indicator }
    public func year(at i: Int) -> Int { Int(packed[i].key.year) }
    public func number(at i: Int) -> Double { packed[i].number }
    public func status(at i: Int) -> ObservationStatus { packed[i].status }
    public func hasValue(at i: Int) -> Bool { !packed[i].number.isNaN || texts[Int32(i)] != nil }
    public func text(_ id: Int32) -> String { strings[Int(id)] }
    public var stringCount: Int { strings.count }
    public func id(of text: String) -> Int32? { stringIDs[text] }
    public func location(at i: Int) -> FindingLocation {
        let p = packed[i]
        return FindingLocation(file: strings[Int(p.file)], sheet: string(p.sheet), cell: p.row > 0 ? CellReference(column: Int(p.column), row: Int(p.row)) : nil)
    }
    /// Positions of entries that carry a comment.
    public var commented: [(position: Int, comment: String)] { comments.map { (Int($0.key), $0.value) }.sorted { $0.position < $1.position } }
}

/// Entry positions by packed key: open addressing with linear probing and a multiplicative
/// hash of the four integers. One lookup per observation; SipHash over the key was a tenth of
/// a validation run.
struct PositionTable {
    private var keys: [ObservationIndex.PackedKey] = []
    /// -1: empty.
    private var values: [Int32] = []
    private var mask = -1
    private var count = 0

    init() { grow(to: 64) }

    private static func hash(_ k: ObservationIndex.PackedKey) -> UInt64 {
        let a = UInt64(UInt32(bitPattern: k.cluster)) << 32 | UInt64(UInt32(bitPattern: k.region))
        let b = UInt64(UInt32(bitPattern: k.indicator)) << 32 | UInt64(UInt32(bitPattern: k.year))
        var h = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F)
        h ^= h >> 31
        h = h &* 0xFF51_AFD7_ED55_8CCD
        return h ^ (h >> 29)
    }

    /// The slot holding `key`, or the empty slot where it would go.
    func slot(of key: ObservationIndex.PackedKey) -> Int {
        var i = Int(truncatingIfNeeded: Self.hash(key)) & mask
        while values[i] >= 0 && keys[i] != key { i = (i + 1) & mask }
        return i
    }

    func value(at slot: Int) -> Int32? { values[slot] >= 0 ? values[slot] : nil }

    /// Stores `value` for `key` in `slot` (from `slot(of:)`, with no insert since).
    mutating func insert(_ key: ObservationIndex.PackedKey, _ value: Int32, at slot: Int) {
        keys[slot] = key
        values[slot] = value
        count += 1
        if count * 2 > values.count { grow(to: values.count * 2) }
    }

    mutating func reserve(_ n: Int) {
        var size = values.count
        while n * 2 > size { size *= 2 }
        if size > values.count { grow(to: size) }
    }

    private mutating func grow(to size: Int) {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: ObservationIndex.PackedKey(cluster: 0, region: 0, indicator: 0, year: 0), count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
        for i in oldValues.indices where oldValues[i] >= 0 {
            let s = slot(of: oldKeys[i])
            keys[s] = oldKeys[i]
            values[s] = oldValues[i]
        }
    }
}

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
        /// The previous entry of the same series (cluster, region, indicator), -1 at its start.
        var previousInSeries: Int32
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
    private var series = SeriesTable()
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
    }

    public enum Insertion {
        case inserted
        /// Same key already there, with this earlier entry.
        case duplicate(Entry, sameValue: Bool)
    }

    /// One remembered string per field (cluster, region, indicator, file, sheet): consecutive
    /// observations mostly repeat them, and one comparison is cheaper than a hash.
    /// Two plain arrays rather than one of optional tuples: reading a tuple out copied (and
    /// retained) its string before the comparison.
    private var lastText = [String](repeating: "", count: 5)
    private var lastID = [Int32](repeating: -1, count: 5)

    private func intern(_ s: String?, slot: Int) -> Int32 {
        guard let s else { return -1 }
        if lastID[slot] >= 0, lastText[slot] == s { return lastID[slot] }
        let id: Int32
        if let known = stringIDs[s] { id = known } else {
            id = Int32(strings.count)
            strings.append(s)
            stringIDs[s] = id
        }
        lastText[slot] = s
        lastID[slot] = id
        return id
    }

    private func string(_ id: Int32) -> String? { id < 0 ? nil : strings[Int(id)] }

    /// Records `o` unless its key is taken. Non-numeric values are compared as text.
    public func insert(_ o: Observation) -> Insertion {
        let key = PackedKey(cluster: intern(o.key.clusterID, slot: 0), region: intern(o.key.region, slot: 1),
                            indicator: intern(o.key.indicator, slot: 2), year: Int32(o.key.year))
        let number = o.value?.number ?? .nan
        let text: String? = o.value.flatMap { v in if case .number = v { return nil } else { return v.description } }
        let position = Int32(packed.count)
        let found = series.find(key, packed: packed)
        if let at = found.existing {
            let existing = entry(at: Int(at))
            let same = existing.status == o.status && (existing.number == number || (existing.number.isNaN && number.isNaN)) && existing.valueText == text
            return .duplicate(existing, sameValue: same)
        }
        let previous = series.add(key, at: position, series: found.series)
        packed.append(Packed(key: key, previousInSeries: previous, number: number, status: o.status, file: intern(o.provenance.file, slot: 3),
                             sheet: intern(o.provenance.sheet, slot: 4), row: Int32(o.provenance.cell?.row ?? 0), column: Int32(o.provenance.cell?.column ?? 0)))
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
              let at = position(cluster: c, region: r, indicator: ind, year: key.year) else { return nil }
        return entry(at: at)
    }

    /// The position of the entry with this key (interned ids), if any: one probe, no hashing of text.
    public func position(cluster: Int32, region: Int32, indicator: Int32, year: Int) -> Int? {
        series.find(PackedKey(cluster: cluster, region: region, indicator: indicator, year: Int32(year)), packed: packed).existing.map(Int.init)
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

/// Entries by key, as series: a series is one cluster, region and indicator, its entries a
/// chain through `Packed.previousInSeries` and a bitmap of the years it has. Files list a
/// series' years together, so the series of the previous key is checked first and the year is
/// one bit test: no probe of a table as large as the data (a cache miss per observation), and
/// no such table in memory. Only a year already set (a duplicate) walks the chain.
struct SeriesTable {
    struct SeriesKey: Hashable {
        var cluster: Int32
        var region: Int32
        var indicator: Int32
    }

    private struct Series {
        var key: SeriesKey
        var last: Int32
        /// Years 1900...2155, one bit each.
        var years: (UInt64, UInt64, UInt64, UInt64)
        /// A year outside the bitmap was added: look such years up in the chain.
        var hasOtherYears: Bool
    }

    private var all: [Series] = []
    /// Open addressing over `all`: series positions, -1 empty.
    private var slots: [Int32] = Array(repeating: -1, count: 64)
    private var lastSeries: Int32 = -1

    private static let firstYear = 1900

    private static func hash(_ k: SeriesKey) -> Int {
        var h = (UInt64(UInt32(bitPattern: k.cluster)) &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(UInt32(bitPattern: k.region)) &* 0xC2B2_AE3D_27D4_EB4F)
        h ^= UInt64(UInt32(bitPattern: k.indicator)) &* 0x1656_67B1_9E37_79F9
        h ^= h >> 31
        return Int(truncatingIfNeeded: h &* 0xFF51_AFD7_ED55_8CCD)
    }

    private func seriesPosition(_ k: SeriesKey) -> (slot: Int, series: Int32?) {
        if lastSeries >= 0, all[Int(lastSeries)].key == k { return (-1, lastSeries) }
        let mask = slots.count - 1
        var i = Self.hash(k) & mask
        while slots[i] >= 0 {
            if all[Int(slots[i])].key == k { return (i, slots[i]) }
            i = (i + 1) & mask
        }
        return (i, nil)
    }

    private static func bit(_ year: Int32) -> (word: Int, mask: UInt64)? {
        let offset = Int(year) - firstYear
        guard offset >= 0, offset < 256 else { return nil }
        return (offset >> 6, 1 << UInt64(offset & 63))
    }

    private static func test(_ years: (UInt64, UInt64, UInt64, UInt64), _ word: Int, _ mask: UInt64) -> Bool {
        switch word {
        case 0: return years.0 & mask != 0
        case 1: return years.1 & mask != 0
        case 2: return years.2 & mask != 0
        default: return years.3 & mask != 0
        }
    }

    /// The entry with `key`, if any, and the series it belongs to (for `add`).
    mutating func find(_ key: ObservationIndex.PackedKey, packed: [ObservationIndex.Packed]) -> (existing: Int32?, series: Int32?) {
        let k = SeriesKey(cluster: key.cluster, region: key.region, indicator: key.indicator)
        let (_, found) = seriesPosition(k)
        guard let s = found else { return (nil, nil) }
        lastSeries = s
        let series = all[Int(s)]
        if let (word, mask) = Self.bit(key.year), !Self.test(series.years, word, mask) { return (nil, s) }
        if Self.bit(key.year) == nil, !series.hasOtherYears { return (nil, s) }
        var at = series.last
        while at >= 0 {
            if packed[Int(at)].key.year == key.year { return (at, s) }
            at = packed[Int(at)].previousInSeries
        }
        return (nil, s)
    }

    /// Records a new entry at `position` (after `find` said there is none); returns the
    /// previous entry of its series, for the chain.
    mutating func add(_ key: ObservationIndex.PackedKey, at position: Int32, series known: Int32?) -> Int32 {
        let s: Int32
        if let known { s = known } else {
            let k = SeriesKey(cluster: key.cluster, region: key.region, indicator: key.indicator)
            s = Int32(all.count)
            all.append(Series(key: k, last: -1, years: (0, 0, 0, 0), hasOtherYears: false))
            if all.count * 2 > slots.count { rehash(to: slots.count * 2) } else { slots[seriesPosition(k).slot] = s }
        }
        lastSeries = s
        let previous = all[Int(s)].last
        all[Int(s)].last = position
        if let (word, mask) = Self.bit(key.year) {
            switch word {
            case 0: all[Int(s)].years.0 |= mask
            case 1: all[Int(s)].years.1 |= mask
            case 2: all[Int(s)].years.2 |= mask
            default: all[Int(s)].years.3 |= mask
            }
        } else {
            all[Int(s)].hasOtherYears = true
        }
        return previous
    }

    private mutating func rehash(to size: Int) {
        slots = Array(repeating: -1, count: size)
        let mask = size - 1
        for (n, series) in all.enumerated() {
            var i = Self.hash(series.key) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(n)
        }
    }
}

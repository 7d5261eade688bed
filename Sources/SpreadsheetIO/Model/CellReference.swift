/// A cell address inside a sheet, such as `B7`: column and row, both 1-based.
///
/// Excel's limits bound both parts: columns `A`…`XFD` (16,384) and rows 1…1,048,576.
/// Parsing rejects anything outside them, so every `CellReference` is one Excel can hold.
public struct CellReference: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let maxColumn = 16_384
    public static let maxRow = 1_048_576

    /// 1-based column index (A = 1).
    public let column: Int
    /// 1-based row index.
    public let row: Int

    /// Creates a reference; returns nil when the column or row is outside Excel's range.
    public init?(column: Int, row: Int) {
        guard (1...Self.maxColumn).contains(column), (1...Self.maxRow).contains(row) else { return nil }
        self.column = column
        self.row = row
    }

    /// Parses `B7`, `b7`, `$B$7`. Returns nil for anything else or out of range.
    public init?(_ text: String) {
        var bytes = Array(text.utf8)[...]
        guard let parsed = Self.parse(&bytes), bytes.isEmpty else { return nil }
        self = parsed
    }

    /// Parses a reference at the start of `bytes`, consuming it.
    static func parse(_ bytes: inout ArraySlice<UInt8>) -> CellReference? {
        if bytes.first == UInt8(ascii: "$") { bytes.removeFirst() }
        var column = 0
        var letters = 0
        while let b = bytes.first {
            let upper = b & 0xDF
            guard upper >= 65, upper <= 90 else { break }
            column = column * 26 + Int(upper - 64)
            letters += 1
            bytes.removeFirst()
            if letters > 3 { return nil }
        }
        if bytes.first == UInt8(ascii: "$") { bytes.removeFirst() }
        var row = 0
        var digits = 0
        while let b = bytes.first, b >= 48, b <= 57 {
            row = row * 10 + Int(b - 48)
            digits += 1
            bytes.removeFirst()
            if digits > 7 { return nil }
        }
        guard letters > 0, digits > 0 else { return nil }
        return CellReference(column: column, row: row)
    }

    /// Column letters for a 1-based column index: 1 → `A`, 28 → `AB`, 16384 → `XFD`.
    public static func columnLetters(_ column: Int) -> String {
        var n = column
        var scalars: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            scalars.append(UInt8(65 + r))
            n = (n - 1) / 26
        }
        return String(decoding: scalars.reversed(), as: UTF8.self)
    }

    /// Parses column letters alone (`XFD` → 16384); nil when invalid or past `XFD`.
    public static func columnIndex(_ letters: String) -> Int? {
        guard !letters.isEmpty, letters.utf8.count <= 3 else { return nil }
        var column = 0
        for b in letters.utf8 {
            let upper = b & 0xDF
            guard upper >= 65, upper <= 90 else { return nil }
            column = column * 26 + Int(upper - 64)
        }
        return column <= maxColumn ? column : nil
    }

    public var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        appendA1(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `B7` as UTF-8: a harmonised output writes one per observation, so the letters and
    /// digits go straight into the caller's buffer.
    public func appendA1(to bytes: inout [UInt8]) {
        var c = column - 1
        if c < 26 {
            bytes.append(UInt8(65 + c))
        } else if c < 702 {
            c -= 26
            bytes.append(UInt8(65 + c / 26)); bytes.append(UInt8(65 + c % 26))
        } else {
            c -= 702
            bytes.append(UInt8(65 + c / 676 % 26)); bytes.append(UInt8(65 + c / 26 % 26)); bytes.append(UInt8(65 + c % 26))
        }
        let start = bytes.count
        var r = row
        repeat { bytes.append(UInt8(48 + r % 10)); r /= 10 } while r > 0
        bytes[start...].reverse()
    }

    public static func < (a: CellReference, b: CellReference) -> Bool {
        (a.row, a.column) < (b.row, b.column)
    }
}

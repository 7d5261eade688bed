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

    /// `B7`: letters and digits written into one small buffer (a harmonised workbook writes one
    /// per observation).
    public var description: String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { buffer in
            var n = 0
            var c = column
            var letters: (UInt8, UInt8, UInt8) = (0, 0, 0)
            var count = 0
            while c > 0 && count < 3 {
                let r = UInt8((c - 1) % 26)
                switch count {
                case 0: letters.0 = 65 + r
                case 1: letters.1 = 65 + r
                default: letters.2 = 65 + r
                }
                c = (c - 1) / 26
                count += 1
            }
            if count > 2 { buffer[n] = letters.2; n += 1 }
            if count > 1 { buffer[n] = letters.1; n += 1 }
            if count > 0 { buffer[n] = letters.0; n += 1 }
            var digits: (UInt64, UInt64) = (0, 0)
            var d = 0
            var r = row
            withUnsafeMutableBytes(of: &digits) { tmp in
                repeat { tmp[d] = UInt8(r % 10) + 48; r /= 10; d += 1 } while r > 0 && d < 16
                for k in stride(from: d - 1, through: 0, by: -1) where n < 16 { buffer[n] = tmp[k]; n += 1 }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<n]), as: UTF8.self)
        }
    }

    public static func < (a: CellReference, b: CellReference) -> Bool {
        (a.row, a.column) < (b.row, b.column)
    }
}

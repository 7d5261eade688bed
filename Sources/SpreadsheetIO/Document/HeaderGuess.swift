/// Guesses which of a sheet's first rows is the header: the first wide row made of labels
/// that is followed by a row holding data. Title rows above a table ("Biocat — Indicadors
/// 2023") are skipped because they are narrow; years written as numbers (2021, 2022) count as
/// labels, since wide layouts put them in the header.
public enum HeaderGuess {
    public static func headerRow(in rows: [Row]) -> Int? {
        let scanned = rows.prefix(30)
        let widest = scanned.map(\.nonEmptyCount).max() ?? 0
        guard widest >= 2 else { return nil }
        for (i, row) in scanned.enumerated() {
            let filled = row.nonEmptyCount
            guard filled >= 2, Double(filled) >= 0.5 * Double(widest) else { continue }
            let labels = row.cells.filter { isLabel($0.value) }.count
            guard Double(labels) >= 0.6 * Double(filled) else { continue }
            let next = scanned.dropFirst(i + 1).first
            let nextHasData = next.map { $0.cells.contains { isData($0.value) } } ?? false
            let nextHasOwnLabels = next.map { $0.cells.filter { isLabel($0.value) }.count >= 2 && !$0.cells.contains { isData($0.value) } } ?? false
            if nextHasData || (next != nil && !nextHasOwnLabels) { return row.index }
        }
        return nil
    }

    static func isLabel(_ v: CellValue) -> Bool {
        switch v {
        case .string(let s): return Double(s.replacingCommaDecimal) == nil
        case .number(let d): return d == d.rounded() && d >= 1900 && d <= 2100
        default: return false
        }
    }

    static func isData(_ v: CellValue) -> Bool {
        switch v {
        case .number, .dateTime, .boolean, .duration, .timeOfDay: return true
        case .string(let s): return Double(s.replacingCommaDecimal) != nil
        default: return false
        }
    }
}

extension Row {
    public var nonEmptyCount: Int { cells.reduce(0) { $0 + ($1.value.isEmpty ? 0 : 1) } }
}

extension String {
    fileprivate var replacingCommaDecimal: String {
        String(filter { $0 != " " && $0 != "\u{00A0}" && $0 != "." }.map { $0 == "," ? "." : $0 })
    }
}

import SpreadsheetIO

/// Dates typed as text: `15/03/2024`, `31.12.2023 г.`, `31-12-2023` (day first, as every partner
/// writes them), and ISO `2023-05-12` or `2023-05-12 14:32:10`.
public enum TextDate {
    public static func parse(_ raw: String) -> CivilDateTime? {
        var text = Substring(raw.trimmedSpaces)
        for suffix in [" г.", "г.", " г"] where text.hasSuffix(suffix) { text = text.dropLast(suffix.count) }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard let datePart = parts.first else { return nil }
        let fields = datePart.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map { Int($0) }
        guard fields.count == 3, let a = fields[0], let b = fields[1], let c = fields[2] else { return nil }
        var year: Int, month: Int, day: Int
        if datePart.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })[0].count == 4 { (year, month, day) = (a, b, c) }
        else { (day, month, year) = (a, b, c) }
        if year < 100 { year += 2000 }
        guard (1...12).contains(month), (1...31).contains(day), (1900...2200).contains(year) else { return nil }
        var hour = 0, minute = 0, second = 0
        if parts.count > 1 {
            let t = parts[1].split(separator: ":").map { Int($0) }
            if t.count >= 2, let h = t[0], let m = t[1] { hour = h; minute = m; second = t.count > 2 ? (t[2] ?? 0) : 0 }
        }
        return CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }
}

import Foundation

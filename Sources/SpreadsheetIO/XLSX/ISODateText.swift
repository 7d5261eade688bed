/// Parses the ISO 8601 text of `t="d"` cells (`2024-02-29`, `2024-02-29T13:45:00.5`, `13:45:00`).
enum ISODateText {
    /// Returns the value and whether the text had a date part (else it is a time of day).
    static func parse(_ s: String) -> (CivilDateTime, Bool)? {
        let u = Array(s.utf8)
        var i = 0
        func number(_ width: Int) -> Int? {
            guard i + width <= u.count else { return nil }
            var n = 0
            for k in 0..<width {
                let d = u[i + k] &- 48
                guard d < 10 else { return nil }
                n = n * 10 + Int(d)
            }
            i += width
            return n
        }
        func expect(_ c: Character) -> Bool {
            guard i < u.count, u[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }
        var result = CivilDateTime(year: 1899, month: 12, day: 31)
        var hasDate = false
        if u.count >= 10, u[4] == UInt8(ascii: "-") {
            hasDate = true
            guard let y = number(4), expect("-"), let m = number(2), expect("-"), let d = number(2),
                  (1...12).contains(m), (1...31).contains(d) else { return nil }
            result.year = y; result.month = m; result.day = d
            if i == u.count { return (result, true) }
            guard expect("T") || expect(" ") else { return nil }
        }
        guard let h = number(2), expect(":"), let mi = number(2), h < 24, mi < 60 else { return nil }
        result.hour = h; result.minute = mi
        if expect(":") {
            guard let sec = number(2), sec < 60 else { return nil }
            result.second = sec
            if expect(".") {
                var frac = 0, digits = 0
                while i < u.count, u[i] &- 48 < 10 { if digits < 6 { frac = frac * 10 + Int(u[i] - 48); digits += 1 }; i += 1 }
                while digits < 6 { frac *= 10; digits += 1 }
                result.microsecond = frac
            }
        }
        _ = expect("Z")
        return i == u.count ? (result, hasDate) : nil
    }
}

/// A calendar date and wall-clock time with no time zone, as spreadsheets store them.
///
/// Spreadsheet dates are "floating": `2024-02-29 13:45` means that day and time wherever the
/// file is opened, so this type deliberately carries no zone and never goes through `Date`.
public struct CivilDateTime: Hashable, Sendable, Comparable, CustomStringConvertible {
    // Stored packed: a date is a payload of every cell value, so its size is the size of each
    // cell of every row read (20 bytes instead of 56).
    private var storedYear: Int32
    private var storedMonth: Int16, storedDay: Int16, storedHour: Int16, storedMinute: Int16, storedSecond: Int16
    private var storedMicrosecond: Int32

    public var year: Int { get { Int(storedYear) } set { storedYear = Int32(clamping: newValue) } }
    public var month: Int { get { Int(storedMonth) } set { storedMonth = Int16(clamping: newValue) } }
    public var day: Int { get { Int(storedDay) } set { storedDay = Int16(clamping: newValue) } }
    public var hour: Int { get { Int(storedHour) } set { storedHour = Int16(clamping: newValue) } }
    public var minute: Int { get { Int(storedMinute) } set { storedMinute = Int16(clamping: newValue) } }
    public var second: Int { get { Int(storedSecond) } set { storedSecond = Int16(clamping: newValue) } }
    /// Fraction of a second, in microseconds (spreadsheets keep about a millisecond).
    public var microsecond: Int { get { Int(storedMicrosecond) } set { storedMicrosecond = Int32(clamping: newValue) } }

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, microsecond: Int = 0) {
        storedYear = Int32(clamping: year)
        storedMonth = Int16(clamping: month)
        storedDay = Int16(clamping: day)
        storedHour = Int16(clamping: hour)
        storedMinute = Int16(clamping: minute)
        storedSecond = Int16(clamping: second)
        storedMicrosecond = Int32(clamping: microsecond)
    }

    public var hasTime: Bool { hour != 0 || minute != 0 || second != 0 || microsecond != 0 }

    /// ISO 8601: `2024-02-29` when the time is midnight, else `2024-02-29T13:45:00`.
    public var description: String { hasTime ? isoDate + "T" + isoTime : isoDate }

    public var isoDate: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }

    /// `13:45:00`, with `.ffffff` only when there is a fraction of a second.
    public var isoTime: String {
        var s = pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
        if microsecond != 0 { s += "." + pad(microsecond, 6) }
        return s
    }

    /// Days since 1970-01-01 of the date part (proleptic Gregorian).
    public var daysSinceUnixEpoch: Int { Self.daysFromCivil(year: year, month: month, day: day) }

    public static func < (a: CivilDateTime, b: CivilDateTime) -> Bool {
        if (a.year, a.month, a.day) != (b.year, b.month, b.day) {
            return (a.year, a.month, a.day) < (b.year, b.month, b.day)
        }
        return (a.hour, a.minute, a.second, a.microsecond) < (b.hour, b.minute, b.second, b.microsecond)
    }

    /// Howard Hinnant's days_from_civil: exact for the whole proleptic Gregorian calendar.
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The inverse of `daysFromCivil`.
    public static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

@inline(__always)
func pad(_ value: Int, _ width: Int) -> String {
    let s = String(value)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

/// Turns Excel serial numbers into calendar dates, in both of Excel's date systems.
///
/// 1900 system: serial 1 is 1900-01-01, and Excel counts a 29 February 1900 that never was
/// (serial 60, kept from Lotus 1-2-3). Serials from 61 on are therefore one day ahead of a
/// plain count from 1899-12-31; serials below 60 are not. Serial 60 is read as 1900-02-28, the
/// day Excel's own date functions fall back to, since the day it displays does not exist.
/// 1904 system (old Mac Excel, `date1904="1"`): serial 0 is 1904-01-01, no quirk.
public enum ExcelDateSystem: Hashable, Sendable {
    case from1900
    case from1904

    /// Largest serial Excel displays as a date (9999-12-31).
    static let maxSerial1900 = 2_958_465.0

    private static let msPerDay = 86_400_000.0
    private static let epoch1899_12_30 = CivilDateTime.daysFromCivil(year: 1899, month: 12, day: 30)
    private static let epoch1904_01_01 = CivilDateTime.daysFromCivil(year: 1904, month: 1, day: 1)

    /// The date-time for a serial, or nil when Excel would not show one (negative, past 9999).
    public func dateTime(fromSerial serial: Double) -> CivilDateTime? {
        guard serial.isFinite, serial >= 0 else { return nil }
        let limit = self == .from1900 ? Self.maxSerial1900 : Self.maxSerial1900 - 1462
        guard serial < limit + 1 else { return nil }
        // Rounded to the millisecond, as Excel stores about that much precision in a serial.
        let totalMs = Int64((serial * Self.msPerDay).rounded())
        var days = Int(totalMs / 86_400_000)
        let msOfDay = Int(totalMs % 86_400_000)
        switch self {
        case .from1900:
            // Below the phantom 29 February the count starts a day later (serial 1 = 1900-01-01);
            // from 61 on it does not (61 = 1900-03-01). Serial 60 thus lands on the 28th, like 59.
            if days < 60 { days += 1 }
            days += Self.epoch1899_12_30
        case .from1904:
            days += Self.epoch1904_01_01
        }
        return make(days: days, msOfDay: msOfDay)
    }

    private func make(days: Int, msOfDay: Int) -> CivilDateTime {
        let (y, m, d) = CivilDateTime.civilFromDays(days)
        return CivilDateTime(year: y, month: m, day: d, hour: msOfDay / 3_600_000, minute: msOfDay / 60_000 % 60,
                             second: msOfDay / 1000 % 60, microsecond: msOfDay % 1000 * 1000)
    }

    /// A time of day for a serial in [0, 1). Its date part is Excel's day 0, 1899-12-31.
    public func timeOfDay(fromSerial serial: Double) -> CivilDateTime? {
        guard serial.isFinite, serial >= 0, serial < 1 else { return nil }
        let ms = Int((serial * Self.msPerDay).rounded())
        guard ms < 86_400_000 else { return nil }
        return make(days: Self.epoch1899_12_30 + 1, msOfDay: ms)
    }

    /// The serial for a date-time (used by writers and tests).
    public func serial(from date: CivilDateTime) -> Double {
        let days = CivilDateTime.daysFromCivil(year: date.year, month: date.month, day: date.day)
        var serialDays: Int
        switch self {
        case .from1900:
            serialDays = days - Self.epoch1899_12_30
            if serialDays <= 60 { serialDays -= 1 }
        case .from1904:
            serialDays = days - Self.epoch1904_01_01
        }
        let ms = ((date.hour * 60 + date.minute) * 60 + date.second) * 1000 + date.microsecond / 1000
        return Double(serialDays) + Double(ms) / Self.msPerDay
    }
}

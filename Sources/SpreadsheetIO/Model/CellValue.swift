/// The typed value of one cell, shared by the XLSX and CSV readers.
public enum CellValue: Hashable, Sendable {
    case empty
    case string(String)
    /// A number exactly as the file's double holds it; `description` prints the shortest text
    /// that reads back to the same double (so `0.3` stays `0.3`).
    case number(Double)
    case boolean(Bool)
    case error(CellErrorValue)
    /// A date or date-time: the cell held a serial number under a date format.
    case dateTime(CivilDateTime)
    /// A time of day: a serial below 1 under a date or time format (`13:45:00`); only the time
    /// fields are meaningful (the date part is Excel's day 0, 1899-12-31).
    case timeOfDay(CivilDateTime)
    /// Elapsed time, for cells under `[h]:mm:ss`-style formats, in seconds.
    case duration(seconds: Double)

    public var isEmpty: Bool {
        if case .empty = self { return true }
        return false
    }

    /// The value as a person would read it in a message (not the spreadsheet's display format).
    public var text: String {
        switch self {
        case .empty: return ""
        case .string(let s): return s
        case .number(let d): return NumberText.shortest(d)
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e.code
        case .dateTime(let d): return d.description
        case .timeOfDay(let t): return t.isoTime
        case .duration(let s): return NumberText.shortest(s) + "s"
        }
    }
}

/// Number ↔ text without surprises.
public enum NumberText {
    /// Shortest round-trip text; integral values print without `.0` (`3`, not `3.0`).
    public static func shortest(_ d: Double) -> String {
        if d.isFinite, d == d.rounded(), abs(d) < 1e15 {
            return String(Int64(d))
        }
        return d.description
    }
}

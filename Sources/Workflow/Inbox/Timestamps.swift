import Foundation

/// UTC times as the ledger and outputs write them (`2026-12-02T05:40:12Z`) and as archive
/// names carry them (`20261202T054012Z`).
enum Timestamps {
    static func iso(nanoseconds: Int64) -> String {
        format(nanoseconds, "%04d-%02d-%02dT%02d:%02d:%02dZ")
    }

    static func compact(nanoseconds: Int64) -> String {
        format(nanoseconds, "%04d%02d%02dT%02d%02d%02dZ")
    }

    private static func format(_ nanoseconds: Int64, _ pattern: String) -> String {
        let date = Date(timeIntervalSince1970: Double(nanoseconds / 1_000_000_000))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: pattern, c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}

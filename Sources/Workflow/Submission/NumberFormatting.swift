import SpreadsheetIO

enum NumberFormatting {
    /// Shortest round-trip text, integral values without `.0`.
    static func shortest(_ d: Double) -> String { NumberText.shortest(d) }
}

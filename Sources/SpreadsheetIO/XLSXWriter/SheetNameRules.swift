/// Excel's rules for sheet names, checked when a sheet is added.
enum SheetNameRules {
    static let maxLength = 31
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    static func check(_ name: String, existing: [String], file: String) throws {
        func fail(_ kind: SpreadsheetError.Kind, _ reason: String) -> SpreadsheetError {
            SpreadsheetError(kind, file: file, sheet: name, reason: reason)
        }
        if name.isEmpty { throw fail(.invalidSheetName, "a sheet name cannot be empty") }
        let length = name.utf16.count
        if length > maxLength { throw fail(.invalidSheetName, "the sheet name has \(length) characters, Excel allows at most \(maxLength)") }
        if let bad = name.first(where: { forbidden.contains($0) }) {
            throw fail(.invalidSheetName, "a sheet name cannot contain \"\(bad)\" (none of [ ] : * ? / \\)")
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 }) { throw fail(.invalidSheetName, "a sheet name cannot contain control characters") }
        if name.hasPrefix("'") || name.hasSuffix("'") { throw fail(.invalidSheetName, "a sheet name cannot begin or end with an apostrophe") }
        if name.lowercased() == "history" { throw fail(.invalidSheetName, "\"History\" is reserved by Excel") }
        if let twin = existing.first(where: { $0.lowercased() == name.lowercased() }) {
            throw fail(.duplicateSheetName, "the workbook already has a sheet \"\(twin)\" (Excel compares names ignoring case)")
        }
    }

    /// A name that passes `check`, made from any text (for converted CSV files and the like).
    static func sanitized(_ name: String, existing: [String]) -> String {
        var s = String(name.map { forbidden.contains($0) || ($0.asciiValue ?? 0x20) < 0x20 ? "_" : $0 })
        while s.hasPrefix("'") { s.removeFirst() }
        while s.hasSuffix("'") { s.removeLast() }
        if s.isEmpty || s.lowercased() == "history" { s = "Sheet" }
        s = truncated(s, to: maxLength)
        var candidate = s
        var n = 2
        while existing.contains(where: { $0.lowercased() == candidate.lowercased() }) {
            let suffix = " (\(n))"
            candidate = truncated(s, to: maxLength - suffix.utf16.count) + suffix
            n += 1
        }
        return candidate
    }

    private static func truncated(_ s: String, to units: Int) -> String {
        var out = ""
        for c in s {
            if out.utf16.count + String(c).utf16.count > units { break }
            out.append(c)
        }
        return out
    }
}

/// A rule Excel enforces when a person types into a range: a drop-down list, or whole or decimal
/// numbers between bounds. Makes input templates possible.
public struct DataValidation: Hashable, Sendable {
    public enum Rule: Hashable, Sendable {
        /// A drop-down of these values (Excel keeps at most 255 characters, commas included).
        case list([String])
        case wholeNumber(minimum: Int, maximum: Int)
        case decimal(minimum: Double, maximum: Double)
    }

    public var range: CellRange
    public var rule: Rule
    public var allowBlank: Bool
    /// Shown when a cell of the range is selected (title ≤ 32, message ≤ 255 characters).
    public var promptTitle: String?
    public var prompt: String?
    /// Shown when a value breaks the rule.
    public var errorTitle: String?
    public var errorMessage: String?

    public init(range: CellRange, rule: Rule, allowBlank: Bool = true, promptTitle: String? = nil, prompt: String? = nil,
                errorTitle: String? = nil, errorMessage: String? = nil) {
        self.range = range
        self.rule = rule
        self.allowBlank = allowBlank
        self.promptTitle = promptTitle
        self.prompt = prompt
        self.errorTitle = errorTitle
        self.errorMessage = errorMessage
    }

    /// The list's `formula1`: `"a,b,c"` with quotes doubled.
    var listFormula: String? {
        guard case .list(let values) = rule else { return nil }
        return "\"" + values.joined(separator: ",").replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    func check(file: String, sheet: String) throws {
        func fail(_ reason: String) -> SpreadsheetError {
            SpreadsheetError(.invalidWrite, file: file, sheet: sheet, reason: "data validation on \(range): \(reason)")
        }
        switch rule {
        case .list(let values):
            guard !values.isEmpty else { throw fail("the list is empty") }
            if let bad = values.first(where: { $0.contains(",") }) { throw fail("list value \"\(bad)\" holds a comma, which Excel reads as a separator") }
            let length = values.reduce(0) { $0 + $1.utf16.count } + values.count - 1
            if length > 255 { throw fail("the list has \(length) characters, Excel keeps at most 255") }
        case .wholeNumber(let lo, let hi):
            if lo > hi { throw fail("the minimum \(lo) is above the maximum \(hi)") }
        case .decimal(let lo, let hi):
            guard lo.isFinite, hi.isFinite else { throw fail("the bounds must be finite numbers") }
            if lo > hi { throw fail("the minimum \(lo) is above the maximum \(hi)") }
        }
        for (label, text, limit) in [("prompt title", promptTitle, 32), ("error title", errorTitle, 32),
                                     ("prompt", prompt, 255), ("error message", errorMessage, 255)] {
            if let text, text.utf16.count > limit { throw fail("the \(label) has \(text.utf16.count) characters, Excel keeps at most \(limit)") }
        }
    }
}

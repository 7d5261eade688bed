import SpreadsheetIO

/// Shorthands for the cells the output workbooks write.
enum WorkbookCells {
    static func text(_ s: String?) -> CellValue { s.map { .string($0) } ?? .empty }
    static func int(_ i: Int) -> CellValue { .number(Double(i)) }
    static func int(_ i: Int64?) -> CellValue { i.map { .number(Double($0)) } ?? .empty }

    static func value(_ v: ObservationValue?) -> CellValue {
        switch v {
        case nil: return .empty
        case .number(let d)?: return .number(d)
        case .boolean(let b)?: return .boolean(b)
        case .text(let s)?: return .string(s)
        }
    }

    /// Fills for the completeness states and observation statuses (Excel's pastel palette).
    static func fill(for state: CompletenessMatrix.State) -> String {
        switch state {
        case .present: return "C6EFCE"
        case .provisional: return "FFEB9C"
        case .estimated: return "DDEBF7"
        case .confidential: return "D9D9D9"
        case .missing: return "FFC7CE"
        }
    }

    static let statusNames = ["A": "normal", "E": "estimated", "P": "provisional", "B": "break in series",
                              "C": "confidential", "M": "missing", "N": "not significant"]
}

/// Registers the styles every output workbook uses.
struct WorkbookStyles {
    let header: CellStyleID
    let highlighted: CellStyleID
    let states: [CompletenessMatrix.State: CellStyleID]
    let error: CellStyleID
    let warning: CellStyleID

    init(_ book: XLSXWriter) throws {
        header = try book.style(.header)
        highlighted = try book.style(.highlighted)
        var states: [CompletenessMatrix.State: CellStyleID] = [:]
        for s in CompletenessMatrix.State.allCases { states[s] = try book.style(CellStyle(fillColor: WorkbookCells.fill(for: s))) }
        self.states = states
        error = try book.style(CellStyle(fillColor: "FFC7CE"))
        warning = try book.style(CellStyle(fillColor: "FFEB9C"))
    }

    func severity(_ s: FindingRecord.Severity) -> CellStyleID {
        switch s {
        case .error: return error
        case .warning: return warning
        case .info: return .default
        }
    }
}

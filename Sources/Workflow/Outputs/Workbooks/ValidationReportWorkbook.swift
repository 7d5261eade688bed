import SpreadsheetIO

/// `validation-report.xlsx` for coordinators: `Completeness` (partner × indicator rows, one
/// column per year, each cell the state, coloured), `Open findings`, `Latest submissions`,
/// `Rejected` (files waiting for a corrected version).
enum ValidationReportWorkbook {
    static func write(_ report: ValidationReport, submissions: [Int64: SubmissionEntry], to path: String) throws {
        let book = try XLSXWriter(path: path, properties: WorkbookProperties(title: "INNAXE validation report"))
        let styles = try WorkbookStyles(book)
        let m = report.completeness

        let completeness = try book.addSheet(named: "Completeness", options: SheetOptions(frozenRows: 1, frozenColumns: 2, autoFilter: true))
        try completeness.writeRow((["Partner", "Indicator"] + m.years.map { String($0) }).map { .string($0) }, style: styles.header)
        var i = 0
        for p in m.partners {
            for ind in m.indicators {
                var values: [CellValue] = [.string(p), .string(ind)]
                var cellStyles: [CellStyleID] = [.default, .default]
                for _ in m.years {
                    let c = m.cells[i]
                    i += 1
                    let total = c.counts.values.reduce(0, +)
                    values.append(.string(total > 1 && c.counts.count > 1 ? "\(c.state.rawValue) (\(total) values)" : c.state.rawValue))
                    cellStyles.append(styles.states[c.state]!)
                }
                try completeness.writeRow(values, styles: cellStyles)
            }
        }

        let findings = try book.addSheet(named: "Open findings", options: .table)
        var rows: [(submission: SubmissionEntry, finding: FindingRecord)] = []
        for section in report.partners {
            for (id, f) in section.openFindings { if let s = submissions[id] { rows.append((s, f)) } }
        }
        try FindingRows.write(rows, to: findings, styles: styles)

        let latest = try book.addSheet(named: "Latest submissions", options: .table)
        try latest.writeRow(SubmissionRows.columns.map { .string($0) }, style: styles.header)
        for section in report.partners { if let s = section.latestSubmission { try latest.writeRow(SubmissionRows.row(s)) } }

        let rejected = try book.addSheet(named: "Rejected", options: .table)
        try rejected.writeRow(SubmissionRows.columns.map { .string($0) }, style: styles.header)
        for section in report.partners { for s in section.rejected { try rejected.writeRow(SubmissionRows.row(s)) } }
        for s in report.unidentified { try rejected.writeRow(SubmissionRows.row(s)) }
        try book.close()
    }
}

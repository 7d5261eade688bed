import SpreadsheetIO

/// The workbook a partner gets back for one submission: `Summary`; `Your values` (every value
/// taken, where it was in their file, and the findings about that cell next to it, highlighted);
/// `Findings` (all, with their cells); `Changes` (what this file revised, added and withdrew).
enum FeedbackWorkbook {
    static func write(_ feedback: SubmissionFeedback, summary: String, to path: String) throws {
        let s = feedback.submission
        // Deflate level 1: a feedback workbook is written for every submission; speed over size.
        let book = try XLSXWriter(path: path, properties: WorkbookProperties(title: "innaxe feedback: \(s.originalName)"),
                                  options: .init(compressionLevel: 1))
        let styles = try WorkbookStyles(book)

        let sheet = try book.addSheet(named: "Summary", options: SheetOptions(columnWidths: [1: 18, 2: 90]))
        let lines: [(String, String?)] = [
            ("File", s.originalName), ("Partner", s.partnerID), ("Outcome", s.status.rawValue), ("Summary", summary),
            ("Received", s.receivedAt), ("Processed", s.processedAt), ("Stored as", s.storedPath), ("SHA-256", s.contentHash),
            ("Mapping", s.mappingID.map { "\($0) \(s.mappingVersion ?? "")" }), ("Schema", s.schemaVersion),
            ("Previous submission", feedback.previous.map { "\($0.originalName) (submission \($0.id), \($0.processedAt))" }),
        ]
        for (k, v) in lines where v != nil { try sheet.writeRow([.string(k), .string(v!)], styles: [styles.header, .default]) }

        var byCell: [String: [FindingRecord]] = [:]
        for f in feedback.findings { if let c = f.cell { byCell[(f.sheet ?? "") + "!" + c, default: []].append(f) } }
        let values = try book.addSheet(named: "Your values", options: .table)
        try values.writeRow(["Sheet", "Cell", "Original text", "Indicator", "Region", "Year", "Value", "Unit", "Status", "Finding"].map { .string($0) },
                            style: styles.header)
        for o in feedback.observations {
            let p = o.record.provenance
            let notes = byCell[(p.sheet ?? "") + "!" + (p.cell ?? "")] ?? []
            let worst = notes.map(\.severity).min()
            let style = worst.map(styles.severity) ?? .default
            try values.writeRow([
                WorkbookCells.text(p.sheet), WorkbookCells.text(p.cell), WorkbookCells.text(p.originalText), .string(o.record.indicator),
                .string(o.record.region), WorkbookCells.int(o.record.year), WorkbookCells.value(o.record.value),
                WorkbookCells.text(o.record.unit), .string(o.record.obsStatus),
                WorkbookCells.text(notes.isEmpty ? nil : notes.map { "\($0.code): \($0.message)" }.joined(separator: "; ")),
            ], styles: Array(repeating: style, count: 10))
        }

        let findings = try book.addSheet(named: "Findings", options: .table)
        try FindingRows.write(feedback.findings.map { (s, $0) }, to: findings, styles: styles)

        let changes = try book.addSheet(named: "Changes", options: .table)
        try changes.writeRow(["Change", "Indicator", "Region", "Year", "Cluster", "Before", "Status before", "Now", "Status now", "Cell"].map { .string($0) },
                             style: styles.header)
        for c in feedback.changes {
            try changes.writeRow([
                .string(c.kind.rawValue), .string(c.key.indicator), .string(c.key.region), WorkbookCells.int(c.key.year),
                .string(c.key.clusterID), WorkbookCells.text(c.previousValue), WorkbookCells.text(c.previousStatus),
                WorkbookCells.text(c.value), WorkbookCells.text(c.status), WorkbookCells.text(c.cell),
            ], style: c.kind == .withdrawn ? styles.warning : .default)
        }
        try book.close()
    }
}

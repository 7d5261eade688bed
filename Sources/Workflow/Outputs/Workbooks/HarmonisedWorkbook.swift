import SpreadsheetIO

/// `harmonised.xlsx` (and `innaxe export --format xlsx`): the consolidated dataset for analysts.
///
/// Sheets: `Observations` (long: one value per row with provenance), one `Compare <year>` per year
/// (regions × indicators, provisional and estimated values highlighted, confidential and missing
/// ones named), `Sources` (the submissions the values come from), `Findings` (open findings).
enum HarmonisedWorkbook {
    static let observationColumns = ["Partner", "Cluster", "Indicator", "Region", "Year", "Value", "Unit", "Status", "Comment",
                                     "Submission", "Source file", "Source sheet", "Source cell", "Original text", "Original unit"]

    static func write(_ dataset: HarmonisedDataset, findings: [(submission: SubmissionEntry, finding: FindingRecord)], to path: String) throws {
        let book = try XLSXWriter(path: path, properties: WorkbookProperties(title: "INNAXE harmonised indicators"))
        let styles = try WorkbookStyles(book)

        let long = try ContinuedSheet(in: book, named: "Observations", options: .table, header: observationColumns.map { .string($0) },
                                      headerStyle: styles.header)
        for o in dataset.observations {
            let r = o.record
            try long.writeRow([
                .string(o.partnerID), .string(r.clusterID), .string(r.indicator), .string(r.region), WorkbookCells.int(r.year),
                WorkbookCells.value(r.value), WorkbookCells.text(r.unit), .string(r.obsStatus), WorkbookCells.text(r.obsComment),
                WorkbookCells.int(o.submissionID), .string(r.provenance.file), WorkbookCells.text(r.provenance.sheet),
                WorkbookCells.text(r.provenance.cell), WorkbookCells.text(r.provenance.originalText),
                WorkbookCells.text(r.provenance.originalUnit),
            ])
        }

        let indicators = Set(dataset.observations.map(\.record.indicator)).sorted()
        for year in Set(dataset.observations.map(\.record.year)).sorted() {
            let sheet = try book.addSheet(named: book.availableSheetName(for: "Compare \(year)"),
                                          options: SheetOptions(frozenRows: 1, frozenColumns: 3, autoFilter: true))
            try sheet.writeRow((["Region", "Partner", "Cluster"] + indicators).map { .string($0) }, style: styles.header)
            struct RowKey: Hashable, Comparable {
                var region: String, partner: String, cluster: String
                static func < (a: RowKey, b: RowKey) -> Bool { (a.region, a.partner, a.cluster) < (b.region, b.partner, b.cluster) }
            }
            var grid: [RowKey: [String: StoredObservation]] = [:]
            for o in dataset.observations where o.record.year == year {
                grid[RowKey(region: o.record.region, partner: o.partnerID, cluster: o.record.clusterID), default: [:]][o.record.indicator] = o
            }
            for key in grid.keys.sorted() {
                var values: [CellValue] = [.string(key.region), .string(key.partner), .string(key.cluster)]
                var cellStyles: [CellStyleID] = [.default, .default, .default]
                for indicator in indicators {
                    guard let o = grid[key]![indicator] else { values.append(.empty); cellStyles.append(.default); continue }
                    let state = CompletenessMatrix.State.of(value: o.record.value, status: o.record.obsStatus)
                    if o.record.value == nil {
                        values.append(.string("(\(WorkbookCells.statusNames[o.record.obsStatus] ?? o.record.obsStatus))"))
                    } else {
                        values.append(WorkbookCells.value(o.record.value))
                    }
                    cellStyles.append(state == .present ? .default : styles.states[state]!)
                }
                try sheet.writeRow(values, styles: cellStyles)
            }
        }

        let sources = try book.addSheet(named: "Sources", options: .table)
        try sources.writeRow(SubmissionRows.columns.map { .string($0) }, style: styles.header)
        for s in dataset.sources { try sources.writeRow(SubmissionRows.row(s)) }

        let findingsSheet = try book.addSheet(named: "Findings", options: .table)
        try FindingRows.write(findings, to: findingsSheet, styles: styles)
        try book.close()
    }
}

/// One submission per row, in the Sources and Latest submission sheets.
enum SubmissionRows {
    static let columns = ["Submission", "Partner", "Status", "File", "Stored as", "SHA-256", "Mapping", "Mapping version",
                          "Schema version", "Received", "Processed", "Values", "Errors", "Warnings", "Revised", "Added", "Withdrawn",
                          "Reason"]

    static func row(_ s: SubmissionEntry) -> [CellValue] {
        [
            WorkbookCells.int(s.id), WorkbookCells.text(s.partnerID), .string(s.status.rawValue), .string(s.originalName),
            .string(s.storedPath), .string(s.contentHash), WorkbookCells.text(s.mappingID), WorkbookCells.text(s.mappingVersion),
            WorkbookCells.text(s.schemaVersion), .string(s.receivedAt), .string(s.processedAt), WorkbookCells.int(s.counts.observations),
            WorkbookCells.int(s.counts.errors), WorkbookCells.int(s.counts.warnings), WorkbookCells.int(s.counts.revised),
            WorkbookCells.int(s.counts.added), WorkbookCells.int(s.counts.withdrawn),
            WorkbookCells.text(s.rejection?.description ?? s.duplicateOf.map { "duplicate of submission \($0)" }),
        ]
    }
}

/// Findings as a filterable table, rows coloured by severity.
enum FindingRows {
    static let columns = ["Partner", "Submission", "File", "Severity", "Code", "Location", "Message", "Text in the cell", "Expected", "Hint"]

    static func write(_ findings: [(submission: SubmissionEntry, finding: FindingRecord)], to sheet: WorksheetWriter,
                      styles: WorkbookStyles) throws {
        try sheet.writeRow(columns.map { .string($0) }, style: styles.header)
        for (s, f) in findings {
            let style = styles.severity(f.severity)
            try sheet.writeRow([
                WorkbookCells.text(s.partnerID), WorkbookCells.int(s.id), .string(f.file), .string(f.severity.rawValue), .string(f.code),
                .string(f.locationText), .string(f.message), WorkbookCells.text(f.rawText), WorkbookCells.text(f.expected),
                WorkbookCells.text(f.hint),
            ], styles: [.default, .default, .default, style, style, .default, .default, .default, .default, .default])
        }
    }
}

import SpreadsheetIO

extension ValidationReport {
    /// The report as a workbook: a `Summary` sheet (one row per group, with its count, first
    /// cell and hint), a `Findings` sheet (every finding) and an `Inputs` sheet.
    public func writeWorkbook(path: String) throws {
        let book = try XLSXWriter(path: path, properties: WorkbookProperties(title: "INNAXE validation report"))
        let header = try book.style(.header)
        let summary = try book.addSheet(named: "Summary", options: .table)
        try summary.writeRow(["severity", "code", "title", "file", "sheet", "column", "count", "first cell", "example", "hint"].map { .string($0) }, style: header)
        for g in groups {
            let first = g.examples.first
            try summary.writeRow([
                .string(g.severity.rawValue), .string(g.code.rawValue), .string(g.code.title), .string(g.file), g.sheet.map(CellValue.string) ?? .empty,
                g.column.map(CellValue.string) ?? .empty, .number(Double(g.count)), first.map { .string($0.location.reference) } ?? .empty,
                first.map { .string(($0.raw.map { "\"\($0)\": " } ?? "") + $0.message) } ?? .empty, g.hint.map(CellValue.string) ?? .empty,
            ])
        }
        try FindingsSheet.write(findings, to: book, header: header)
        let inputs = try book.addSheet(named: "Inputs", options: .table)
        try inputs.writeRow(["file", "format", "sha256", "mapping", "mapping_version", "rows_read", "observations"].map { .string($0) }, style: header)
        for r in self.inputs {
            try inputs.writeRow([.string(r.file), .string(r.format), .string(r.sha256), .string(r.mapping), .string(r.mappingVersion),
                                 .number(Double(r.rowsRead)), .number(Double(r.observationCount))])
        }
        try inputs.writeRow([.string("schema"), .string(schemaID), .string(schemaVersion)])
        try book.close()
    }
}

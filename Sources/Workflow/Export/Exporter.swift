import Foundation
import SpreadsheetIO

/// The consolidated dataset, filtered, for analysts: JSON (as `out/harmonised.json`), CSV (one
/// observation per line, provenance columns last) or XLSX (as `out/harmonised.xlsx`: long sheet,
/// a comparison sheet per year, sources). Written atomically.
public enum Exporter {
    public enum Format: String, Sendable, CaseIterable { case json, csv, xlsx }

    public static let csvColumns = ["partner", "cluster_id", "indicator", "region", "year", "value", "unit", "obs_status",
                                    "obs_comment", "submission", "source_file", "source_sheet", "source_cell",
                                    "original_text", "original_unit"]

    /// Writes the export and returns how many observations it holds.
    @discardableResult
    public static func export(store: StateStore, filter: ObservationFilter, format: Format, to path: String) throws -> Int {
        let dataset = try HarmonisedDataset(store: store, filter: filter,
                                            generatedAt: Timestamps.iso(nanoseconds: FileSystem.nowNanoseconds()))
        switch format {
        case .json:
            try AtomicFile.write(dataset.json.rendered(compactBelow: 2), to: path)
        case .csv:
            try writeCSV(dataset.observations, to: path)
        case .xlsx:
            try HarmonisedWorkbook.write(dataset, findings: [], to: path)
        }
        return dataset.observations.count
    }

    /// Through SpreadsheetIO's CSV writer: RFC 4180, and text that a spreadsheet would run as a
    /// formula neutralised (an analyst opens this in Excel).
    static func writeCSV(_ observations: [StoredObservation], to path: String) throws {
        let out = try CSVWriter(path: path, options: .init(signedNumbersAreSafe: true))
        try out.writeRow(csvColumns.map { .string($0) })
        for o in observations {
            let r = o.record
            try out.writeRow([
                .string(o.partnerID), .string(r.clusterID), .string(r.indicator), .string(r.region), .number(Double(r.year)),
                WorkbookCells.value(r.value), WorkbookCells.text(r.unit), .string(r.obsStatus), WorkbookCells.text(r.obsComment),
                .number(Double(o.submissionID)), .string(r.provenance.file), WorkbookCells.text(r.provenance.sheet),
                WorkbookCells.text(r.provenance.cell), WorkbookCells.text(r.provenance.originalText),
                WorkbookCells.text(r.provenance.originalUnit),
            ])
        }
        try out.close()
    }
}

import Foundation
import SpreadsheetIO

/// The consolidated dataset, filtered, for analysts: JSON (as `out/harmonised.json`) or CSV
/// (one observation per line, provenance columns last). Written atomically.
public enum Exporter {
    public enum Format: String, Sendable, CaseIterable { case json, csv }

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
            try AtomicFile.write(dataset.json.rendered(), to: path)
        case .csv:
            try AtomicFile.write(csv(dataset.observations), to: path)
        }
        return dataset.observations.count
    }

    static func csv(_ observations: [StoredObservation]) -> [UInt8] {
        var out: [UInt8] = []
        func field(_ s: String?, last: Bool = false) {
            let s = s ?? ""
            if s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) || s.hasPrefix(" ") || s.hasSuffix(" ") {
                out.append(0x22)
                for b in s.utf8 { if b == 0x22 { out.append(0x22) }; out.append(b) }
                out.append(0x22)
            } else {
                out.append(contentsOf: s.utf8)
            }
            out.append(contentsOf: last ? [0x0D, 0x0A] : [0x2C])
        }
        for (i, c) in csvColumns.enumerated() { field(c, last: i == csvColumns.count - 1) }
        for o in observations {
            let r = o.record
            let value: String? = switch r.value {
            case nil: nil
            case .number(let d)?: JSONText.number(d)
            case .boolean(let b)?: b ? "true" : "false"
            case .text(let s)?: s
            }
            field(o.partnerID); field(r.clusterID); field(r.indicator); field(r.region); field(String(r.year))
            field(value); field(r.unit); field(r.obsStatus); field(r.obsComment); field(String(o.submissionID))
            field(r.provenance.file); field(r.provenance.sheet); field(r.provenance.cell); field(r.provenance.originalText)
            field(r.provenance.originalUnit, last: true)
        }
        return out
    }
}

import Foundation

/// Streams the harmonised dataset as JSON (docs/harmonised.schema.json): observations are
/// written as they arrive, so a million of them never sit in memory; the inputs (with their
/// SHA-256) and the finding counts follow once every file is read.
public final class HarmonisedJSONWriter: ObservationSink {
    private let handle: FileHandle
    private var out = JSONOut()
    private var first = true
    public private(set) var count = 0

    public init(path: String, schema: IndicatorSchema, rates: CurrencyRates, mappings: [PartnerMapping]) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        handle = h
        out.raw("{\"format\":\"innaxe-harmonised\",\"format_version\":1,")
        out.raw("\"schema\":{\"id\":\(JSONTextString(schema.id)),\"version\":\(JSONTextString(schema.version))},")
        out.raw("\"rates\":{\"version\":\(JSONTextString(rates.version)),\"source\":\(JSONTextString(rates.source))},")
        out.raw("\"mappings\":[")
        out.raw(mappings.map { "{\"file\":\(JSONTextString($0.file)),\"partner\":\(JSONTextString($0.partner)),\"version\":\(JSONTextString($0.version))}" }.joined(separator: ","))
        out.raw("],\"observations\":[\n")
        try flush(force: true)
    }

    public func accept(_ o: Observation) throws {
        if !first { out.raw(",\n") }
        first = false
        // Straight into the output buffer: no builder and byte array per observation.
        out.startValue()
        Self.write(o, into: &out)
        count += 1
        try flush(force: false)
    }

    static func write(_ o: Observation, into out: inout JSONOut) {
        out.beginObject()
        out.string("cluster_id", o.clusterID)
        out.string("region", o.region)
        out.int("year", o.year)
        out.string("indicator", o.indicator)
        switch o.value {
        case .number(let d)?: out.number("value", d)
        case .boolean(let b)?: out.bool("value", b)
        case .code(let c)?: out.string("value", c)
        case .text(let t)?: out.string("value", t)
        case nil: out.string("value", nil)
        }
        out.string("unit", o.unit)
        out.string("obs_status", o.status.rawValue)
        out.optionalString("obs_comment", o.comment)
        out.beginObject("source")
        out.string("file", o.provenance.file)
        out.optionalString("sheet", o.provenance.sheet)
        out.optionalString("cell", o.provenance.cell?.description)
        out.optionalString("column_header", o.provenance.columnHeader)
        out.string("original_value", o.provenance.originalText)
        out.optionalString("original_unit", o.provenance.originalUnit)
        if let c = o.provenance.conversion {
            out.beginObject("conversion")
            out.string("currency", c.currency)
            out.number("native_value", c.nativeValue)
            out.number("rate_per_eur", c.ratePerEUR)
            out.string("rate_kind", c.rateKind)
            out.endObject()
        }
        if !o.provenance.summedCells.isEmpty {
            out.beginArray("summed_cells")
            for c in o.provenance.summedCells { out.string(nil, c.description) }
            out.endArray()
        }
        out.endObject()
        out.endObject()
    }

    private func flush(force: Bool) throws {
        guard force || out.bytes.count > 1 << 20 else { return }
        try handle.write(contentsOf: Data(out.bytes))
        out.bytes.removeAll(keepingCapacity: true)
    }

    /// Closes the observation list and writes the inputs and the finding counts.
    public func finish(reports: [FileReport], findings: [Finding]) throws {
        out.raw("\n],\"inputs\":[")
        var first = true
        for r in reports {
            if !first { out.raw(",") }
            first = false
            var one = JSONOut()
            InputJSON.write(r, into: &one)
            out.bytes.append(contentsOf: one.bytes)
        }
        out.raw("],\"findings_summary\":{")
        out.raw(Severity.allCases.reversed().map { s in "\"\(s.rawValue)\":\(findings.filter { $0.severity == s }.reduce(0) { $0 + $1.occurrences })" }.joined(separator: ","))
        out.raw("}}\n")
        try flush(force: true)
        try handle.close()
    }
}

enum InputJSON {
    static func write(_ r: FileReport, into out: inout JSONOut) {
        out.beginObject()
        out.string("file", r.file)
        out.string("format", r.format)
        out.string("sha256", r.sha256)
        out.int("bytes", r.byteCount)
        out.string("mapping", r.mapping)
        out.string("mapping_version", r.mappingVersion)
        out.beginArray("tables")
        for t in r.tablesRead { out.string(nil, t) }
        out.endArray()
        out.int("rows_read", r.rowsRead)
        out.int("observations", r.observationCount)
        out.endObject()
    }
}

func JSONTextString(_ s: String) -> String {
    var b: [UInt8] = []
    SpreadsheetIOJSON.append(s, to: &b)
    return String(decoding: b, as: UTF8.self)
}

import SpreadsheetIO
enum SpreadsheetIOJSON {
    static func append(_ s: String, to b: inout [UInt8]) { JSONText.appendString(s, to: &b) }
}

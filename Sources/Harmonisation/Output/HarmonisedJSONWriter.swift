import Foundation

/// Streams the harmonised dataset as JSON (docs/harmonised.schema.json): observations are
/// written as they arrive, so a million of them never sit in memory; the inputs (with their
/// SHA-256) and the finding counts follow once every file is read.
public final class HarmonisedJSONWriter: ObservationSink {
    /// Appears at its path only when `finish` completes: a run that fails half-way leaves no
    /// truncated JSON behind (and an earlier run's file untouched).
    private let file: AtomicOutputFile
    private var out = JSONOut()
    private var first = true
    public private(set) var count = 0

    public init(path: String, schema: IndicatorSchema, rates: CurrencyRates, mappings: [PartnerMapping]) throws {
        file = try AtomicOutputFile(path: path)
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

    /// One observation, straight into bytes: the member names are literals, and numbers and cell
    /// references are written digit by digit (this runs a million times for a big file). The
    /// output is what `JSONOut` would write, member for member.
    static func write(_ o: Observation, into out: inout JSONOut) {
        Self.write(o, into: &out.bytes)
    }

    static func write(_ o: Observation, into b: inout [UInt8]) {
        literal("{\"cluster_id\":", &b); JSONText.appendString(o.clusterID, to: &b)
        literal(",\"region\":", &b); JSONText.appendString(o.region, to: &b)
        literal(",\"year\":", &b); integer(Int64(o.year), &b)
        literal(",\"indicator\":", &b); JSONText.appendString(o.indicator, to: &b)
        literal(",\"value\":", &b)
        switch o.value {
        case .number(let d)?: number(d, &b)
        case .boolean(let v)?: literal(v ? "true" : "false", &b)
        case .code(let c)?: JSONText.appendString(c, to: &b)
        case .text(let t)?: JSONText.appendString(t, to: &b)
        case nil: literal("null", &b)
        }
        literal(",\"unit\":", &b); JSONText.appendString(o.unit, to: &b)
        literal(",\"obs_status\":", &b); JSONText.appendString(o.status.rawValue, to: &b)
        if let c = o.comment { literal(",\"obs_comment\":", &b); JSONText.appendString(c, to: &b) }
        let p = o.provenance
        literal(",\"source\":{\"file\":", &b); JSONText.appendString(p.file, to: &b)
        if let sheet = p.sheet { literal(",\"sheet\":", &b); JSONText.appendString(sheet, to: &b) }
        if let cell = p.cell {
            literal(",\"cell\":\"", &b)
            cell.appendA1(to: &b)
            b.append(UInt8(ascii: "\""))
        }
        if let h = p.columnHeader { literal(",\"column_header\":", &b); JSONText.appendString(h, to: &b) }
        literal(",\"original_value\":", &b)
        JSONText.appendString(p.originalText, to: &b)
        if let u = p.originalUnit { literal(",\"original_unit\":", &b); JSONText.appendString(u, to: &b) }
        if let c = p.conversion {
            literal(",\"conversion\":{\"currency\":", &b); JSONText.appendString(c.currency, to: &b)
            literal(",\"native_value\":", &b); number(c.nativeValue, &b)
            literal(",\"rate_per_eur\":", &b); number(c.ratePerEUR, &b)
            literal(",\"rate_kind\":", &b); JSONText.appendString(c.rateKind, to: &b)
            b.append(UInt8(ascii: "}"))
        }
        if !p.summedCells.isEmpty {
            literal(",\"summed_cells\":[", &b)
            for (i, c) in p.summedCells.enumerated() {
                if i > 0 { b.append(UInt8(ascii: ",")) }
                JSONText.appendString(c.description, to: &b)
            }
            b.append(UInt8(ascii: "]"))
        }
        literal("}}", &b)
    }

    @inline(__always)
    private static func literal(_ s: StaticString, _ b: inout [UInt8]) {
        b.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    private static func integer(_ value: Int64, _ b: inout [UInt8]) {
        if value < 0 { b.append(UInt8(ascii: "-")) }
        var v = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[n] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                n += 1
            } while v > 0
            for k in stride(from: n - 1, through: 0, by: -1) { b.append(d[k]) }
        }
    }

    /// As `JSONText.number`: integral values as integers, others shortest round-trip, non-finite null.
    private static func number(_ d: Double, _ b: inout [UInt8]) {
        if d.isFinite, d == d.rounded(), abs(d) < 9.007_199_254_740_992e15 { integer(Int64(d), &b); return }
        b.append(contentsOf: JSONText.number(d).utf8)
    }

    private func flush(force: Bool) throws {
        guard force || out.bytes.count > 1 << 20 else { return }
        try file.write(out.bytes)
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
        try file.commit()
    }

    /// Gives the output up (another output failed): nothing appears at the path.
    public func discard() { file.discard() }
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

import Foundation
import Testing
@testable import Harmonisation

/// The harmonised JSON writes each observation byte by byte, outside the JSON builder: every
/// member must still be there with its value (docs/harmonised.schema.json), for every
/// observation the six partners' fixtures produce and for hand-made edge cases.
@Suite struct HarmonisedJSONWriterTests {
    /// The observation as docs/harmonised.schema.json describes it, built independently.
    static func expected(_ o: Observation) -> [String: Any] {
        var d: [String: Any] = ["cluster_id": o.clusterID, "region": o.region, "year": o.year, "indicator": o.indicator,
                                "unit": o.unit, "obs_status": o.status.rawValue]
        switch o.value {
        case .number(let n)?: d["value"] = n
        case .boolean(let b)?: d["value"] = b
        case .code(let c)?: d["value"] = c
        case .text(let t)?: d["value"] = t
        case nil: d["value"] = NSNull()
        }
        if let c = o.comment { d["obs_comment"] = c }
        let p = o.provenance
        var source: [String: Any] = ["file": p.file, "original_value": p.originalText]
        if let s = p.sheet { source["sheet"] = s }
        if let c = p.cell { source["cell"] = c.description }
        if let h = p.columnHeader { source["column_header"] = h }
        if let u = p.originalUnit { source["original_unit"] = u }
        if let c = p.conversion {
            source["conversion"] = ["currency": c.currency, "native_value": c.nativeValue, "rate_per_eur": c.ratePerEUR, "rate_kind": c.rateKind]
        }
        if !p.summedCells.isEmpty { source["summed_cells"] = p.summedCells.map(\.description) }
        d["source"] = source
        return d
    }

    static func written(_ o: Observation) throws -> NSDictionary {
        var bytes: [UInt8] = []
        HarmonisedJSONWriter.write(o, into: &bytes)
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? NSDictionary)
    }

    @Test(arguments: ["biocat", "medicen", "biorn", "hlsc", "dlsc", "cebr"])
    func everyPartnerObservationIsWrittenMemberForMember(partner: String) throws {
        let observations = try Fixtures.run(partner).observations
        #expect(!observations.isEmpty)
        for o in observations {
            #expect(try Self.written(o) == Self.expected(o) as NSDictionary, "\(o.key)")
        }
    }

    @Test func edgeCasesOfNumbersTextsAndCells() throws {
        let base = Observation(key: .init(clusterID: "x\"1", region: "ES51", year: 2023, indicator: "ls_companies_total"), value: .number(0),
                               unit: "count", status: .normal, comment: nil,
                               provenance: Provenance(file: "a\\b.xlsx", sheet: "Tab\n1", cell: .init(column: 16384, row: 1_048_576),
                                                      columnHeader: "Año", original: .number(-0.5), originalUnit: "k€"))
        var cases: [Observation] = []
        for value: ObservationValue? in [.number(-0.0), .number(-1234567), .number(1e21), .number(9.007_199_254_740_993e15),
                                          .boolean(true), .code("ESCA_GOLD"), .text("tab\there \u{01}"), nil] {
            var o = base
            o.value = value
            cases.append(o)
        }
        var withSums = base
        withSums.comment = "sum of 2 parts"
        withSums.provenance.sheet = nil
        withSums.provenance.cell = .init(column: 27, row: 3)
        withSums.provenance.summedCells = [.init(column: 1, row: 2)!, .init(column: 703, row: 9)!]
        withSums.provenance.conversion = .init(currency: "DKK", nativeValue: 7.5, ratePerEUR: 7.4589, rateKind: "annual-average 2023")
        cases.append(withSums)
        for o in cases {
            #expect(try Self.written(o) == Self.expected(o) as NSDictionary, "\(String(describing: o.value))")
        }
        var bytes: [UInt8] = []
        HarmonisedJSONWriter.write(cases[0], into: &bytes)
        // Integral values as integers, as JSONText writes them.
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"value\":0,"))
        // Others in the shortest text that reads back the same double (Foundation's parser
        // turns this one into a decimal, so it is checked as text).
        var fraction = base
        fraction.value = .number(0.1 + 0.2)
        bytes = []
        HarmonisedJSONWriter.write(fraction, into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"value\":0.30000000000000004,"))
    }
}

/// harmonised.json appears whole or not at all: a run that fails half-way (another output could
/// not be written) must not leave a truncated JSON where programs look for the dataset.
@Suite struct HarmonisedJSONWriterPublishingTests {
    @Test func theFileAppearsOnlyWhenFinishedAndNotAtAllWhenDiscarded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("innaxe-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Fixtures.run("dlsc")
        let mapping = try Fixtures.mapping("dlsc")
        let kept = folder.appendingPathComponent("kept.json").path
        let dropped = folder.appendingPathComponent("dropped.json").path
        try Data("earlier run".utf8).write(to: URL(fileURLWithPath: dropped))

        let writer = try HarmonisedJSONWriter(path: kept, schema: Fixtures.schema, rates: Fixtures.rates, mappings: [mapping])
        for o in run.observations { try writer.accept(o) }
        #expect(!FileManager.default.fileExists(atPath: kept), "nothing at the path before finish")
        try writer.finish(reports: run.reports, findings: run.findings)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: kept))) as? [String: Any])
        #expect((json["observations"] as? [Any])?.count == run.observations.count)

        let failing = try HarmonisedJSONWriter(path: dropped, schema: Fixtures.schema, rates: Fixtures.rates, mappings: [mapping])
        for o in run.observations { try failing.accept(o) }
        failing.discard()
        #expect(try String(contentsOfFile: dropped, encoding: .utf8) == "earlier run", "a discarded run leaves the earlier file as it was")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no temporary file left: \(leftovers)")
    }
}

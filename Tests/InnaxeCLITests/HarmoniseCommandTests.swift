import Foundation
import Testing

/// `innaxe validate` and `innaxe harmonise` as a user runs them: exit codes, the table, the files.
@Suite struct HarmoniseCommandTests {
    @Test func validateExitsZeroWithWarningsOnly() throws {
        let r = try InnaxeProcess.run(["validate", "fixtures/partners/HLSC_pokazateli_2023.csv", "fixtures/partners/Показатели_2023.xlsx", "--mapping", "mappings/hlsc.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("homoglyph-in-label"))
        #expect(r.stdout.contains("Показатели_2023.xlsx › Региони!A6"))
        #expect(r.stdout.contains("0 error(s)"))
    }

    @Test func validateExitsOneOnErrorsAndJSONIsParseable() throws {
        let r = try InnaxeProcess.run(["validate", "fixtures/partners/CEBR_member_survey_2023_export.csv", "--mapping", "mappings/cebr.yaml", "--json"])
        #expect(r.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["error"] as? Int == 1)
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["code"] as? String == "multiple-region-codes" && $0["cell"] as? String == "D6" })
    }

    @Test func aBrokenMappingIsExitTwoWithFileLineColumn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("innaxe-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let mapping = folder.appendingPathComponent("bad.yaml")
        try "mapping_version: 1\npartner: x\nregion: ES51\ntables:\n  - values: [{header: V, indicator: nope}]\n".write(to: mapping, atomically: true, encoding: .utf8)
        let r = try InnaxeProcess.run(["validate", "fixtures/partners/HLSC_pokazateli_2023.csv", "--mapping", mapping.path,
                                       "--schema", "mappings/schema.yaml", "--rates", "mappings/rates.yaml"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.yaml:5:37: error: unknown indicator \"nope\""), "\(r.stderr)")
    }

    @Test func harmoniseWritesTheFourOutputsFollowingTheJSONSchema() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("innaxe-harmonise-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try InnaxeProcess.run(["harmonise", "fixtures/partners/DLSC_nøgletal_2023.xlsx", "--mapping", "mappings/dlsc.yaml", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        for name in ["harmonised.json", "harmonised.xlsx", "validation-report.json", "validation-report.xlsx"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        // Every property the JSON Schema requires is there, for the document and each observation.
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: InnaxeProcess.packageRoot.appendingPathComponent("docs/harmonised.schema.json"))) as? [String: Any])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("harmonised.json"))) as? [String: Any])
        for key in schema["required"] as! [String] { #expect(doc[key] != nil, "missing \(key)") }
        let defs = schema["$defs"] as! [String: Any]
        let observationRequired = (defs["observation"] as! [String: Any])["required"] as! [String]
        let observations = try #require(doc["observations"] as? [[String: Any]])
        #expect(observations.count == 62)
        for o in observations { for key in observationRequired { #expect(o[key] != nil, "observation without \(key)") } }
        let exports = try #require(observations.first { $0["indicator"] as? String == "ls_exports_eur" && $0["year"] as? Int == 2022 })
        let source = try #require(exports["source"] as? [String: Any])
        #expect(source["cell"] as? String == "F12")
        #expect((source["conversion"] as? [String: Any])?["currency"] as? String == "DKK")
        let inputs = try #require(doc["inputs"] as? [[String: Any]])
        #expect((inputs.first?["sha256"] as? String)?.count == 64)
        let book = try InnaxeProcess.run(["inspect", out.appendingPathComponent("harmonised.xlsx").path, "--rows", "0"])
        #expect(book.stdout.contains("Observations") && book.stdout.contains("Comparison 2023") && book.stdout.contains("Sources") && book.stdout.contains("Findings"))
    }
}

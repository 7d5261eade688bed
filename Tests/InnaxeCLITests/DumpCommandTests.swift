import Foundation
import Testing

@Suite struct DumpCommandTests {
    @Test func printsTypedJSONForOneSheet() throws {
        let r = try InnaxeProcess.run(["dump", "fixtures/xlsx/excel-style-indicators.xlsx", "--sheet", "Calendari", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let sheets = try #require(json?["sheets"] as? [[String: Any]])
        #expect(sheets.count == 1)
        #expect(sheets[0]["name"] as? String == "Calendari")
        let rows = try #require(sheets[0]["rows"] as? [[Any]])
        #expect(rows[1][1] as? String == "2023-12-31")
        #expect(rows[4][1] as? String == "2023-05-12T14:32:00")
        #expect(rows[5][1] as? String == "09:30:15")
        #expect((rows[6][1] as? [String: Any])?["duration_s"] as? Int == 129_600)
    }

    @Test func aRefusedFilePrintsTheCorpusErrorShape() throws {
        let r = try InnaxeProcess.run(["dump", "fixtures/xlsx/zip-bomb.xlsx", "--json"])
        #expect(r.status == 2)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(json?["error"] as? String == "too-large")
        #expect((json?["message"] as? String)?.contains("zip-bomb.xlsx") == true)
    }
}

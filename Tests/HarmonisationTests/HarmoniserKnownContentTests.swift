import Foundation
import Testing
@testable import Harmonisation

/// A caller that already hashed the file (the inbox) passes the digest in; the engine then reports
/// it as given, reads the same observations, and still reports a file it cannot open.
@Suite struct HarmoniserKnownContentTests {
    static let file = "fixtures/partners/Biocat_Indicadors_BioRegio_2023.xlsx"

    func run(knownContent: (sha256: String, byteCount: Int)?, path: String = Fixtures.path(file)) throws -> (FileReport, Int) {
        let harmoniser = Harmoniser(schema: Fixtures.schema, rates: Fixtures.rates)
        let sink = ObservationCollector()
        let report = harmoniser.harmonise(path: path, displayName: "Biocat_Indicadors_BioRegio_2023.xlsx",
                                          mapping: try Fixtures.mapping("biocat"), sink: sink, knownContent: knownContent)
        return (report, sink.observations.count)
    }

    @Test func hashesTheFileItselfWhenNoDigestIsGiven() throws {
        let (report, count) = try run(knownContent: nil)
        let digest = try SHA256.hashFile(path: Fixtures.path(Self.file))
        #expect(report.sha256 == digest.hex)
        #expect(report.byteCount == digest.byteCount)
        #expect(count > 0)
    }

    @Test func aKnownDigestIsReportedAsGivenWithTheSameObservations() throws {
        let (_, hashedCount) = try run(knownContent: nil)
        let given = String(repeating: "ab", count: 32)
        let (report, count) = try run(knownContent: (given, 12_345))
        #expect(report.sha256 == given)
        #expect(report.byteCount == 12_345)
        #expect(count == hashedCount)
    }

    @Test func aFileThatCannotBeOpenedIsStillReportedWithADigestGiven() throws {
        let (report, count) = try run(knownContent: (String(repeating: "0", count: 64), 1), path: "/nonexistent/Biocat_x.xlsx")
        #expect(report.findings.map(\.code) == [.unreadableFile])
        #expect(count == 0)
    }
}

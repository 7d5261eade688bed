import Foundation
import Testing
@testable import Harmonisation

/// The outputs are written on threads of their own: the writer must see every observation, in
/// production order, and a writer that fails must fail the run once, not silently.
@Suite struct BackgroundSinkTests {
    static func observations(_ count: Int) -> [Observation] {
        (0..<count).map { i in
            Observation(key: .init(clusterID: "c\(i % 7)", region: "ES51", year: 2000 + i % 25, indicator: "ls_companies_total"),
                        value: .number(Double(i)), unit: "count", status: .normal, comment: nil,
                        provenance: Provenance(file: "f.csv", sheet: nil, cell: nil, columnHeader: nil, original: .number(Double(i)), originalUnit: nil))
        }
    }

    @Test(arguments: [(1, 1), (3, 1), (64, 4), (5000, 2)])
    func deliversEveryObservationInOrder(batchSize: Int, depth: Int) throws {
        let input = Self.observations(1000)
        let collector = ObservationCollector()
        let sink = BackgroundSink(collector, batchSize: batchSize, depth: depth)
        for o in input { try sink.accept(o) }
        try sink.drain()
        #expect(collector.observations == input)
    }

    @Test func theSameObservationsAsWritingDirectlyForAPartnerFile() throws {
        let direct = try Fixtures.run("biocat").observations
        let collector = ObservationCollector()
        let sink = BackgroundSink(collector, batchSize: 4, depth: 2)
        let harmoniser = Harmoniser(schema: Fixtures.schema, rates: Fixtures.rates)
        for name in Fixtures.partnerFiles["biocat"]! {
            _ = harmoniser.harmonise(path: Fixtures.path("fixtures/partners/\(name)"), displayName: name, mapping: try Fixtures.mapping("biocat"), sink: sink)
        }
        try sink.drain()
        #expect(!direct.isEmpty)
        #expect(collector.observations == direct)
    }

    struct DiskFull: Error {}

    final class FailingSink: ObservationSink, @unchecked Sendable {
        let failAt: Int
        var accepted = 0
        init(failAt: Int) { self.failAt = failAt }
        func accept(_ observation: Observation) throws {
            if accepted == failAt { throw DiskFull() }
            accepted += 1
        }
    }

    @Test func aFailingTargetIsReportedOnceAndByDrain() throws {
        let target = FailingSink(failAt: 10)
        let sink = BackgroundSink(target, batchSize: 4, depth: 1)
        var thrown = 0
        for o in Self.observations(400) {
            do { try sink.accept(o) } catch is DiskFull { thrown += 1 }
        }
        #expect(thrown <= 1)
        #expect(throws: DiskFull.self) { try sink.drain() }
        #expect(target.accepted == 10)
    }
}

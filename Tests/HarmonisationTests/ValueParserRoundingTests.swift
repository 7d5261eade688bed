import Testing
@testable import Harmonisation

/// Rounding to an indicator's decimals rounds the decimal a value stands for, half away from
/// zero (as Excel's ROUND): a fraction cell and the same share typed as text give one value.
@Suite struct ValueParserRoundingTests {
    @Test(arguments: [
        (0.2035 * 100, 1, 20.4),     // 20.349999999999998 in binary
        (20.35, 1, 20.4),
        (1.005, 2, 1.01),            // 1.00499999999999989…
        (2.5, 0, 3.0), (-2.5, 0, -3.0), (0.125, 2, 0.13),
        (20.34, 1, 20.3), (20.3499, 1, 20.3), (203.50000001, 0, 204.0), (1_234_567.5, 0, 1_234_568.0),
        (0, 2, 0), (-0.004, 2, 0),
    ] as [(Double, Int, Double)])
    func roundsTheDecimalHalfAwayFromZero(value: Double, decimals: Int, expected: Double) {
        #expect(ValueParser.rounded(value, decimals: decimals) == expected)
    }

    @Test func aFractionCellAndItsTextGiveTheSameShare() throws {
        let mapping = """
            mapping_version: 1
            partner: cebr
            region: DK01
            locale: es
            tables: [{year: {column: Y}, values: [{header: Share, indicator: cluster_members_sme_pct, percent: fraction}, {header: Typed, indicator: cluster_members_sme_pct, year: 2022}]}]
            """
        let r = try Fixtures.runCSV("Y;Share;Typed\n2023;0,2035;\"20,35 %\"\n", mapping: mapping)
        let values = r.observations.filter { $0.indicator == "cluster_members_sme_pct" }.sorted { $0.year < $1.year }.map(\.value)
        #expect(values == [.number(20.4), .number(20.4)])
    }
}

import Testing
@testable import Harmonisation

@Suite struct LocaleNumberParserTests {
    let es = NumberLocale.named("es")!, fr = NumberLocale.named("fr")!, en = NumberLocale.named("en")!, ch = NumberLocale.named("ch")!

    func read(_ s: String, _ l: NumberLocale) -> LocaleNumberParser.Reading { LocaleNumberParser.read(Substring(s), locale: l) }

    @Test func dotThousandsAreNeverADecimal() {
        #expect(read("1.250.000", es) == .value(1_250_000))
        #expect(read("1.376", es) == .value(1376))
        #expect(read("20.871,4", es) == .value(20871.4))
        #expect(read("139,0", es) == .value(139))
    }

    @Test func spacesNBSPAndNarrowNBSPGroupThousands() {
        #expect(read("1\u{00A0}184", fr) == .value(1184))
        #expect(read("2\u{202F}914", fr) == .value(2914))
        #expect(read("3 912 440,5", fr) == .value(3_912_440.5))
        #expect(read("1 050", en) == .value(1050))
    }

    @Test func decimalPointLocales() {
        #expect(read("1,200", en) == .value(1200))
        #expect(read("1.3", ch) == .value(1.3))
        #expect(read("1'250'000", ch) == .value(1_250_000))
    }

    @Test func theOtherConventionIsReportedNotSilentlyAccepted() {
        // "1.1" cannot be grouped thousands: under a decimal-comma locale it is a decimal point.
        #expect(read("1.1", es) == .otherConvention(1.1))
        #expect(read("1,5", en) == .otherConvention(1.5))
    }

    @Test func automaticLocaleFlagsTwoReadings() {
        #expect(read("1.350", .automatic) == .ambiguous(grouped: 1350, decimal: 1.35))
        #expect(read("1,350", .automatic) == .ambiguous(grouped: 1350, decimal: 1.35))
        #expect(read("1,5", .automatic) == .value(1.5))
        #expect(read("1.250.000", .automatic) == .value(1_250_000))
        #expect(read("1.250,5", .automatic) == .value(1250.5))
        #expect(read("0,350", .automatic) == .value(0.35))
    }

    @Test func malformedGroupingIsInvalid() {
        #expect(read("12.34.5", es) == .invalid)
        #expect(read("1..2", es) == .invalid)
        #expect(read("", es) == .invalid)
        #expect(read("12a", es) == .invalid)
    }

    @Test func signsAndLongNumbers() {
        #expect(read("-12,5", es) == .value(-12.5))
        #expect(read("\u{2212}3", es) == .value(-3))
        #expect(read("123456789012345678901", en) == .value(123456789012345678901))
        #expect(read("0,009", es) == .value(0.009))
    }
}

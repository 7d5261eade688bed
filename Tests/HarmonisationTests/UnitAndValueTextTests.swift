import Testing
@testable import Harmonisation

@Suite struct UnitAndValueTextTests {
    @Test(arguments: [
        ("M€", 1e6, "EUR"), ("k€", 1e3, "EUR"), ("T€", 1e3, "EUR"), ("Mio. €", 1e6, "EUR"), ("хил. лв.", 1e3, "BGN"),
        ("mio. kr.", 1e6, "kr"), ("(kr.)", 1, "kr"), ("MSEK", 1e6, "SEK"), ("mdr", 1e9, nil), ("Mrd.", 1e9, nil),
        ("milliards", 1e9, nil), ("bn", 1e9, nil), ("mln €", 1e6, "EUR"), ("EUR million", 1e6, "EUR"), ("£m", 1e6, "GBP"),
    ] as [(String, Double, String?)])
    func unitsReadAsScaleAndCurrency(_ text: String, _ scale: Double, _ currency: String?) throws {
        let unit = try #require(UnitExpression.parse(text))
        #expect(unit.scale == scale)
        #expect(unit.currency == currency)
    }

    @Test func unitsFoundInLabels() {
        #expect(UnitExpression.find(in: "Wagniskapital (Mio. €)")?.scale == 1e6)
        #expect(UnitExpression.find(in: "Öffentliche Fördermittel (T€)")?.scale == 1e3)
        #expect(UnitExpression.find(in: "Hjemtaget finansiering (kr.)")?.currency == "kr")
        #expect(UnitExpression.find(in: "Personal (VZÄ)") == nil)
        #expect(UnitExpression.find(in: "Mitglieder (31.12.)") == nil)
        // A whole label can be the unit, but a lone letter is a column's name.
        #expect(UnitExpression.find(in: "Tsd.")?.scale == 1e3)
        #expect(UnitExpression.find(in: "k€")?.scale == 1e3)
        #expect(UnitExpression.find(in: "T") == nil)
        #expect(UnitExpression.find(in: "M") == nil)
        #expect(UnitExpression.find(in: "Umsatz (T)")?.scale == 1e3)
        #expect(UnitExpression.parse("nombre")?.isCount == true)
        #expect(UnitExpression.parse("Anzahl der Firmen") == nil)
    }

    func parse(_ s: String) -> ValueText? { ValueText.parse(s, suffixFlags: ValueParser.defaultSuffixes) }

    @Test func freeTextNumbersComeApart() throws {
        let a = try #require(parse("approx. 450"))
        #expect(a.numberText == "450")
        #expect(a.flags.resolved == .estimated)
        #expect(try #require(parse("~ 700")).flags.resolved == .estimated)
        #expect(try #require(parse("1,200+")).numberText == "1,200")
        let r = try #require(parse("40-50"))
        #expect(r.numberText == "40" && r.rangeUpperText == "50")
        let p = try #require(parse("437*"))
        #expect(p.numberText == "437" && p.flags.resolved == .provisional)
        #expect(try #require(parse("66,6\u{00A0}%")).isPercent)
    }

    @Test func currencyAndMagnitudeAroundTheNumber() throws {
        let cases: [(String, Substring, Double, String?)] = [
            ("EUR 612 million", "612", 1e6, "EUR"), ("180 M€", "180", 1e6, "EUR"), ("£420m", "420", 1e6, "GBP"),
            ("CHF 1.3 bn", "1.3", 1e9, "CHF"), ("SEK 2,4 mdr", "2,4", 1e9, "SEK"), ("14 MSEK", "14", 1e6, "SEK"),
            ("1,6 mln €", "1,6", 1e6, "EUR"), ("€ 2,1 M", "2,1", 1e6, "EUR"), ("95.000.000 €", "95.000.000", 1, "EUR"),
        ]
        for (text, number, scale, currency) in cases {
            let v = try #require(parse(text), "\(text)")
            #expect(v.numberText == number, "\(text)")
            #expect(v.unit?.scale == scale, "\(text)")
            #expect(v.unit?.currency == currency, "\(text)")
        }
        #expect(parse("twelve") == nil)
        #expect(parse("12 apples") == nil)
    }

    @Test func labelKeysIgnoreCaseAccentsAndSpaces() {
        #expect(LabelKey("  Biotecnologia ") == LabelKey("BIOTECNOLOGIA"))
        #expect(LabelKey("Périmètre") == LabelKey("perimetre"))
        #expect(LabelKey("Adhérents  /\u{00A0}Total") == LabelKey("adherents / total"))
        #expect(LabelKey("Sjælland") != LabelKey("Sjaelland"))
        #expect(LabelKey("Южен централен") == LabelKey("южен  централен"))
    }

    @Test func homoglyphsAreFoundAndFolded() {
        let latinC = "Cеверен централен"
        #expect(!Homoglyphs.latinLookalikesInCyrillic(latinC).isEmpty)
        #expect(Homoglyphs.foldedToCyrillic(latinC) == "Северен централен")
        #expect(Homoglyphs.describe(latinC).contains("U+0043"))
        #expect(Homoglyphs.latinLookalikesInCyrillic("Yugoiztochen").isEmpty)
    }

    @Test func textDatesDayFirstAndISO() {
        #expect(TextDate.parse("15/03/2024")?.isoDate == "2024-03-15")
        #expect(TextDate.parse("31.12.2023 г.")?.isoDate == "2023-12-31")
        #expect(TextDate.parse("31-12-2023")?.isoDate == "2023-12-31")
        #expect(TextDate.parse("2023-05-12 14:32:10")?.hour == 14)
        #expect(TextDate.parse("31/13/2023") == nil)
    }

    @Test func booleansInSixLanguages() {
        for yes in ["yes", "Oui", "ja", "sí", "да", "X"] { #expect(BooleanWords.value(of: yes) == true, "\(yes)") }
        for no in ["no", "non", "nein", "Nej", "не"] { #expect(BooleanWords.value(of: no) == false, "\(no)") }
        #expect(BooleanWords.value(of: "maybe") == nil)
    }

    @Test func statusPrecedence() {
        var f = StatusFlags()
        f.add(.provisional); f.add(.estimated)
        #expect(f.resolved == .estimated)
        f.add(.missing)
        #expect(f.resolved == .missing)
        f.add(.confidential)
        #expect(f.resolved == .confidential)
        #expect(ObservationStatus.allCases.sorted().map(\.rawValue) == ["A", "B", "P", "E", "N", "M", "C"])
    }
}

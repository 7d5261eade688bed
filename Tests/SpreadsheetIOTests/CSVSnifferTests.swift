import Testing
@testable import SpreadsheetIO

@Suite struct CSVSnifferTests {
    typealias S = CSVTestSupport

    private func sniff(_ text: String, isComplete: Bool = true) -> CSVSniffer.Result {
        CSVSniffer.sniff(Array(text.utf8), isComplete: isComplete)
    }

    @Test func sniffsEachDelimiter() {
        let comma = sniff("company,country,employees\nGenfit,FR,160\nGenmab,DK,2204\n")
        #expect(comma.dialect == .comma)
        #expect(comma.confidence == 1)
        #expect(sniff("Société;Effectif;CA (k€)\nGenfit;160;28 597\nCellectis;231;NC\n").dialect == .semicolon)
        #expect(sniff("Virksomhed\tBy\tAnsatte\nGenmab\tKøbenhavn\t2204\n").dialect == .tab)
        #expect(sniff("Virksomhed|Kommune|Ansatte\nLEO Pharma A/S|Ballerup|5500\n").dialect == .pipe)
    }

    @Test(arguments: [
        ("utf8-comma-companies.csv", CSVDialect.comma),
        ("utf8-bom-quoted-survey.csv", .comma),
        ("cp1252-semicolon-french.csv", .semicolon),
        ("cp1252-pipe-danish.csv", .pipe),
        ("iso8859-1-comma-german.csv", .comma),
        ("cp1251-semicolon-bulgarian.csv", .semicolon),
        ("iso8859-2-czech.csv", .semicolon),
        ("iso8859-2-polish.csv", .semicolon),
        ("iso8859-15-euro.csv", .semicolon),
        ("cr-only-classic-mac.csv", .semicolon),
        ("mixed-line-endings.csv", .comma),
        ("title-rows-semicolon.csv", .semicolon),
        ("decimal-comma-numbers.csv", .semicolon),
        ("utf16le-bom-tab.csv", .tab),
        ("utf16be-bom-semicolon-german.csv", .semicolon),
    ])
    func readerSniffsFixtureDialects(name: String, expected: CSVDialect) throws {
        let reader = try S.reader(name)
        #expect(reader.dialect == expected, "\(name)")
        #expect(reader.dialectConfidence > 0.5, "\(name)")
    }

    @Test func delimitersInsideQuotesDoNotCount() {
        // Every line has more commas than semicolons, but all of them are quoted.
        let text = """
        "Structure, ville";"Commentaire, libre";Effectif
        "Institut Pasteur, Paris";"Très bien, merci, vraiment";2900
        "Genopole, Évry";"Bien, sans plus";NC

        """
        #expect(sniff(text).dialect == .semicolon)
        // Quoted line breaks do not split records either.
        #expect(sniff("a;\"b\nc,d,e\";f\ng;h;i\n").dialect == .semicolon)
    }

    @Test func decimalCommasDoNotFoolTheSniffer() {
        let text = "Indicateur;Valeur;Part\nEmplois;12,5;0,3\nBrevets;4;1,25\nLevées;310,5;12\n"
        let result = sniff(text)
        #expect(result.dialect == .semicolon)
        #expect(result.confidence > 0.5)
    }

    @Test func titleLinesAboveTheHeaderAreTolerated() throws {
        let bytes = try S.fixtureBytes("title-rows-semicolon.csv")
        let result = CSVSniffer.sniff(bytes)
        #expect(result.dialect == .semicolon)
        // Five of six non-blank lines agree.
        #expect(result.confidence > 0.8 && result.confidence < 1)
    }

    @Test func ties() {
        // Both split every line consistently: more columns win.
        #expect(sniff("a,b;c,d\ne,f;g,h\n").dialect == .comma)
        #expect(sniff("a;b;c,d\ne;f;g,h\n").dialect == .semicolon)
    }

    @Test func oneColumnFallsBackToCommaWithNoConfidence() {
        let result = sniff("Nom\nGenfit\nCellectis\n")
        #expect(result.dialect == .comma)
        #expect(result.confidence == 0)
        #expect(CSVSniffer.sniff([]).confidence == 0)
    }

    @Test func incompleteSampleIgnoresItsCutLastRecord() {
        // The last line is cut after "Genmab"; counted, it would make comma less consistent.
        let text = "a,b,c\n1,2,3\n4,5,6\nGenmab"
        #expect(sniff(text, isComplete: false).confidence == 1)
        #expect(sniff(text, isComplete: true).confidence < 1)
    }

    @Test func dialectDescriptionsAndValidation() {
        #expect(CSVDialect.semicolon.description == "delimiter ';', quote '\"'")
        #expect(CSVDialect(delimiter: UInt8(ascii: "\t"), quoting: .none).description == "delimiter tab, no quoting")
        #expect(CSVDialect(delimiter: ";", quote: nil) == CSVDialect(delimiter: UInt8(ascii: ";"), quoting: .none))
        #expect(CSVDialect(delimiter: "\n") == nil)
        #expect(CSVDialect(delimiter: "€") == nil)
        #expect(CSVDialect(delimiter: "\"", quote: "\"") == nil)
        #expect(CSVDialect(delimiter: ",", quote: "'")?.quote == UInt8(ascii: "'"))
    }
}

import Testing
@testable import SpreadsheetIO

@Suite struct TextNormalizationTests {
    @Test func decodesXEscapes() {
        #expect(TextNormalization.decodeXEscapes("ABC_x000D_\nDEF") == "ABC\r\nDEF")
        #expect(TextNormalization.decodeXEscapes("_x005F_x0041_") == "_x0041_")
        #expect(TextNormalization.decodeXEscapes("a_x0009_b") == "a\tb")
        #expect(TextNormalization.decodeXEscapes("_xD83D__xDE00_") == "😀")
        #expect(TextNormalization.decodeXEscapes("price_x_2023") == "price_x_2023")
        #expect(TextNormalization.decodeXEscapes("_xZZZZ_") == "_xZZZZ_")
        #expect(TextNormalization.decodeXEscapes("_xD83D_ alone") == "_xD83D_ alone")
    }

    @Test func normalisesToNFC() {
        let decomposed = "Re\u{0301}gion Île-de-France"       // e + combining acute
        let normalized = TextNormalization.normalize(decomposed)
        #expect(Array(normalized.unicodeScalars).map(\.value) == Array("Région Île-de-France".unicodeScalars).map(\.value))
        #expect(TextNormalization.normalize("Ångström \u{212B}").unicodeScalars.last?.value == 0xC5)
        // Already NFC text is returned as is (the fast path), Cyrillic and Danish included.
        for s in ["Показатели 2023", "Københavns Universitet", "Straße", "Catalunya — Biocat"] {
            #expect(TextNormalization.normalize(s) == s)
        }
    }

    @Test func jsonEscapesControlCharacters() {
        #expect(JSONText.string("a\"b\\c\n\u{0}") == #""a\"b\\c\n\u0000""#)
        #expect(JSONText.string("Показатели") == "\"Показатели\"")
    }
}

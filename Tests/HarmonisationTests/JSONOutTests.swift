import Testing
import SpreadsheetIO
@testable import Harmonisation

@Suite struct JSONOutTests {
    /// The run-copying string writer must write exactly what the byte-by-byte one writes.
    @Test(arguments: ["", "plain", "Région", "R&D entreprises (% PIB)", "say \"hi\"", "a\\b", "line\nbreak\r\ttab",
                      "\u{1}\u{1F}x", "\"", "\\", "\n", "хил. лв.", "mixed \u{7}€\"\\end", String(repeating: "é\"", count: 300)])
    func stringsEscapedLikeJSONText(_ text: String) {
        var fast: [UInt8] = [], reference: [UInt8] = []
        JSONOut.appendString(text, to: &fast)
        JSONText.appendString(text, to: &reference)
        #expect(fast == reference)
    }

    /// Observations written straight into one builder get the separators a fresh builder gives.
    @Test func valuesAfterRawSeparatorsStartWithoutComma() {
        var out = JSONOut()
        for i in 0..<3 {
            if i > 0 { out.raw(",\n") }
            out.startValue()
            out.beginObject(); out.int("i", i); out.string("s", "x"); out.endObject()
        }
        #expect(String(decoding: out.bytes, as: UTF8.self) == "{\"i\":0,\"s\":\"x\"},\n{\"i\":1,\"s\":\"x\"},\n{\"i\":2,\"s\":\"x\"}")
    }
}

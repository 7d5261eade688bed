import Testing
import SpreadsheetIO
@testable import Harmonisation

@Suite struct JSONOutTests {
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

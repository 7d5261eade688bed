import Foundation
import Testing
@testable import SpreadsheetIO

@Suite struct DecimalParserTests {
    func parse(_ s: String) -> Double? {
        Array(s.utf8).withUnsafeBufferPointer(DecimalParser.parse)
    }

    @Test(arguments: ["0", "1", "-3.5", "0.1", "0.3", "0.30000000000000004", "1250000", "123456789012345678",
                      "1.7976931348623157E+308", "4.9406564584124654E-324", "2.2250738585072014E-308",
                      "9007199254740993", "0.000001234", "1e22", "1E-7", "+42", "45351.572916666664",
                      "3.14159265358979323846264338327950288"])
    func agreesWithStrtodBitForBit(_ text: String) {
        #expect(parse(text)?.bitPattern == strtod(text, nil).bitPattern, "\(text)")
    }

    @Test func shortestTextRoundTrips() {
        #expect(JSONText.number(parse("0.3")!) == "0.3")
        #expect(JSONText.number(parse("0.30000000000000004")!) == "0.30000000000000004")
        #expect(JSONText.number(parse("1250000")!) == "1250000")
        #expect(JSONText.number(parse("-0.1")!) == "-0.1")
    }

    @Test(arguments: ["", " ", "abc", "1,5", "1.2.3", "inf", "nan", "0x1A", "--1", "1e", "."])
    func rejectsWhatIsNotADecimal(_ text: String) {
        #expect(parse(text) == nil, "\(text)")
    }

    @Test func toleratesSurroundingWhitespace() {
        #expect(parse(" 12.5\n") == 12.5)
    }
}

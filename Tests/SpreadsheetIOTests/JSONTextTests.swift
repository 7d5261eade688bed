import Foundation
import Testing
import SpreadsheetIO

@Suite struct JSONTextTests {
    /// The byte-by-byte escaper JSONText replaced (RFC 8259: quote, backslash, \n \r \t, other
    /// controls as \u00XX, everything else as UTF-8): the run-copying one must write exactly this.
    static func reference(_ s: String) -> [UInt8] {
        var out: [UInt8] = [0x22]
        for b in s.utf8 {
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0..<0x20: out += Array(String(format: "\\u%04x", b).utf8)
            default: out.append(b)
            }
        }
        return out + [0x22]
    }

    @Test(arguments: ["", "plain", "Région", "R&D entreprises (% PIB)", "say \"hi\"", "a\\b", "line\nbreak\r\ttab",
                      "\u{1}\u{1F}x", "\"", "\\", "\n", "хил. лв.", "mixed \u{7}€\"\\end", String(repeating: "é\"", count: 300)])
    func stringsAreEscapedByRFC8259AndReadBack(_ text: String) throws {
        var out: [UInt8] = []
        JSONText.appendString(text, to: &out)
        #expect(out == Self.reference(text))
        let back = try JSONSerialization.jsonObject(with: Data(out), options: .fragmentsAllowed) as? String
        #expect(back == text)
    }
}

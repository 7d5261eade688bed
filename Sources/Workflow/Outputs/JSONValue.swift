import SpreadsheetIO

/// A JSON document as the outputs build it: keys keep the order they are written in (so files
/// read top-down: format, versions, then data), rendering is deterministic.
public indirect enum JSONValue: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered(compactBelow: 0) == b.rendered(compactBelow: 0) }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered(compactBelow: 0)) }

    static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
    static func optional(_ i: Int64?) -> JSONValue { i.map { .number(Double($0)) } ?? .null }
    static func int(_ i: Int) -> JSONValue { .number(Double(i)) }
    static func int(_ i: Int64) -> JSONValue { .number(Double(i)) }

    static func value(_ v: ObservationValue?) -> JSONValue {
        switch v {
        case nil: return .null
        case .number(let d)?: return .number(d)
        case .boolean(let b)?: return .bool(b)
        case .text(let s)?: return .string(s)
        }
    }

    /// Pretty-printed down to `compactBelow` levels of nesting; deeper values on one line each
    /// (one observation per line keeps large files readable and diffable).
    public func rendered(compactBelow depth: Int = 3) -> [UInt8] {
        var out: [UInt8] = []
        render(into: &out, level: 0, compactBelow: depth)
        out.append(0x0A)
        return out
    }

    private static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        if value == 0 { out.append(0x30); return }
        var v = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            while v > 0 { buf[n] = UInt8(48 + v % 10); v /= 10; n += 1 }
            if value < 0 { out.append(0x2D) }
            for i in stride(from: n - 1, through: 0, by: -1) { out.append(buf[i]) }
        }
    }

    private func render(into out: inout [UInt8], level: Int, compactBelow: Int) {
        let pretty = level < compactBelow
        func newline(_ l: Int) {
            if pretty {
                out.append(0x0A)
                out.append(contentsOf: repeatElement(0x20, count: 2 * l))
            }
        }
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let d):
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 {
                Self.appendInteger(Int64(d), to: &out)
            } else {
                out.append(contentsOf: JSONText.number(d).utf8)
            }
        case .string(let s): JSONText.appendString(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")); if !pretty { out.append(0x20) } }
                newline(level + 1)
                item.render(into: &out, level: level + 1, compactBelow: compactBelow)
            }
            if !items.isEmpty { newline(level) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")); if !pretty { out.append(0x20) } }
                newline(level + 1)
                JSONText.appendString(key, to: &out)
                out.append(contentsOf: [UInt8(ascii: ":"), 0x20])
                value.render(into: &out, level: level + 1, compactBelow: compactBelow)
            }
            if !members.isEmpty { newline(level) }
            out.append(UInt8(ascii: "}"))
        }
    }
}

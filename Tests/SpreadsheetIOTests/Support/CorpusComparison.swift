import Foundation

/// The rules of `shared/corpus/compare.py`, in Swift, so `swift test` checks the corpus
/// without a Python step: rows from A1, trailing nulls/empty rows ignored, "" equals null,
/// numbers within a relative 1e-9, `T00:00:00` equals a bare date, `accept` alternatives pass.
enum CorpusComparison {
    static func canonical(_ v: JSONValue) -> JSONValue {
        switch v {
        case .string(""): return .null
        case .string(let s):
            if let r = s.range(of: #"^(\d{4}-\d\d-\d\d)T00:00:00(\.0+)?Z?$"#, options: .regularExpression) {
                return .string(String(s[r].prefix(10)))
            }
            if let r = s.range(of: #"^.*\d\d:\d\d:\d\d\.0+$"#, options: .regularExpression), r.lowerBound == s.startIndex {
                return .string(String(s[..<s.lastIndex(of: ".")!]))
            }
            return v
        default: return v
        }
    }

    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        let a = canonical(a), b = canonical(b)
        switch (a, b) {
        case (.number(let x), .number(let y)):
            return x == y || abs(x - y) <= max(1e-9 * max(abs(x), abs(y)), 1e-12)
        case (.object(let x), .object(let y)):
            if let dx = x["duration_s"], let dy = y["duration_s"] { return equal(dx, dy) }
            return a == b
        default:
            return a == b
        }
    }

    static func normalisedRows(_ rows: JSONValue?) -> [[JSONValue]] {
        var out: [[JSONValue]] = (rows?.array ?? []).map { row in
            var r = (row.array ?? []).map { canonical($0) == .null ? JSONValue.null : $0 }
            while r.last == .null { r.removeLast() }
            return r
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out
    }

    static func columnName(_ c: Int) -> String { SpreadsheetIOTestColumn.letters(c + 1) }

    /// nil when equal, else the first difference, as compare.py words it.
    static func difference(expected: JSONValue, got: JSONValue) -> String? {
        var accept: [String: [JSONValue]] = [:]
        for d in expected["disagreements"]?.array ?? [] {
            if let alts = d["accept"]?.array, let sheet = d["sheet"]?.string, let cell = d["cell"]?.string {
                accept[sheet + "!" + cell] = alts
            }
        }
        let es = expected["sheets"]?.array ?? []
        guard let gs = got["sheets"]?.array else { return "dump has no 'sheets' list: \(got)" }
        let en = es.map { $0["name"]?.string ?? "" }, gn = gs.map { $0["name"]?.string ?? "" }
        guard en == gn else { return "sheet names differ: expected \(en), got \(gn)" }
        for (e, g) in zip(es, gs) {
            let ev = e["visible"].map { $0 == .bool(true) } ?? true
            let gv = g["visible"].map { $0 == .bool(true) } ?? true
            guard ev == gv else { return "sheet \(en) visible: expected \(ev), got \(gv)" }
            let er = normalisedRows(e["rows"]), gr = normalisedRows(g["rows"])
            for r in 0..<max(er.count, gr.count) {
                let a = r < er.count ? er[r] : [], b = r < gr.count ? gr[r] : []
                for c in 0..<max(a.count, b.count) {
                    let x = c < a.count ? a[c] : .null, y = c < b.count ? b[c] : .null
                    if equal(x, y) { continue }
                    let ref = columnName(c) + String(r + 1)
                    let name = e["name"]?.string ?? ""
                    if let alts = accept[name + "!" + ref], alts.contains(where: { equal($0, y) }) { continue }
                    return "\(name)!\(ref): expected \(x), got \(y)"
                }
            }
        }
        return nil
    }
}

enum SpreadsheetIOTestColumn {
    static func letters(_ column: Int) -> String {
        var n = column, s = ""
        while n > 0 { s = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + s; n = (n - 1) / 26 }
        return s
    }
}

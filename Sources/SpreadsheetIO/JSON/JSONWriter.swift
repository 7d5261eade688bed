/// Writes one JSON document as it goes (no tree in memory): UTF-8, keys in the order written
/// (callers write them in a fixed order, so output is stable), numbers in shortest round-trip form.
///
/// ```swift
/// let json = try JSONWriter(path: "out.json")
/// try json.beginObject(); try json.key("rows"); try json.beginArray()
/// try json.value(.number(0.3)); try json.endArray(); try json.endObject()
/// try json.close()
/// ```
/// Written atomically: nothing appears at `path` until `close()`.
public final class JSONWriter {
    private let file: AtomicOutputFile?
    private let out: OutputBuffer
    /// One entry per open container: whether it already has a member (a comma is due).
    private var stack: [Bool] = []
    private var afterKey = false
    private var scratch: [UInt8] = []
    private var closed = false
    let displayName: String

    public init(path: String, displayName: String? = nil) throws {
        let file = try AtomicOutputFile(path: path, displayName: displayName)
        self.file = file
        self.displayName = file.displayName
        out = OutputBuffer(sink: file)
    }

    init(sink: ByteSink, displayName: String) {
        file = nil
        self.displayName = displayName
        out = OutputBuffer(sink: sink)
    }

    private func separate() throws {
        if afterKey { afterKey = false; return }
        if let last = stack.last {
            if last { try out.append(UInt8(ascii: ",")) }
            stack[stack.count - 1] = true
        }
    }

    public func beginObject() throws { try separate(); try out.append(UInt8(ascii: "{")); stack.append(false) }
    public func endObject() throws { stack.removeLast(); try out.append(UInt8(ascii: "}")) }
    public func beginArray() throws { try separate(); try out.append(UInt8(ascii: "[")); stack.append(false) }
    public func endArray() throws { stack.removeLast(); try out.append(UInt8(ascii: "]")) }

    public func key(_ name: String) throws {
        try separate()
        try appendString(name)
        try out.append(UInt8(ascii: ":"))
        afterKey = true
    }

    public func string(_ s: String) throws { try separate(); try appendString(s) }
    public func bool(_ b: Bool) throws { try separate(); try out.append(b ? "true" : "false") }
    public func null() throws { try separate(); try out.append("null") }

    /// A finite number; NaN and infinity have no JSON form and are refused.
    public func number(_ d: Double) throws {
        guard d.isFinite else {
            throw SpreadsheetError(.nonFiniteNumber, file: displayName, reason: "\(d) has no JSON form")
        }
        try separate()
        if d == d.rounded(.towardZero), abs(d) < 9.007_199_254_740_992e15 { try out.append(integer: Int64(d)) } else { try out.appendRaw(d.description) }
    }

    /// A cell in innaxe's JSON typing (the same as `innaxe dump`): numbers, strings, booleans,
    /// null, ISO 8601 dates, `{"error":"#N/A"}`, `{"duration_s":n}`.
    public func value(_ v: CellValue) throws {
        switch v {
        case .empty: try null()
        case .string(let s): try string(s)
        case .number(let d): try number(d)
        case .boolean(let b): try bool(b)
        case .dateTime(let d): try string(d.description)
        case .timeOfDay(let t): try string(t.isoTime)
        case .error(let e):
            try beginObject(); try key("error"); try string(e.code); try endObject()
        case .duration(let s):
            try beginObject(); try key("duration_s"); try number(s); try endObject()
        }
    }

    /// Ends a line (JSON Lines) outside any container.
    func newline() throws { try out.append(UInt8(ascii: "\n")) }

    private func appendString(_ s: String) throws {
        scratch.removeAll(keepingCapacity: true)
        JSONText.appendString(s, to: &scratch)
        try out.append(scratch)
    }

    public func close() throws {
        guard !closed else { return }
        closed = true
        guard stack.isEmpty else {
            throw SpreadsheetError(.invalidWrite, file: displayName, reason: "the JSON document has \(stack.count) unclosed container(s)")
        }
        try out.flush()
        try file?.commit()
    }
}

/// JSON Lines (one JSON value per line, `\n`-terminated): for outputs too large to load whole,
/// processed line by line by `jq`, pandas or any log tool.
public final class JSONLinesWriter {
    private let json: JSONWriter

    public init(path: String, displayName: String? = nil) throws {
        json = try JSONWriter(path: path, displayName: displayName)
    }

    /// One object per line, keys in the order given.
    public func writeRecord(_ members: [(key: String, value: CellValue)]) throws {
        try json.beginObject()
        for m in members { try json.key(m.key); try json.value(m.value) }
        try json.endObject()
        try json.newline()
    }

    /// Any value as a line, written through the JSON writer (`body` must write exactly one value).
    public func writeLine(_ body: (JSONWriter) throws -> Void) throws {
        try body(json)
        try json.newline()
    }

    public func close() throws { try json.close() }
}

/// Findings and finding groups as JSON objects (the shape docs/validation-report.schema.json
/// documents).
enum FindingJSON {
    static func write(_ f: Finding, into out: inout JSONOut) {
        out.beginObject()
        out.string("code", f.code.rawValue)
        out.string("severity", f.severity.rawValue)
        out.string("file", f.location.file)
        out.optionalString("sheet", f.location.sheet)
        out.optionalString("cell", f.location.cell?.description)
        if let r = f.location.row { out.int("row", r) }
        out.optionalString("column_header", f.location.columnHeader)
        out.string("where", f.location.description)
        out.string("message", f.message)
        out.optionalString("raw", f.raw)
        out.optionalString("expected", f.expected)
        out.optionalString("hint", f.hint)
        out.optionalString("indicator", f.indicator)
        if f.occurrences > 1 { out.int("occurrences", f.occurrences) }
        out.endObject()
    }

    static func write(_ g: FindingGroup, into out: inout JSONOut) {
        out.beginObject()
        out.string("code", g.code.rawValue)
        out.string("severity", g.severity.rawValue)
        out.string("title", g.code.title)
        out.string("file", g.file)
        out.optionalString("sheet", g.sheet)
        out.optionalString("column", g.column)
        out.int("count", g.count)
        out.optionalString("hint", g.hint)
        out.beginArray("examples")
        for f in g.examples { write(f, into: &out) }
        out.endArray()
        out.endObject()
    }
}

/// A small helper for writing the package's fixed-shape parts: elements, attributes, text.
/// The hot worksheet path does not use it; it writes bytes directly.
struct XMLPartWriter {
    let out: OutputBuffer

    init(_ out: OutputBuffer) { self.out = out }

    static let declaration: StaticString = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    func declaration() throws { try out.append(Self.declaration) }

    func raw(_ s: StaticString) throws { try out.append(s) }

    /// `<name a="v" ...` (left open unless `close` is given).
    func open(_ name: String, _ attributes: [(String, String)] = [], selfClosing: Bool = false) throws {
        try out.append(UInt8(ascii: "<"))
        try out.appendRaw(name)
        for (key, value) in attributes {
            try out.append(UInt8(ascii: " "))
            try out.appendRaw(key)
            try out.append("=\"")
            try XMLEscaping.appendAttribute(value, to: out)
            try out.append(UInt8(ascii: "\""))
        }
        try out.append(selfClosing ? "/>" : ">")
    }

    func empty(_ name: String, _ attributes: [(String, String)] = []) throws {
        try open(name, attributes, selfClosing: true)
    }

    func close(_ name: String) throws {
        try out.append("</")
        try out.appendRaw(name)
        try out.append(UInt8(ascii: ">"))
    }

    /// `<name>text</name>` with attribute-style escaping (properties, authors, formulas).
    func element(_ name: String, _ attributes: [(String, String)] = [], text: String) throws {
        try open(name, attributes)
        try XMLEscaping.appendAttribute(text, to: out)
        try close(name)
    }

    /// `<t>` holding cell text, with `xml:space="preserve"` when whitespace at an end must survive.
    func cellText(_ text: String) throws {
        try out.append(XMLEscaping.needsPreserve(text) ? "<t xml:space=\"preserve\">" : "<t>")
        try XMLEscaping.appendCellText(text, to: out)
        try out.append("</t>")
    }
}

/// Namespaces and relationship types of the parts the writer produces (ECMA-376 Part 1, 2).
enum OOXML {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types"

    static let officeDocumentRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    static let corePropertiesRelationship = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
    static let extendedPropertiesRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
    static let worksheetRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
    static let stylesRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
    static let sharedStringsRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    static let commentsRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
    static let vmlDrawingRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing"
}

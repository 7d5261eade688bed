/// One OPC relationship (`_rels/*.rels`): an id, a type, and the part it targets.
struct Relationship: Hashable {
    let id: String
    /// The last path segment of the type URI (`worksheet`, `sharedStrings`, `officeDocument`),
    /// which is the same in transitional and strict OOXML.
    let kind: String
    /// The resolved part name, without a leading `/`.
    let target: String
    let isExternal: Bool
}

/// Reads a `.rels` part and resolves targets against the source part's folder.
final class RelationshipsHandler: XMLEventHandler {
    private let baseFolder: String
    private(set) var relationships: [Relationship] = []

    init(sourcePart: String) {
        // The source of `xl/_rels/workbook.xml.rels` is `xl/workbook.xml`: targets are relative to `xl/`.
        baseFolder = PartName.folder(of: sourcePart)
    }

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        guard name.is("Relationship"),
              let id = attributes.string("Id"), let type = attributes.string("Type"),
              let target = attributes.string("Target") else { return }
        let external = attributes.string("TargetMode") == "External"
        let kind = String(type.split(separator: "/").last ?? "")
        relationships.append(Relationship(id: id, kind: kind, target: external ? target : PartName.resolve(target, against: baseFolder),
                                          isExternal: external))
    }

    /// The rels part of a source part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func relsPart(for sourcePart: String) -> String {
        let folder = PartName.folder(of: sourcePart)
        let name = sourcePart.split(separator: "/").last.map(String.init) ?? sourcePart
        return (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
    }
}

/// Part-name arithmetic (OPC part names are URIs: `/`-separated, percent-encoded).
enum PartName {
    static func folder(of part: String) -> String {
        var segments = part.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.isEmpty else { return "" }
        segments.removeLast()
        return segments.joined(separator: "/")
    }

    /// Resolves `../x.xml`, `worksheets/sheet1.xml`, `/xl/x.xml`, `xl\\x.xml` into a part name.
    static func resolve(_ target: String, against folder: String) -> String {
        let cleaned = percentDecoded(target.replacingBackslashes())
        var segments: [Substring] = cleaned.hasPrefix("/") ? [] : folder.split(separator: "/")
        for segment in cleaned.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { if !segments.isEmpty { segments.removeLast() }; continue }
            segments.append(segment)
        }
        return segments.joined(separator: "/")
    }

    static func percentDecoded(_ s: String) -> String {
        guard s.contains("%") else { return s }
        var bytes: [UInt8] = []
        var it = Array(s.utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "%"), it.count >= 2, let h = hexValue(it[it.startIndex]), let l = hexValue(it[it.startIndex + 1]) {
                bytes.append(h << 4 | l)
                it.removeFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: return b - 48
        case 65...70: return b - 55
        case 97...102: return b - 87
        default: return nil
        }
    }
}

extension String {
    func replacingBackslashes() -> String {
        contains("\\") ? String(map { $0 == "\\" ? "/" : $0 }) : self
    }
}

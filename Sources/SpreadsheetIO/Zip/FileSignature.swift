import Foundation

/// What a file's leading bytes say it is, before any parser is trusted with it.
enum FileSignature: Equatable {
    case zip
    /// An OLE compound file holding an encrypted OOXML package (`EncryptedPackage` stream).
    case encryptedOOXML
    /// An OLE compound file holding a legacy BIFF workbook (`Workbook` / `Book` stream).
    case legacyXLS
    /// Some other OLE compound file (a Word document, an `.msg`...).
    case otherOLE
    case empty
    /// Anything else; `looksLikeText` tells a CSV or HTML export apart from binary noise.
    case unknown(looksLikeText: Bool, looksLikeHTML: Bool)

    static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    static func detect(path: String) throws -> FileSignature {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        defer { try? handle.close() }
        let head = [UInt8](handle.readData(ofLength: 512))
        if head.isEmpty { return .empty }
        if head.count >= 4, head[0] == 0x50, head[1] == 0x4B, [3, 5, 7].contains(head[2]) { return .zip }
        if head.count >= 8, Array(head[0..<8]) == oleMagic {
            return classifyOLE(handle: handle)
        }
        let text = head.allSatisfy { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 >= 0x80 }
        let lower = String(decoding: head.prefix(256), as: UTF8.self).lowercased()
        let html = lower.contains("<html") || lower.contains("<!doctype html") || lower.contains("<table")
        return .unknown(looksLikeText: text, looksLikeHTML: html)
    }

    /// Looks for the stream names of the compound file's directory (UTF-16LE, as CFB stores them).
    /// A full CFB parse is not needed to tell these cases apart, and a name search cannot loop.
    private static func classifyOLE(handle: FileHandle) -> FileSignature {
        try? handle.seek(toOffset: 0)
        let limit = 64 << 20
        let data = [UInt8](handle.readData(ofLength: limit))
        func has(_ name: String) -> Bool {
            let needle = Array(name.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            return search(needle, in: data)
        }
        if has("EncryptedPackage") || has("EncryptionInfo") { return .encryptedOOXML }
        if has("Workbook") || has("Book") { return .legacyXLS }
        return .otherOLE
    }

    private static func search(_ needle: [UInt8], in hay: [UInt8]) -> Bool {
        guard needle.count <= hay.count, let first = needle.first else { return false }
        var i = 0
        let end = hay.count - needle.count
        while i <= end {
            if hay[i] == first, Array(hay[i..<(i + needle.count)]) == needle { return true }
            i += 1
        }
        return false
    }
}

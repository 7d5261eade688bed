internal import CLibXML2

/// A libxml2 SAX2 push parser fed in chunks, so a part is parsed as it is inflated and never
/// held whole. Hardened for untrusted input: no network, no DTD (a document that declares one
/// is refused before any entity is declared or expanded), errors captured instead of printed.
final class XMLStreamParser {
    private let context: xmlParserCtxtPtr
    private let handler: XMLEventHandler
    private let file: String
    private let part: String

    init(handler: XMLEventHandler, file: String, part: String) {
        self.handler = handler
        self.file = file
        self.part = part
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        // The handler is the callbacks' userData. `_withUnsafeGuaranteedRef` reaches it without a
        // retain/release pair per event: the parser holds it for as long as libxml2 can call back.
        sax.startElementNs = { ctx, localname, _, _, _, _, count, _, attributes in
            Unmanaged<XMLEventHandler>.fromOpaque(ctx!)._withUnsafeGuaranteedRef {
                $0.startElement(XMLName(pointer: localname!), XMLAttributes(base: attributes, count: Int(count)))
            }
        }
        sax.endElementNs = { ctx, localname, _, _ in
            Unmanaged<XMLEventHandler>.fromOpaque(ctx!)._withUnsafeGuaranteedRef { $0.endElement(XMLName(pointer: localname!)) }
        }
        let text: charactersSAXFunc = { ctx, ch, len in
            Unmanaged<XMLEventHandler>.fromOpaque(ctx!)._withUnsafeGuaranteedRef {
                $0.characters(UnsafeBufferPointer(start: ch, count: Int(len)))
            }
        }
        sax.characters = text
        sax.cdataBlock = text
        sax.ignorableWhitespace = text
        sax.internalSubset = { ctx, _, _, _ in
            Unmanaged<XMLEventHandler>.fromOpaque(ctx!)._withUnsafeGuaranteedRef {
                $0.sawDoctype = true
                $0.stopParser?()
            }
        }
        sax.serror = { ctx, error in
            guard let ctx, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            Unmanaged<XMLEventHandler>.fromOpaque(ctx)._withUnsafeGuaranteedRef { handler in
                guard handler.syntaxError == nil else { return }
                var message = error.pointee.message.map { String(cString: $0) } ?? "XML error"
                while message.last == "\n" { message.removeLast() }
                handler.syntaxError = (message, Int(error.pointee.line), Int(error.pointee.int2))
            }
        }
        context = xmlCreatePushParserCtxt(&sax, Unmanaged.passUnretained(handler).toOpaque(), nil, 0, part)
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
        let context = self.context
        handler.stopParser = { xmlStopParser(context) }
    }

    deinit {
        handler.stopParser = nil
        xmlFreeParserCtxt(context)
    }

    /// Parses the next chunk. Throws on the first syntax error, refused DTD or handler failure.
    func feed(_ bytes: UnsafeRawBufferPointer) throws {
        let code = xmlParseChunk(context, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), 0)
        try check(code)
    }

    /// Signals the end of the document (reports truncated documents).
    func finish() throws {
        let code = xmlParseChunk(context, nil, 0, 1)
        try check(code)
    }

    private func check(_ code: Int32) throws {
        if handler.sawDoctype {
            throw SpreadsheetError(.xmlEntity, file: file, part: part, line: Int(xmlSAX2GetLineNumber(context)),
                                   reason: "the XML declares a DTD (<!DOCTYPE>); DTDs and entities are refused, never expanded or fetched")
        }
        if var failure = handler.failure {
            // A handler knows the element it rejected; the parser knows where that element is.
            if failure.cell == nil, failure.line == nil { failure.line = Int(xmlSAX2GetLineNumber(context)) }
            throw failure
        }
        guard code != 0 else { return }
        if let e = handler.syntaxError {
            throw SpreadsheetError(.malformed, file: file, part: part, line: e.line, column: e.column,
                                   reason: "malformed XML: \(e.message)")
        }
        throw SpreadsheetError(.malformed, file: file, part: part, reason: "malformed XML (libxml2 error \(code))")
    }

    /// Parses a whole entry in 64 KiB chunks.
    static func parse(_ entry: ZipEntryReader, with handler: XMLEventHandler, file: String) throws {
        let parser = XMLStreamParser(handler: handler, file: file, part: entry.name)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let n = try entry.read(into: buffer)
            if n == 0 { try parser.finish(); return }
            try parser.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
    }
}

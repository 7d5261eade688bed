internal import CLibXML2

/// A libxml2 SAX2 push parser fed in chunks, so a part is parsed as it is inflated and never
/// held whole. Hardened for untrusted input: no network, no DTD (a document that declares one
/// is refused before any entity is declared or expanded), errors captured instead of printed.
final class XMLStreamParser {
    private let context: xmlParserCtxtPtr
    private let handler: XMLEventHandler
    private let file: String
    private let part: String
    private var syntaxError: (message: String, line: Int, column: Int)?

    init(handler: XMLEventHandler, file: String, part: String) {
        self.handler = handler
        self.file = file
        self.part = part
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { ctx, localname, _, _, _, _, count, _, attributes in
            let h = Unmanaged<Box>.fromOpaque(ctx!).takeUnretainedValue().handler
            h.startElement(XMLName(pointer: localname!), XMLAttributes(base: attributes, count: Int(count)))
        }
        sax.endElementNs = { ctx, localname, _, _ in
            let h = Unmanaged<Box>.fromOpaque(ctx!).takeUnretainedValue().handler
            h.endElement(XMLName(pointer: localname!))
        }
        let text: charactersSAXFunc = { ctx, ch, len in
            let h = Unmanaged<Box>.fromOpaque(ctx!).takeUnretainedValue().handler
            h.characters(UnsafeBufferPointer(start: ch, count: Int(len)))
        }
        sax.characters = text
        sax.cdataBlock = text
        sax.ignorableWhitespace = text
        sax.internalSubset = { ctx, _, _, _ in
            let box = Unmanaged<Box>.fromOpaque(ctx!).takeUnretainedValue()
            box.handler.sawDoctype = true
            box.stopParser()
        }
        sax.serror = { ctx, error in
            guard let ctx, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let box = Unmanaged<Box>.fromOpaque(ctx).takeUnretainedValue()
            guard box.firstError == nil else { return }
            var message = error.pointee.message.map { String(cString: $0) } ?? "XML error"
            while message.last == "\n" { message.removeLast() }
            box.firstError = (message, Int(error.pointee.line), Int(error.pointee.int2))
        }
        let box = Box(handler: handler)
        self.box = box
        context = xmlCreatePushParserCtxt(&sax, Unmanaged.passUnretained(box).toOpaque(), nil, 0, part)
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
        box.context = context
        handler.stop = { [unowned box] in box.stopParser() }
    }

    /// Owns what the C callbacks reach through `userData`.
    private final class Box {
        // unowned(unsafe): read on every SAX event; the parser keeps the handler alive.
        unowned(unsafe) let handler: XMLEventHandler
        init(handler: XMLEventHandler) { self.handler = handler }
        var context: xmlParserCtxtPtr?
        var firstError: (message: String, line: Int, column: Int)?
        func stopParser() { if let context { xmlStopParser(context) } }
    }
    private let box: Box

    deinit {
        handler.stop = nil
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
        if let failure = handler.failure { throw failure }
        guard code != 0 else { return }
        if let e = box.firstError {
            throw SpreadsheetError(.malformed, file: file, part: part, line: e.line, column: e.column,
                                   reason: "malformed XML: \(e.message)")
        }
        throw SpreadsheetError(.malformed, file: file, part: part, reason: "malformed XML (libxml2 error \(code))")
    }

    /// Parses a whole entry in 64 KiB chunks, stopping early when `done()` turns true.
    static func parse(_ entry: ZipEntryReader, with handler: XMLEventHandler, file: String, done: () -> Bool = { false }) throws {
        let parser = XMLStreamParser(handler: handler, file: file, part: entry.name)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 8)
        defer { buffer.deallocate() }
        while !done() {
            let n = try entry.read(into: buffer)
            if n == 0 { try parser.finish(); return }
            try parser.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
    }
}

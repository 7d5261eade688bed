/// Receives the events of one streamed XML document. Subclasses override what they need;
/// a subclass records a problem with `fail(_:)`, which stops the parser at once.
class XMLEventHandler {
    /// The first problem found by the handler itself (not a syntax error: those come from libxml2).
    var failure: SpreadsheetError?
    /// Set when the document declared a DTD; the parser reports it as `xml-entity`.
    var sawDoctype = false
    /// The first syntax error libxml2 reported.
    var syntaxError: (message: String, line: Int, column: Int)?
    /// Set by the parser so a handler can stop it.
    var stopParser: (() -> Void)?

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) {}
    func endElement(_ name: XMLName) {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}

    final func fail(_ error: SpreadsheetError) {
        if failure == nil { failure = error }
        stopParser?()
    }
}

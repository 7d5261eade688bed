/// `xl/sharedStrings.xml`: the table `t="s"` cells index into. Loaded once, when first needed.
final class SharedStringsHandler: XMLEventHandler {
    private(set) var strings: [String] = []
    private var collector = RichTextCollector()
    private var inItem = false
    private let maxTotalBytes: Int
    private var totalBytes = 0
    private let file: String
    private let part: String

    init(file: String, part: String, maxTotalBytes: Int) {
        self.file = file
        self.part = part
        self.maxTotalBytes = maxTotalBytes
    }

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if inItem {
            _ = collector.start(name, attributes)
        } else if name.is("si") {
            inItem = true
            collector.reset()
        } else if name.is("sst"), let count = attributes.string("uniqueCount").flatMap(Int.init), count > 0 {
            strings.reserveCapacity(min(count, 1 << 20))
        }
    }

    override func endElement(_ name: XMLName) {
        guard inItem else { return }
        if name.is("si") {
            inItem = false
            totalBytes += collector.bytes.count
            if totalBytes > maxTotalBytes {
                fail(SpreadsheetError(.tooLarge, file: file, part: part, reason: "the shared strings exceed \(maxTotalBytes) bytes of text"))
            }
            strings.append(collector.string)
        } else {
            collector.end(name)
        }
    }

    override func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if inItem, !collector.characters(text) {
            fail(SpreadsheetError(.tooLarge, file: file, part: part, reason: "shared string \(strings.count) is longer than \(RichTextCollector.maxBytes) bytes"))
        }
    }
}

/// The encoding a text file is read with, and how sure we are of it.
public struct DetectedEncoding: Hashable, Sendable, CustomStringConvertible {
    public var encoding: TextEncoding
    /// 0…1. 1 for a byte order mark, pure ASCII or an explicit choice; lower when the bytes
    /// could be read several ways (for single-byte encodings it grows with the margin over the
    /// runner-up that would decode the sample differently).
    public var confidence: Double
    /// True when the caller named the encoding (`CSVReader.Options.encoding`): no detection ran.
    public var isOverridden: Bool
    /// True when the file starts with this encoding's byte order mark (which is skipped).
    public var hasByteOrderMark: Bool

    public init(encoding: TextEncoding, confidence: Double, isOverridden: Bool = false, hasByteOrderMark: Bool = false) {
        self.encoding = encoding
        self.confidence = confidence
        self.isOverridden = isOverridden
        self.hasByteOrderMark = hasByteOrderMark
    }

    /// `windows-1252 (confidence 0.97)`, `UTF-8 with BOM`, `ISO-8859-2 (explicit)`.
    public var description: String {
        var s = encoding.description
        if hasByteOrderMark { s += " with BOM" }
        if isOverridden {
            s += " (explicit)"
        } else if confidence < 1 {
            let percent = min(99, max(0, Int((confidence * 100).rounded())))
            s += " (confidence 0.\(percent < 10 ? "0" : "")\(percent))"
        }
        return s
    }
}

/// Limits that protect a reader from decompression bombs and absurd packages.
/// The defaults fit any workbook a person can make in Excel; raise them deliberately.
public struct ZipLimits: Hashable, Sendable {
    /// Largest uncompressed size of one part (a sheet's XML), in bytes.
    public var maxPartBytes: Int64
    /// Largest uncompressed/compressed ratio of one part, checked once the part is larger than
    /// `ratioCheckThresholdBytes` (tiny parts compress extremely well and are harmless).
    public var maxCompressionRatio: Double
    public var ratioCheckThresholdBytes: Int64
    /// Most entries a package may hold.
    public var maxEntries: Int
    /// Sheet parts at least this large are inflated on a second thread, a few 256 KiB chunks
    /// ahead of the parser (not a limit: a speed setting; `Int64.max` turns it off).
    public var prefetchThresholdBytes: Int64

    public init(maxPartBytes: Int64 = 4 << 30, maxCompressionRatio: Double = 200,
                ratioCheckThresholdBytes: Int64 = 16 << 20, maxEntries: Int = 100_000,
                prefetchThresholdBytes: Int64 = 4 << 20) {
        self.maxPartBytes = maxPartBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckThresholdBytes = ratioCheckThresholdBytes
        self.maxEntries = maxEntries
        self.prefetchThresholdBytes = prefetchThresholdBytes
    }

    public static let `default` = ZipLimits()
}

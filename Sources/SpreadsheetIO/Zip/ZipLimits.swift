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

    public init(maxPartBytes: Int64 = 4 << 30, maxCompressionRatio: Double = 200,
                ratioCheckThresholdBytes: Int64 = 16 << 20, maxEntries: Int = 100_000) {
        self.maxPartBytes = maxPartBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckThresholdBytes = ratioCheckThresholdBytes
        self.maxEntries = maxEntries
    }

    public static let `default` = ZipLimits()
}

/// One file taken from the inbox, as a processor sees it.
///
/// `path` is a private snapshot of the dropped file (the original stays untouched until it is
/// filed), so a processor reads exactly the bytes whose `contentHash` is recorded.
public struct InboxFile: Hashable, Sendable {
    /// Where to read the bytes (a snapshot in the workspace's staging folder).
    public var path: String
    /// The file name as the partner dropped it (`Indicadors 2024.xlsx`); messages use it.
    public var originalName: String
    /// Its path relative to `inbox/` (`biocat/Indicadors 2024.xlsx`).
    public var inboxPath: String
    /// The first folder under `inbox/` when the file was dropped in one (`biocat`), else nil.
    public var partnerFolder: String?
    /// SHA-256 of the content, lower-case hex.
    public var contentHash: String
    public var size: Int

    public init(path: String, originalName: String, inboxPath: String, partnerFolder: String?, contentHash: String, size: Int) {
        self.path = path
        self.originalName = originalName
        self.inboxPath = inboxPath
        self.partnerFolder = partnerFolder
        self.contentHash = contentHash
        self.size = size
    }
}

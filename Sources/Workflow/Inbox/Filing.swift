import Foundation

/// Steps 4–6 of filing a recorded submission (see `InboxPass`), written so that running them
/// again after a crash at any point finishes the job: each step checks what is already done.
struct Filing {
    var workspace: Workspace
    var store: StateStore

    /// `originalStatus`: how the inbox file looked when it was snapshotted (nil in recovery, where
    /// the content hash decides whether the inbox file is still the one recorded).
    func file(_ entry: SubmissionEntry, originalStatus: FileSystem.Status?) throws {
        let stored = workspace.absolute(entry.storedPath)
        let folder = (stored as NSString).deletingLastPathComponent
        try FileSystem.makeDirectory(folder)
        if entry.status == .rejected {
            try RejectionReason.write(for: entry, beside: stored)
            KillPoint.hit("after-reason")
        }
        if !FileSystem.exists(stored) {
            let inbox = workspace.inbox.path + "/" + entry.inboxPath
            let snapshot = entry.snapshotPath.map(workspace.absolute)
            let originalUnchanged: Bool
            if let originalStatus {
                originalUnchanged = FileSystem.status(inbox).map { $0.sameFile(as: originalStatus) } ?? false
            } else {
                originalUnchanged = FileSystem.status(inbox)?.isRegularFile == true && FileCopy.hash(of: inbox) == entry.contentHash
            }
            if originalUnchanged {
                try FileSystem.rename(inbox, stored)
            } else if let snapshot, FileSystem.exists(snapshot) {
                // The partner replaced the file after it was taken: the recorded bytes are the
                // snapshot's, and the new file waits in the inbox for the next pass.
                try FileSystem.rename(snapshot, stored)
            } else {
                throw FileSystemError(operation: "file", path: entry.storedPath, code: ENOENT)
            }
            try FileSystem.sync(folder)
        }
        KillPoint.hit("after-move")
        if let snapshot = entry.snapshotPath.map(workspace.absolute) {
            try FileSystem.remove(snapshot)
        }
        try store.markFiled(entry.id)
        KillPoint.hit("after-filed")
    }
}

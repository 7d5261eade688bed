/// The `.reason.txt` (for the partner or coordinator who opens the folder) and `.reason.json`
/// (for tools) written beside a rejected original.
enum RejectionReason {
    static func write(for entry: SubmissionEntry, beside stored: String) throws {
        try AtomicFile.write(text(entry), to: stored + ".reason.txt")
        try AtomicFile.write(json(entry).rendered(), to: stored + ".reason.json")
    }

    static func text(_ e: SubmissionEntry) -> String {
        let r = e.rejection
        var lines = [
            "innaxe could not take this file.",
            "",
            "File:      \(e.originalName)  (dropped as inbox/\(e.inboxPath))",
            "Received:  \(e.receivedAt)",
            "Partner:   \(e.partnerID ?? "not identified")",
            "Reason:    \(r?.code.rawValue ?? "unknown"): \(r?.message ?? "")",
        ]
        if let r, r.sheet != nil || r.cell != nil { lines.append("Where:     \(r.locationText)") }
        if let hint = r?.hint { lines.append("What to do: \(hint)") }
        lines.append("SHA-256:   \(e.contentHash)")
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ e: SubmissionEntry) -> JSONValue {
        let r = e.rejection
        return .object([
            ("format", "innaxe-rejection"),
            ("format_version", 1),
            ("submission", .int(e.id)),
            ("file", .string(e.originalName)),
            ("inbox_path", .string("inbox/" + e.inboxPath)),
            ("stored_as", .string(e.storedPath)),
            ("content_hash", .string(e.contentHash)),
            ("received_at", .string(e.receivedAt)),
            ("processed_at", .string(e.processedAt)),
            ("partner", .optional(e.partnerID)),
            ("code", .optional(r?.code.rawValue)),
            ("message", .optional(r?.message)),
            ("location", .optional(r?.locationText)),
            ("sheet", .optional(r?.sheet)),
            ("cell", .optional(r?.cell)),
            ("hint", .optional(r?.hint)),
        ])
    }
}

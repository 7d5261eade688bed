internal import CLibzip

/// A read-only ZIP archive (an OOXML package), owned and closed by this object.
///
/// Wraps libzip's `zip_open` / `zip_discard`. Entry names are matched case-insensitively, as
/// OPC part names are, and with or without a leading `/`.
final class ZipArchive {
    private let handle: OpaquePointer
    let file: String
    let limits: ZipLimits
    /// Lower-cased entry name → index.
    private var index: [String: UInt64] = [:]
    private(set) var entryNames: [String] = []

    init(path: String, file: String, limits: ZipLimits) throws {
        self.file = file
        self.limits = limits
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_RDONLY, &code) else {
            // Only files that start with a ZIP signature get here, so "not a zip archive" means the
            // central directory is gone: a truncated download or an interrupted copy.
            let unreadable = code == ZIP_ER_NOENT || code == ZIP_ER_OPEN || code == ZIP_ER_READ
            throw SpreadsheetError(unreadable ? .unreadableFile : .corruptZip, file: file,
                                   reason: unreadable ? "cannot read the file: \(Self.message(forCode: code))"
                                       : "the ZIP container is damaged or truncated (\(Self.message(forCode: code))); ask for the file again")
        }
        handle = archive
        let count = zip_get_num_entries(archive, 0)
        guard count >= 0, count <= limits.maxEntries else {
            zip_discard(archive)
            throw SpreadsheetError(.tooLarge, file: file, reason: "the package holds \(count) entries (limit \(limits.maxEntries))")
        }
        for i in 0..<UInt64(count) {
            guard let cName = zip_get_name(archive, i, ZIP_FL_ENC_GUESS) else { continue }
            let name = String(cString: cName)
            entryNames.append(name)
            index[Self.key(name)] = i
        }
    }

    deinit { zip_discard(handle) }

    /// Some writers store `xl\\worksheets\\sheet1.xml`: backslashes are read as the separators they meant.
    private static func key(_ name: String) -> String {
        var n = name.replacingBackslashes().lowercased()
        if n.hasPrefix("/") { n.removeFirst() }
        return n
    }

    func contains(_ name: String) -> Bool { index[Self.key(name)] != nil }

    /// What identifies one version of an entry: its sizes and CRC.
    struct EntryStat: Equatable {
        var size: UInt64
        var compressedSize: UInt64
        var crc: UInt32
    }

    func stat(_ name: String) throws -> EntryStat {
        let (_, st) = try rawStat(name)
        return EntryStat(size: st.size, compressedSize: st.comp_size, crc: st.crc)
    }

    /// The entry's index and libzip header, or the error that names the missing or unreadable part.
    private func rawStat(_ name: String) throws -> (UInt64, zip_stat_t) {
        guard let i = index[Self.key(name)] else {
            throw SpreadsheetError(.missingPart, file: file, part: name, reason: "the package has no part \(name)")
        }
        var st = zip_stat_t()
        zip_stat_init(&st)
        guard zip_stat_index(handle, i, 0, &st) == 0 else {
            throw SpreadsheetError(.corruptZip, file: file, part: name, reason: "cannot read the entry's header: \(archiveMessage())")
        }
        return (i, st)
    }

    /// Opens an entry for streaming, after checking its declared sizes against the limits.
    func open(_ name: String) throws -> ZipEntryReader {
        let (i, st) = try rawStat(name)
        if st.valid & UInt64(ZIP_STAT_ENCRYPTION_METHOD) != 0, st.encryption_method != UInt16(ZIP_EM_NONE) {
            throw SpreadsheetError(.badZipEntry, file: file, part: name, reason: "the entry is encrypted inside the ZIP; save the workbook again without a ZIP password")
        }
        let size = Int64(st.size)
        let compressed = Int64(st.comp_size)
        try checkLimits(name: name, uncompressed: size, compressed: compressed)
        guard let zf = zip_fopen_index(handle, i, 0) else {
            let code = zip_error_code_zip(zip_get_error(handle))
            let kind: SpreadsheetError.Kind = (code == ZIP_ER_COMPNOTSUPP || code == ZIP_ER_ENCRNOTSUPP || code == ZIP_ER_NOPASSWD)
                ? .badZipEntry : .corruptZip
            throw SpreadsheetError(kind, file: file, part: name, reason: "cannot open the entry: \(archiveMessage())")
        }
        return ZipEntryReader(file: zf, archive: self, name: name, declaredSize: size, compressedSize: compressed)
    }

    /// Reads a whole (small) entry into memory, still bounded by the limits.
    func readAll(_ name: String) throws -> [UInt8] {
        let entry = try open(name)
        var out: [UInt8] = []
        out.reserveCapacity(Int(min(entry.declaredSize, 1 << 24)))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try entry.read(into: $0) }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    func checkLimits(name: String, uncompressed: Int64, compressed: Int64) throws {
        if uncompressed > limits.maxPartBytes {
            throw SpreadsheetError(.tooLarge, file: file, part: name,
                                   reason: "the part inflates to \(uncompressed) bytes (limit \(limits.maxPartBytes))")
        }
        if uncompressed > limits.ratioCheckThresholdBytes {
            let ratio = Double(uncompressed) / Double(max(compressed, 1))
            if ratio > limits.maxCompressionRatio {
                throw SpreadsheetError(.tooLarge, file: file, part: name,
                                       reason: "compression ratio \(Int(ratio)):1 exceeds the limit of \(Int(limits.maxCompressionRatio)):1 (a decompression bomb?)")
            }
        }
    }

    func archiveMessage() -> String { String(cString: zip_error_strerror(zip_get_error(handle))) }

    static func message(forCode code: Int32) -> String {
        var error = zip_error_t()
        zip_error_init_with_code(&error, code)
        defer { zip_error_fini(&error) }
        return String(cString: zip_error_strerror(&error))
    }
}

/// Streams one entry's inflated bytes. Counts what it actually inflates, so an entry whose
/// header lies about its size is still stopped at the limits.
final class ZipEntryReader {
    private let file: OpaquePointer
    private let archive: ZipArchive
    let name: String
    let declaredSize: Int64
    let compressedSize: Int64
    private(set) var bytesRead: Int64 = 0

    fileprivate init(file: OpaquePointer, archive: ZipArchive, name: String, declaredSize: Int64, compressedSize: Int64) {
        self.file = file
        self.archive = archive
        self.name = name
        self.declaredSize = declaredSize
        self.compressedSize = compressedSize
    }

    deinit { zip_fclose(file) }

    /// Fills `buffer` with the next inflated bytes; returns 0 at the end of the entry.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = zip_fread(file, buffer.baseAddress!, UInt64(buffer.count))
        if n < 0 {
            let error = zip_file_get_error(file)!
            let code = zip_error_code_zip(error)
            let text = String(cString: zip_error_strerror(error))
            let kind: SpreadsheetError.Kind = (code == ZIP_ER_COMPNOTSUPP || code == ZIP_ER_ENCRNOTSUPP) ? .badZipEntry : .corruptZip
            throw SpreadsheetError(kind, file: archive.file, part: name, reason: "cannot inflate the entry: \(text)")
        }
        bytesRead += n
        if bytesRead > declaredSize, bytesRead > 0 {
            throw SpreadsheetError(.corruptZip, file: archive.file, part: name,
                                   reason: "the entry inflates to more than its declared \(declaredSize) bytes")
        }
        try archive.checkLimits(name: name, uncompressed: bytesRead, compressed: compressedSize)
        return Int(n)
    }
}

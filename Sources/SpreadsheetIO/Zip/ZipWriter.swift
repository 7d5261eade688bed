internal import CLibzip
#if canImport(Glibc)
import Glibc
#endif

/// A ZIP archive being written with libzip, owned by this object.
///
/// libzip deflates only inside `zip_close`, pulling from each entry's source; until then entries
/// are recipes. `close()` writes the archive (libzip itself writes a temporary file and renames it
/// into place); dropped without `close()`, `zip_discard` leaves nothing behind.
/// `@unchecked Sendable`: a spool hands it to its compressor thread and never touches it again.
final class ZipWriter: @unchecked Sendable {
    private var handle: OpaquePointer?
    let path: String
    let displayName: String
    let compressionLevel: UInt32
    let modificationTime: time_t

    init(path: String, displayName: String, compressionLevel: Int, modificationTime: time_t) throws {
        self.path = path
        self.displayName = displayName
        self.compressionLevel = UInt32(max(1, min(9, compressionLevel)))
        self.modificationTime = modificationTime
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_CREATE | ZIP_EXCL, &code) else {
            throw SpreadsheetError(.cannotWrite, file: displayName, reason: "cannot create the archive: \(ZipArchive.message(forCode: code))")
        }
        handle = archive
    }

    deinit { if let handle { zip_discard(handle) } }

    /// Adds an entry whose bytes are in memory (copied: libzip frees its copy after `close`).
    func add(_ name: String, bytes: [UInt8]) throws {
        guard let handle else { return }
        let copy = malloc(max(bytes.count, 1))!
        bytes.withUnsafeBytes { raw in if raw.count > 0 { memcpy(copy, raw.baseAddress!, raw.count) } }
        guard let source = zip_source_buffer(handle, copy, UInt64(bytes.count), 1) else {
            free(copy)
            throw failure("cannot add \(name)")
        }
        try add(name, source: source, compress: true)
    }

    /// Adds an entry read from a file at `close()` time (and deflated then).
    func add(_ name: String, file: String) throws {
        guard let handle else { return }
        guard let source = zip_source_file(handle, file, 0, -1) else { throw failure("cannot add \(name)") }
        try add(name, source: source, compress: true)
    }

    /// Adds the already-deflated first entry of `archive`: libzip copies its compressed bytes as
    /// they are (a whole-entry `zip_source_zip` keeps the data compressed; same method, no recompression).
    func add(_ name: String, deflatedEntryOf archive: ZipReadHandle) throws {
        guard let handle else { return }
        guard let source = zip_source_zip(handle, archive.handle, 0, 0, 0, -1) else { throw failure("cannot add \(name)") }
        try add(name, source: source, compress: true)
    }

    fileprivate func add(_ name: String, source: OpaquePointer, compress: Bool) throws {
        guard let handle else { return }
        let index = zip_file_add(handle, name, source, ZIP_FL_ENC_UTF_8)
        guard index >= 0 else {
            zip_source_free(source)
            throw failure("cannot add \(name)")
        }
        zip_set_file_compression(handle, UInt64(index), ZIP_CM_DEFLATE, compressionLevel)
        zip_file_set_mtime(handle, UInt64(index), modificationTime, 0)
    }

    /// Writes the archive. Afterwards the object holds nothing.
    func close() throws {
        guard let archive = handle else { return }
        if zip_close(archive) != 0 {
            let reason = String(cString: zip_error_strerror(zip_get_error(archive)))
            zip_discard(archive)
            handle = nil
            throw SpreadsheetError(.cannotWrite, file: displayName, reason: "cannot write the archive: \(reason)")
        }
        handle = nil
    }

    private func failure(_ what: String) -> SpreadsheetError {
        let reason = handle.map { String(cString: zip_error_strerror(zip_get_error($0))) } ?? "closed"
        return SpreadsheetError(.cannotWrite, file: displayName, reason: "\(what): \(reason)")
    }

    /// Used by `DeflatingSpool`: a source that pulls from a pipe while `close()` runs elsewhere.
    func add(_ name: String, pipe: BoundedPipe) throws {
        guard let handle else { return }
        let state = Unmanaged.passRetained(pipe).toOpaque()
        guard let source = zip_source_function(handle, pipeSourceCallback, state) else {
            Unmanaged<BoundedPipe>.fromOpaque(state).release()
            throw failure("cannot add \(name)")
        }
        try add(name, source: source, compress: true)
    }
}

/// A read-only archive kept open so its entries can be copied into another one.
final class ZipReadHandle {
    let handle: OpaquePointer
    let path: String

    init(path: String, displayName: String) throws {
        self.path = path
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_RDONLY, &code) else {
            throw SpreadsheetError(.cannotWrite, file: displayName, reason: "cannot reopen a temporary part: \(ZipArchive.message(forCode: code))")
        }
        handle = archive
    }

    deinit { zip_discard(handle) }
}

/// libzip's source protocol over a `BoundedPipe` (ZIP_SOURCE_OPEN/READ/CLOSE/STAT/ERROR/FREE).
private let pipeSourceCallback: zip_source_callback = { state, data, length, command in
    let pipe = Unmanaged<BoundedPipe>.fromOpaque(state!).takeUnretainedValue()
    switch command {
    case ZIP_SOURCE_OPEN, ZIP_SOURCE_CLOSE:
        return 0
    case ZIP_SOURCE_READ:
        let n = pipe.read(into: UnsafeMutableRawBufferPointer(start: data, count: Int(length)))
        if n < 0 {
            return -1
        }
        return Int64(n)
    case ZIP_SOURCE_STAT:
        guard let data, length >= UInt64(MemoryLayout<zip_stat_t>.size) else { return -1 }
        let st = data.assumingMemoryBound(to: zip_stat_t.self)
        zip_stat_init(st)
        st.pointee.mtime = pipe.modificationTime
        st.pointee.valid |= UInt64(ZIP_STAT_MTIME)
        return Int64(MemoryLayout<zip_stat_t>.size)
    case ZIP_SOURCE_ERROR:
        guard let data, length >= UInt64(2 * MemoryLayout<Int32>.size) else { return -1 }
        let codes = data.assumingMemoryBound(to: Int32.self)
        codes[0] = ZIP_ER_WRITE
        codes[1] = 0
        return Int64(2 * MemoryLayout<Int32>.size)
    case ZIP_SOURCE_FREE:
        Unmanaged<BoundedPipe>.fromOpaque(state!).release()
        return 0
    case ZIP_SOURCE_SUPPORTS:
        let commands = [ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR,
                        ZIP_SOURCE_FREE, ZIP_SOURCE_SUPPORTS]
        return commands.reduce(Int64(0)) { $0 | (Int64(1) << Int64($1.rawValue)) }
    default:
        return -1
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a worksheet's XML waits, in bounded memory, until the package is assembled.
///
/// libzip deflates only inside `zip_close`, so a streamed part needs somewhere to be. Two ways,
/// measured on 1M rows × 12 columns (bench/README.md, "Why a deflating spool"):
/// - `DeflatingSpool` (the default): the XML goes through a `BoundedPipe` into a one-entry
///   temporary archive whose `zip_close` runs on a second thread, so XML generation and deflate
///   overlap on two cores; at assembly the deflated entry is copied into the workbook as is.
/// - `PlainSpool`: the XML goes to a temporary file, deflated by the final `zip_close` afterwards
///   (one core, generation then compression, as libxlsxwriter's constant-memory mode does).
/// Either is opened only once a sheet outgrows memory (`BufferingSpool`, below).
protocol SheetSpool: ByteSink {
    /// No more bytes; the part is complete (waits for the compressor).
    func finish() throws
    /// Adds the spooled part to the workbook archive.
    func add(to archive: ZipWriter, as name: String) throws
    /// Removes temporary files (after the archive is written, or after a failure).
    func discard()
}

enum SpoolKind: String, Sendable {
    case deflating, plain

    /// `INNAXE_XLSX_SPOOL=plain` selects the other strategy, for the benchmark's comparison.
    static var fromEnvironment: SpoolKind {
        ProcessInfo.processInfo.environment["INNAXE_XLSX_SPOOL"].flatMap(SpoolKind.init(rawValue:)) ?? .deflating
    }
}

final class DeflatingSpool: SheetSpool, @unchecked Sendable {
    private let pipe: BoundedPipe
    private let temporaryPath: String
    private let displayName: String
    private var archive: ZipWriter?
    private let done = DispatchSemaphore(value: 0)
    private var closeError: Error?
    private var reopened: ZipReadHandle?
    private var finished = false

    init(besides path: String, displayName: String, compressionLevel: Int, modificationTime: time_t) throws {
        self.displayName = displayName
        temporaryPath = try TemporaryPath.beside(path, tag: "sheet")
        pipe = BoundedPipe(modificationTime: modificationTime)
        let archive = try ZipWriter(path: temporaryPath, displayName: displayName,
                                    compressionLevel: compressionLevel, modificationTime: modificationTime)
        try archive.add("part.xml", pipe: pipe)
        self.archive = archive
        WorkerThread.start("innaxe.deflate") { [self] in
            do { try archive.close() } catch {
                closeError = error
                pipe.abort()
            }
            done.signal()
        }
    }

    deinit { discard() }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        do { try pipe.write(bytes) } catch {
            finishThread()
            throw closeError ?? error
        }
    }

    private func finishThread() {
        guard !finished else { return }
        finished = true
        done.wait()
        archive = nil
    }

    func finish() throws {
        pipe.finish()
        finishThread()
        if let closeError { throw closeError }
        reopened = try ZipReadHandle(path: temporaryPath, displayName: displayName)
    }

    func add(to archive: ZipWriter, as name: String) throws {
        guard let reopened else { throw SpreadsheetError(.cannotWrite, file: displayName, reason: "the sheet was not finished") }
        try archive.add(name, deflatedEntryOf: reopened)
    }

    func discard() {
        if !finished {
            pipe.abort()
            finishThread()
        }
        reopened = nil
        unlink(temporaryPath)
    }
}

final class PlainSpool: SheetSpool {
    private let file: AtomicOutputFile

    init(besides path: String, displayName: String) throws {
        file = try AtomicOutputFile(path: try TemporaryPath.beside(path, tag: "sheet"), displayName: displayName)
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws { try file.write(bytes) }
    func finish() throws {}
    func add(to archive: ZipWriter, as name: String) throws { try archive.add(name, file: file.temporaryPath) }
    func discard() {}  // the uncommitted temporary file is removed when `file` goes
}

/// Keeps a sheet's XML in memory until it passes `threshold` bytes, and only then hands it to a
/// file-backed spool (made on demand) for the rest. Most sheets are small (a summary, a report,
/// one submission's feedback), and a file-backed spool costs a temporary file and, for
/// `DeflatingSpool`, a thread, for every sheet. A small sheet is deflated with the rest of the
/// package at assembly.
final class BufferingSpool: SheetSpool {
    private var buffer: [UInt8] = []
    private var spilled: SheetSpool?
    private let threshold: Int
    private let makeSpool: () throws -> SheetSpool

    init(threshold: Int, makeSpool: @escaping () throws -> SheetSpool) {
        self.threshold = threshold
        self.makeSpool = makeSpool
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if let spilled { try spilled.write(bytes); return }
        buffer.append(contentsOf: bytes)
        guard buffer.count > threshold else { return }
        let spool = try makeSpool()
        spilled = spool
        try buffer.withUnsafeBytes { try spool.write($0) }
        buffer = []
    }

    func finish() throws { try spilled?.finish() }

    func add(to archive: ZipWriter, as name: String) throws {
        if let spilled { try spilled.add(to: archive, as: name) } else { try archive.add(name, bytes: buffer) }
    }

    func discard() {
        spilled?.discard()
        buffer = []
    }
}

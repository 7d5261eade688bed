import Foundation
import Testing
@testable import SpreadsheetIO

/// An output appears whole on commit, or not at all; once given up it cannot be put in place.
@Suite struct AtomicOutputFileTests {
    @Test func commitPublishesAndDiscardLeavesTheTargetAsItWas() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("out.json").path
        try Data("earlier".utf8).write(to: URL(fileURLWithPath: target))

        let given = try AtomicOutputFile(path: target)
        try given.write(Array("half".utf8))
        given.discard()
        #expect(throws: SpreadsheetError.self) { try given.commit() }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "earlier")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.json"])

        let kept = try AtomicOutputFile(path: target)
        try kept.write(Array("whole".utf8))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "earlier", "nothing changes before commit")
        try kept.commit()
        kept.discard()   // after commit, a no-op
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "whole")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.json"])
    }
}

import Foundation
import Testing
import Workflow
#if canImport(Glibc)
import Glibc
#endif

/// `innaxe init`, `run`, `status`, `export` and `watch` as a coordinator runs them.
@Suite struct WorkspaceCommandsTests {
    static func temp() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("innaxe-cli-" + UUID().uuidString)
    }

    static func write(_ root: URL, _ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func copyPartnerFile(_ name: String, to root: URL, _ path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: InnaxeProcess.packageRoot.appendingPathComponent("fixtures/partners/" + name), to: url)
    }

    static let biocat = "Biocat_Indicadors_BioRegio_2023.xlsx"
    static let medicen = "medicen_export_indicateurs_2023.csv"

    @Test func initRunStatusAndExportOnAWorkspace() throws {
        let root = Self.temp()
        defer { try? FileManager.default.removeItem(at: root) }
        let created = try InnaxeProcess.run(["init", root.path, "--partner", "biocat", "--partner", "medicen"])
        #expect(created.status == 0, "\(created.stderr)")
        for folder in ["inbox/biocat", "inbox/medicen", "archive", "rejected", "out", "mappings", "state"] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(folder).path), "\(folder)")
        }
        try Self.copyPartnerFile(Self.biocat, to: root, "inbox/biocat/" + Self.biocat)
        try Self.copyPartnerFile(Self.medicen, to: root, "inbox/" + Self.medicen)
        try FileManager.default.copyItem(at: InnaxeProcess.packageRoot.appendingPathComponent("fixtures/xlsx/legacy-biff.xls"),
                                         to: root.appendingPathComponent("inbox/medicen/tableau.xls"))

        let run = try InnaxeProcess.run(["run", "--workspace", root.path, "--settle", "0"])
        #expect(run.status == 1, "a rejected file makes the exit status 1")
        #expect(run.stdout.contains("3 file(s): 2 accepted, 0 duplicate, 1 rejected"), "\(run.stdout)")
        #expect(run.stdout.contains("tableau.xls: legacy-xls: this is a legacy Excel 97–2003 workbook"), "\(run.stdout)")
        #expect(run.stdout.contains("outputs: out/harmonised.json, out/harmonised.xlsx, out/validation-report.json, out/validation-report.xlsx, feedback for 3 submission(s)"), "\(run.stdout)")

        let again = try InnaxeProcess.run(["run", "--workspace", root.path, "--settle", "0"])
        #expect(again.status == 0, "an empty inbox is a clean pass")
        #expect(again.stdout.contains("0 file(s)"))

        let status = try InnaxeProcess.run(["status", "--workspace", root.path])
        #expect(status.status == 0)
        #expect(status.stdout.contains("2 partner(s), 67 current value(s)"), "Biocat's 56 and Medicen's 11: \(status.stdout)")
        #expect(status.stdout.range(of: #"\n +medicen +1 +0 +1 +11 "#, options: .regularExpression) != nil, "1 accepted, 0 duplicate, 1 rejected, 11 values: \(status.stdout)")

        let csvOut = root.appendingPathComponent("export.csv")
        let export = try InnaxeProcess.run(["export", "--workspace", root.path, "--format", "csv", "--year", "2020", "-o", csvOut.path])
        #expect(export.status == 0, "\(export.stderr)")
        let csv = try String(contentsOf: csvOut, encoding: .utf8)
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines.first?.hasPrefix("partner,cluster_id,indicator,region,year,value,unit,obs_status") == true)
        #expect(lines.count > 2)
        #expect(lines.dropFirst().allSatisfy { $0.contains(",2020,") })
        #expect(lines.contains { $0.hasPrefix("biocat,biocat,clinical_trials_started,ES51,2020,912,count,A,") })

        let jsonOut = root.appendingPathComponent("export.json")
        let ej = try InnaxeProcess.run(["export", "-w", root.path, "--format", "json", "--partner", "medicen", "--indicator", "cluster_members", "-o", jsonOut.path])
        #expect(ej.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: jsonOut)) as? [String: Any]
        #expect(json?["observation_count"] as? Int == 1, "Medicen's adherents, 2023")
    }

    @Test func aSecondRunWhileOneHoldsTheWorkspaceSaysSoAndExits2() throws {
        let root = Self.temp()
        defer { try? FileManager.default.removeItem(at: root) }
        let (ws, _) = try Workspace.create(at: root, partners: ["biocat"], bundledMappings: InnaxeProcess.packageRoot.appendingPathComponent("mappings"))
        try Self.copyPartnerFile(Self.biocat, to: root, "inbox/biocat/" + Self.biocat)
        let lock = try WorkspaceLock(workspace: ws)
        let r = try InnaxeProcess.run(["run", "--workspace", root.path, "--settle", "0"])
        withExtendedLifetime(lock) {}
        #expect(r.status == 2)
        #expect(r.stderr.contains("another innaxe process (pid \(getpid())) is processing this workspace"), "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("inbox/biocat/" + Self.biocat).path))
    }

    @Test func aMistakeInAMappingStopsThePassBeforeAnyFileIsTouched() throws {
        let root = Self.temp()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Workspace.create(at: root, partners: ["biocat"], bundledMappings: InnaxeProcess.packageRoot.appendingPathComponent("mappings"))
        let mapping = root.appendingPathComponent("mappings/biocat.yaml")
        let text = try String(contentsOf: mapping, encoding: .utf8)
        try text.replacingOccurrences(of: "region: ES51", with: "regoin: ES51").write(to: mapping, atomically: true, encoding: .utf8)
        try Self.copyPartnerFile(Self.biocat, to: root, "inbox/biocat/" + Self.biocat)
        let r = try InnaxeProcess.run(["run", "--workspace", root.path, "--settle", "0"])
        #expect(r.status == 2)
        let line = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("region: ES51") }.map { $0 + 1 }
        #expect(r.stderr.contains("mappings/biocat.yaml:\(line ?? 0):"), "\(r.stderr)")
        #expect(r.stderr.contains("unknown key \"regoin\""), "\(r.stderr)")
        #expect(!r.stderr.contains("error: mappings"), "one error: prefix")
        #expect(r.stderr.contains("no file was taken"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("inbox/biocat/" + Self.biocat).path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("rejected").path).isEmpty)
    }

    @Test func notAWorkspaceIsAClearErrorWithStatus2() throws {
        let r = try InnaxeProcess.run(["run", "--workspace", "/nonexistent-innaxe-workspace"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("is not an innaxe workspace"), "\(r.stderr)")
    }

    @Test(.timeLimit(.minutes(1)))
    func watchTakesFilesAsTheyArriveAndStopsCleanlyOnSIGTERM() throws {
        let root = Self.temp()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Workspace.create(at: root, partners: ["biocat"], bundledMappings: InnaxeProcess.packageRoot.appendingPathComponent("mappings"))
        let process = Process()
        process.executableURL = InnaxeProcess.executable
        process.arguments = ["watch", "--workspace", root.path, "--settle", "0", "--interval", "0.1"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        try Self.copyPartnerFile(Self.biocat, to: root, "inbox/biocat/" + Self.biocat)
        let archive = root.appendingPathComponent("archive/biocat")
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, ((try? FileManager.default.contentsOfDirectory(atPath: archive.path)) ?? []).isEmpty {
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "stops by itself, not killed")
        #expect(text.contains("1 accepted"), "\(text)")
        #expect(text.hasSuffix("stopped\n"))
    }
}

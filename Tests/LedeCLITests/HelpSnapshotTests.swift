import Foundation
import LedeCLI
import Testing

/// `lede --help` and each subcommand's help, kept as text files in Fixtures/help: a change to an option, its
/// default or its help shows up in review as a change to these files.
///
/// After an intended change: `LEDE_UPDATE_SNAPSHOTS=1 swift test --filter HelpSnapshotTests`, then read the
/// diff before committing it.
struct HelpSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/help")

    static let commands: [String?] = [nil] + Lede.subcommandNames.map { Optional($0) }

    @Test("the help of lede and of each subcommand matches its snapshot", arguments: commands)
    func helpMatchesSnapshot(_ command: String?) throws {
        let name = command ?? "lede"
        let file = Self.folder.appendingPathComponent(name + ".txt")
        let text = Lede.helpText(for: command)
        #expect(!text.isEmpty, "no help for \(name)")
        if ProcessInfo.processInfo.environment["LEDE_UPDATE_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let kept = try? String(contentsOf: file, encoding: .utf8)
        #expect(kept != nil, "no snapshot \(file.path); run with LEDE_UPDATE_SNAPSHOTS=1 to write it")
        if let kept { #expect(text == kept, "the help of \(name) changed; if that is intended, update the snapshot") }
    }

    @Test("every subcommand has a snapshot, and no snapshot is left from a removed one")
    func snapshotsMatchCommands() throws {
        // While snapshots are being written the folder is not settled yet.
        guard ProcessInfo.processInfo.environment["LEDE_UPDATE_SNAPSHOTS"] != "1" else { return }
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".txt") }
        #expect(Set(files) == Set(Self.commands.map { ($0 ?? "lede") + ".txt" }))
    }
}

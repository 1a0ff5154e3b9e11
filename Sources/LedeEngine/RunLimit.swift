import Foundation
import LedeCore
import LedeIO

/// `lede run --limit N` and the journal: the limit of the run that last wrote an output folder's journal
/// is kept in `.lede/limit` (absent when it read every input), so that `--resume` continues the run that
/// was stopped rather than silently turning a quick look into a whole batch, or the other way round.
enum RunLimit {
    /// The file, relative to the output folder.
    static let file = ".lede/limit"

    /// The limit recorded in `output`, if any.
    static func recorded(in output: String) -> Int? {
        guard let bytes = try? Paths.read(Paths.join(output, file)) else { return nil }
        return Int(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Refuses a `--resume` whose limit differs from the one of the run it continues, then records this
    /// run's limit for the next one.
    ///
    /// - Throws: ``ConfigError`` (exit 2) when resuming with another limit.
    static func check(output: String, limit: Int?, resuming: Bool, journal: JournalMode) throws {
        let path = Paths.join(output, file)
        let before = recorded(in: output)
        if resuming, journal == .reuse, before != limit {
            let journalFolder = Paths.join(output, JournalStore.folder)
            let hasJournal = ((try? FileManager.default.contentsOfDirectory(atPath: journalFolder)) ?? []).contains { $0.hasPrefix("part-") }
            if let before {
                throw ConfigError("--resume: the run being resumed read only the first \(before) inputs (--limit \(before)), " +
                                  (limit.map { "not \($0)" } ?? "and without --limit this run would go on to read every input"),
                                  hint: "pass --limit \(before) to resume it; to read every input while reusing what it did, run with --incremental instead of --resume")
            } else if hasJournal, let limit {
                throw ConfigError("--resume: the run being resumed read every input, but --limit \(limit) would read only the first \(limit)",
                                  hint: "drop --limit to resume it, or use --incremental --limit \(limit) for a quick look that reuses its results")
            }
        }
        // Without a journal there is nothing to resume: no limit is kept either.
        if let limit, journal != .off {
            try FileManager.default.createDirectory(atPath: Paths.directory(of: path), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: path, contents: Data("\(limit)\n".utf8)) else {
                throw IOFailure("cannot record the run's --limit", path: path)
            }
        } else if Paths.kind(path) != .missing {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}

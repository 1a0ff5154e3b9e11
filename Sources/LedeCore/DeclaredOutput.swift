import Foundation
import LedeIO

/// A file a collecting stage will write, as its options name it.
public struct DeclaredOutput: Sendable, Hashable {
    /// The path relative to the output folder.
    public var path: String
    /// Where in the stage's options it is named (`["jsonl"]`), for the error's location.
    public var option: [OptionPathComponent]

    /// Creates a declaration.
    public init(_ path: String, option: [OptionPathComponent]) {
        self.path = path
        self.option = option
    }
}

/// The names in an output folder that belong to Lede itself.
public enum OutputNames {
    /// Written by the engine, not by a stage: `manifest.json`, `rejects.jsonl`, a shard's `order.jsonl`, and
    /// the lock. Everything under `.lede/` (the journal) is Lede's too, and temporary names (`.lede-tmp-`).
    public static let reserved = ["manifest.json", "rejects.jsonl", "order.jsonl", ".lede.lock"]

    /// Why `path` cannot be a stage's output, or nil when it can.
    public static func whyReserved(_ path: String) -> String? {
        let normalized = Paths.normalize(path)
        if reserved.contains(normalized) { return "'\(normalized)' is written by Lede itself" }
        if normalized == ".lede" || normalized.hasPrefix(".lede/") { return "'.lede/' holds Lede's journal" }
        if normalized.contains(".lede-tmp-") { return "names with '.lede-tmp-' are Lede's temporary files" }
        if normalized == "." { return "it names the output folder itself" }
        return nil
    }
}

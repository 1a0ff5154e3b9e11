import Foundation
import LedeCore

/// One slice of a batch split across machines: documents whose id hashes to `index` modulo `count`.
public struct Shard: Codable, Sendable, Hashable, CustomStringConvertible {
    /// From 0.
    public var index: Int
    /// How many shards in all.
    public var count: Int

    /// Creates a shard; `index` must be below `count`.
    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// `K/N`, as written on the command line.
    public var description: String { "\(index)/\(count)" }

    /// Parses `K/N`.
    public static func parse(_ text: String) -> Shard? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 0, k < n else { return nil }
        return Shard(index: k, count: n)
    }

    /// The shard a batch scheduler assigned: Slurm array jobs (`SLURM_ARRAY_TASK_ID`, and
    /// `SLURM_ARRAY_TASK_COUNT`), or Kubernetes Indexed Jobs (`JOB_COMPLETION_INDEX`, with the count in
    /// `LEDE_SHARD_COUNT`, since Kubernetes does not export it). Nil when neither is set.
    public static func fromEnvironment(_ environment: [String: String]) throws -> Shard? {
        func number(_ name: String) throws -> Int? {
            guard let text = environment[name] else { return nil }
            guard let value = Int(text) else { throw ConfigError("\(name)=\(text) is not a number") }
            return value
        }
        let found: (Int, Int, String)?
        if let k = try number("SLURM_ARRAY_TASK_ID") {
            guard let n = try number("SLURM_ARRAY_TASK_COUNT") else {
                throw ConfigError("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not", hint: "submit with sbatch --array=0-N")
            }
            // Arrays may start at 1 (--array=1-3): shift by the minimum when Slurm gives it.
            let base = try number("SLURM_ARRAY_TASK_MIN") ?? 0
            found = (k - base, n, "SLURM_ARRAY_TASK_ID")
        } else if let k = try number("JOB_COMPLETION_INDEX") {
            guard let n = try number("LEDE_SHARD_COUNT") else {
                throw ConfigError("JOB_COMPLETION_INDEX is set but LEDE_SHARD_COUNT is not",
                                  hint: "set LEDE_SHARD_COUNT to the Job's completions in its pod template")
            }
            found = (k, n, "JOB_COMPLETION_INDEX")
        } else {
            found = nil
        }
        guard let (k, n, name) = found else { return nil }
        guard n >= 1, k >= 0, k < n else { throw ConfigError("\(name) gives shard \(k) of \(n), which does not exist") }
        return Shard(index: k, count: n)
    }

    /// Whether an input belongs to this shard: FNV-1a of its id, so the slice does not depend on the order
    /// files are listed in, or on the machine.
    public func contains(id: String) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return Int(hash % UInt64(count)) == index
    }
}

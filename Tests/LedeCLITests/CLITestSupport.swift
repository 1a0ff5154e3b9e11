import Foundation
import Testing

/// The objects of a JSON Lines output (records, rejects), one per line; a line that is not an object fails
/// the test.
func jsonLines(_ path: String) throws -> [[String: Any]] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
        try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
}

/// Writes `DIR/p.yaml`, the smallest pipeline most of these tests run: the files of `DIR/in`, split, and
/// their records in `DIR/out/docs.jsonl`.
func writeSplitPipeline(_ dir: String) throws {
    try """
        lede: 1
        input: { paths: [in] }
        output: out
        stages:
          - split
          - write: { jsonl: docs.jsonl }
        """.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
}

import Foundation
import Testing

/// The objects of a JSON Lines output (records, rejects), one per line; a line that is not an object fails
/// the test.
func jsonLines(_ path: String) throws -> [[String: Any]] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
        try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
}

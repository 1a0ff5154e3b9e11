import Foundation

/// A fresh temporary folder, removed when the test ends.
public final class TempDir {
    /// The folder.
    public let path: String

    /// Creates the folder.
    public init() {
        path = NSTemporaryDirectory() + "lede-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `name` in the folder (making folders on the way) and returns its full path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String {
        let full = path + "/" + name
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! text.write(toFile: full, atomically: true, encoding: .utf8)
        return full
    }

    /// The text of `name` in the folder, or nil.
    public func read(_ name: String) -> String? { try? String(contentsOfFile: path + "/" + name, encoding: .utf8) }
}

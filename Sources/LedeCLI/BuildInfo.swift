import Foundation
import LedeEngine
import LedePipeline

/// What the run manifest says about the program: its version, and the git commit of the source tree it
/// was built from, read from that tree's `.git` when it is still there.
enum BuildInfo {
    /// The package folder this file was compiled in.
    static let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static var tool: Manifest.Tool { Manifest.Tool(version: Lede.version, commit: commit) }

    /// `HEAD` of the source tree, resolved through loose or packed refs; nil when unknown.
    static var commit: String? {
        let git = sourceRoot + "/.git"
        func read(_ path: String) -> String? {
            (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let head = read(git + "/HEAD") else { return nil }
        guard head.hasPrefix("ref: ") else { return isHash(head) ? head : nil }
        let ref = String(head.dropFirst(5))
        if let hash = read(git + "/" + ref), isHash(hash) { return hash }
        for line in (read(git + "/packed-refs") ?? "").split(separator: "\n") where line.hasSuffix(" " + ref) {
            let hash = String(line.prefix(40))
            if isHash(hash) { return hash }
        }
        return nil
    }

    static func isHash(_ s: String) -> Bool { s.count == 40 && s.allSatisfy(\.isHexDigit) }
}

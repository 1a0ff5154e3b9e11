import Foundation
import LedeCore
import LedeIO

/// One input file found by expanding the input paths.
public struct InputFile: Sendable, Hashable {
    /// The path to open (`-` for standard input).
    public var path: String
    /// The path as shown in records and messages, relative to where it was found.
    public var display: String
    /// The id prefix for documents from this file: its path below the folder or glob it came from, without extension.
    public var idBase: String

    /// Creates a listed file. `display` and `idBase` are shown in records and messages, so they are made
    /// printable here (``Paths/printable(_:)``: bytes a file name holds that are not UTF-8 become `\xNN`),
    /// once for every way of listing a file.
    package init(path: String, display: String, idBase: String) {
        self.path = path
        self.display = Paths.printable(display)
        self.idBase = Paths.printable(idBase)
    }

    /// Whether a path names a JSON Lines file (`.jsonl`, `.ndjson`), read line by line in the HTML format.
    package static func isJSONLines(_ path: String) -> Bool { path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") }
}

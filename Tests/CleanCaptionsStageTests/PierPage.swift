@testable import CleanCaptionsStage
import Foundation
import LedeCore

/// The pier story's body lines, and clean-captions run over a page of lines: what the page tests share.
enum PierPage {
    static let body = "The board said on Tuesday that the new pier would open in the spring, a year later than planned."
    static let body2 = "Fishermen told the meeting that the old pier had been closed to boats since the storm in March."
    static let body3 = "Work on the breakwater will start once the contract is signed, the board's engineer said."

    /// The document `text` after clean-captions with its default options.
    static func clean(text: String) throws -> Document {
        var doc = Document(id: "d", text: text, source: .init(path: "t"))
        try CleanCaptionsStage(options: .init(), context: StageContext(baseDirectory: ".")).process(&doc)
        return doc
    }

    /// The page of `lines`, one paragraph each, after clean-captions.
    static func clean(_ lines: [String]) throws -> Document { try clean(text: lines.joined(separator: "\n\n")) }

    /// What clean-captions removed from the page of `lines`, in order.
    static func removed(_ lines: [String]) throws -> [String] {
        let d = try clean(lines)
        return d.removed.map { d.originalSubstring($0.start..<$0.end) }
    }
}

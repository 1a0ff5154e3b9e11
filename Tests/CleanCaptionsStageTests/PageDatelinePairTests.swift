import CleanCaptionsLines
@testable import CleanCaptionsStage
import Foundation
import LedeCore
import Testing

/// Classes that two fresh blind sets showed: a labelled publication date with a line saying when the story was last
/// updated under it stays as the story's dateline, though the byline or a row of share buttons stands between it and the
/// headline; and a short subheading that opens with a question word (`What's next for the pier`) is the text's, no
/// picture's alt text. Every line here is written for the test.
struct PageDatelinePairTests {
    static let headline = "Harbour board delays the opening of its new pier"

    func removed(_ lines: [String]) throws -> [String] { try PierPage.removed(lines) }

    @Test("A labelled date with an updated line under it stays under the byline or share buttons; the byline goes")
    func datelinePairUnderByline() throws {
        let published = "Published 8th Mar 2024, 09:15 GMT"
        let updated = "Updated 8th Mar 2024, 11:40 GMT"
        let gone = try removed([Self.headline, "By Jo Lane", published, updated, PierPage.body, PierPage.body2, PierPage.body3])
        #expect(!gone.contains(published))
        #expect(!gone.contains(updated))
        #expect(gone.contains("By Jo Lane"))
        let shared = try removed([Self.headline, "• Share on", "• facebook", "• twitter", "Published: Fri 8 Mar 2024, 9:15 AM",
                                  "Updated: Fri 8 Mar 2024, 11:40 AM", PierPage.body, PierPage.body2, PierPage.body3])
        #expect(!shared.contains("Published: Fri 8 Mar 2024, 9:15 AM"))
        #expect(!shared.contains(PierPage.body))
    }

    @Test("A short subheading that opens with a question word stays among the text's paragraphs")
    func questionSubheadStays() throws {
        let sub = "What’s next for the pier"
        let gone = try removed([Self.headline, PierPage.body, "Advertisement", sub, "Advertisement", PierPage.body2, PierPage.body3])
        #expect(!gone.contains(sub))
    }
}

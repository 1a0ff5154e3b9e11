@testable import CleanCaptionsStage
import Foundation
import LedeCore
import Testing

/// Classes of kept lines (the headline, the dateline, the text) that pages of outlets nobody imitated lost: a headline
/// over a short line taken for the headline, a headline printed twice with its quotation marks typeset once, a headline
/// read as a scene under a section's name, a date with a clock time or a button under the headline, and a numbered item of
/// the text at the page's end. Every line here is written for the test.
struct PageKeptTests {
    static let body = PierPage.body
    static let body2 = PierPage.body2
    static let body3 = PierPage.body3

    func clean(_ lines: [String]) throws -> Document { try PierPage.clean(lines) }
    func removed(_ lines: [String]) throws -> [String] { try PierPage.removed(lines) }

    func roles(_ lines: [String], _ label: String) throws -> [String] {
        let d = try clean(lines)
        return d.spans(CleanCaptionsStage.structureLayer).filter { $0.label == label }.map { d.substring($0.range) }
    }

    @Test("A longer headline over a date and a short section line over the text stays the headline, and the date stays")
    func headlineOverShortLine() throws {
        let headline = "Harbour board delays the opening of its new pier"
        let lines = [headline, "March 4, 2024 BY", "Harbour sport", Self.body, Self.body2, Self.body3]
        let gone = try removed(lines)
        #expect(!gone.contains(headline))
        #expect(!gone.contains("March 4, 2024 BY"))
        #expect(try roles(lines, "headline").contains(headline))
    }

    @Test("A headline printed twice, once with curly quotation marks and once with straight ones, stays twice")
    func headlineTwiceQuotes() throws {
        let curly = "Pier Delay Not What The Town Deserves\u{2019}, Says Mayor"
        let straight = "Pier Delay Not What The Town Deserves', Says Mayor"
        let gone = try removed([curly, straight, "March 4 2024 Share", Self.body, Self.body2, Self.body3])
        #expect(!gone.contains(curly))
        #expect(!gone.contains(straight))
    }

    @Test("A headline with a scene's verb under a section's name stays the headline")
    func headlineUnderSection() throws {
        let headline = "Ferries look to add sailings after the storm"
        let lines = ["Coast Post Logo", "Local News", headline, Self.body, Self.body2, Self.body3]
        #expect(!(try removed(lines).contains(headline)))
    }

    @Test("A date with a clock time, a reading time or a button right under the headline is the dateline; over a byline it goes")
    func datelineUnderHeadline() throws {
        for date in ["March 4, 2024 6:15 pm", "04 March 2024 3 minute read"] {
            let lines = ["Harbour board delays pier opening", date, Self.body, Self.body2, Self.body3]
            #expect(!(try removed(lines).contains(date)))
        }
        let lines = ["Harbour board delays pier opening", "March 4, 2024", "By Tevita Lolo", Self.body, Self.body2]
        #expect(try removed(lines).contains("By Tevita Lolo"))
    }

    @Test("A numbered item of the text's list at the page's end stays; a numbered list of other stories still goes")
    func numberedItemAtEnd() throws {
        let items = ["1. The pier will open late", Self.body, "2. Fishermen want the old pier back", Self.body2,
                     "3. The breakwater comes first", Self.body3, "4. The contract is not yet signed"]
        let lines = ["Five things the harbour board decided", "Here are the five things the board decided this week."] + items
        #expect(!(try removed(lines).contains("4. The contract is not yet signed")))
    }

    @Test("A breadcrumb closing with the headline under it goes; the headline stays")
    func breadcrumbOverHeadline() throws {
        let headline = "Board: the pier opens in spring"
        let crumb = "Home Harbour News " + headline
        #expect(try removed([crumb, headline, Self.body, Self.body2, Self.body3]) == [crumb])
    }
}

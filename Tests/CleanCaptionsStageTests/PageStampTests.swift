import CleanCaptionsLines
@testable import CleanCaptionsStage
import Foundation
import LedeCore
import Testing

/// Classes that fresh pages of regional outlets showed: the story's date stamp near the headline stays though a view counter
/// or a template's unfilled counter follows it, a `Posted at` label opens it, the byline stands under it, or a second line
/// says when it was last updated; the same date printed alone above the headline stays with it; and the reporter's `This is
/// a developing story.` is a sentence of the text. Every line here is written for the test.
struct PageStampTests {
    static let headline = "Harbour board delays the opening of its new pier"
    static let body = PierPage.body
    static let body2 = PierPage.body2
    static let body3 = PierPage.body3

    func removed(_ lines: [String]) throws -> [String] { try PierPage.removed(lines) }

    @Test("A labelled date under the headline stays with a view counter after it, a byline under it, or `Posted at` before it")
    func labelledStampWithCounter() throws {
        let byline = "Harbour Desk"
        for date in ["Published : Friday, 8 March, 2024 at 09:15 AM  Views : 212", "Posted at 9:15 AM, Mar 8, 2024"] {
            let gone = try removed([Self.headline, date, byline, Self.body, Self.body2, Self.body3])
            #expect(!gone.contains(date), "\(date)")
            #expect(!gone.contains(Self.body))
        }
    }

    @Test("A line under the dateline saying when the story was last updated, with its date, stays; `Updated 2 hours ago` goes")
    func updatedUnderDateline() throws {
        let date = "Posted at 9:15 AM, Mar 8, 2024"
        let updated = "and last updated 2024-03-08 17:40:12-04"
        let gone = try removed([Self.headline, date, updated, Self.body, Self.body2, Self.body3])
        #expect(!gone.contains(updated))
        #expect(!gone.contains(date))
    }

    @Test("The story's date alone above the headline stays when the labelled date names the same day; the site's today goes")
    func sameDateAbove() throws {
        let top = "Friday, 8 March, 2024"
        let date = "Published : Friday, 8 March, 2024 at 09:15 AM"
        #expect(!(try removed([top, "Harbour News", Self.headline, date, Self.body, Self.body2, Self.body3]).contains(top)))
        let today = "Monday, 11 March, 2024"
        #expect(try removed([today, "Harbour News", Self.headline, date, Self.body, Self.body2, Self.body3]).contains(today))
    }

    @Test("A date under the headline with a view counter and a template's unfilled placeholder stays; below the text it goes")
    func stampWithPlaceholder() throws {
        let date = "8 March 2024 09:15 am - 212     - {{viewsCtrl.count.hits}}"
        let gone = try removed([Self.headline, date, Self.body, Self.body2, Self.body3])
        #expect(!gone.contains(date))
        let below = "8 March 2024 09:15 - {{viewsCtrl.count.total}}"
        #expect(try removed([Self.headline, Self.body, below, Self.body2, Self.body3]).contains(below))
    }

    @Test("`This is a developing story.` among the text stays; a `DEVELOPING:` label goes")
    func developingStory() throws {
        let line = "This is a developing story."
        let gone = try removed([Self.headline, Self.body, Self.body2, line, Self.body3])
        #expect(!gone.contains(line))
        let label = "DEVELOPING: Pier works halted"
        #expect(try removed([Self.headline, label, Self.body, Self.body2, Self.body3]).contains(label))
    }

    @Test("The stamp's tests: a counter cut off, the day a date names, a line of when it was last updated")
    func stampLines() {
        func withText(_ s: String, _ f: (UnsafeBufferPointer<UInt8>, Range<Int>) -> String) -> String {
            let bytes = Array(s.utf8)
            return bytes.withUnsafeBufferPointer { f($0, 0..<bytes.count) }
        }
        let cut = withText("3 May 2024 09:00 - 137 - {{views.hits}}") { b, r in PageLines.text(b, PageLines.withoutCounter(b, r)) }
        #expect(cut == "3 May 2024 09:00")
        let whole = withText("Published: May 3, 2024 - 15:02") { b, r in PageLines.text(b, PageLines.withoutCounter(b, r)) }
        #expect(whole == "Published: May 3, 2024 - 15:02")
        let day = withText("Tuesday, 21st January, 2020") { b, r in "\(PageLines.calendarDay(b, r) ?? 0)" }
        #expect(day == "20200121")
        let noDay = withText("Updated 9:15 AM, Mar 2024") { b, r in "\(PageLines.calendarDay(b, r) ?? 0)" }
        #expect(noDay == "0")
    }
}

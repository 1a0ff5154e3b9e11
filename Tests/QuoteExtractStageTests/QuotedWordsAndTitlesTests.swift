import Foundation
import LedeCore
import LedeText
import QuoteExtractStage
import Testing

/// Classes a fourth blind set of real news showed: partial quotations inside the sentence that attributes a
/// quotation, closing marks of the wrong shape, more verbs and shapes of attribution, headline quotations
/// attributed by a dash or a colon, titles split off names, offices matched whole. Every sentence is written
/// for the test.
extension GeneralisationTests {
    func kinds(_ q: [Span]) -> [String?] { q.map { $0.attributes["kind"]?.string } }

    @Test("A closing mark of the wrong shape: `’` after a curly opening, `“` before the attribution")
    func closingMarksOfTheWrongShape() throws {
        let (doc, q) = try quotes("""
            \u{201C}We cannot meet the deadline set on Monday,\u{2019} Mara Quill said in a statement. \u{201C}I am told the staff are not ready.\u{201D}

            \u{201C}The ferry was sold a long time ago, \u{201C} he said.

            \u{201C}The depot was sold a long time ago,\u{201C} she added.
            """)
        #expect(q.map { doc.substring($0.start..<$0.end) } == ["We cannot meet the deadline set on Monday,", "I am told the staff are not ready.",
                                                                  "The ferry was sold a long time ago,", "The depot was sold a long time ago,"])
        #expect(kinds(q) == ["direct", "direct", "direct", "direct"])
        #expect(speaker(doc, q[0]) == "Mara Quill")
        #expect(speaker(doc, q[1]) == "Mara Quill")
    }

    @Test("Straight single marks around two scare quotes give two partials")
    func twoStraightScareQuotes() throws {
        let (doc, q) = try quotes("""
            The mayor called the vandals 'thugs' and 'cowards'. Nothing more was said.
            """)
        #expect(q.map { doc.substring($0.start..<$0.end) } == ["thugs", "cowards"])
        #expect(kinds(q) == ["partial", "partial"])
    }
}

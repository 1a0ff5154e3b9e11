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

    @Test("Partial quotations in the sentence that attributes a quotation are read through")
    func partialsInTheAttributingSentence() throws {
        let (doc, q) = try quotes("""
            Baker Wanda Pell spoke after the fire.

            Describing the \u{201C}reckless\u{201D} arsonists as \u{201C}vandals,\u{201D} she said most traders wanted calm. \u{201C}They have taken our livelihoods. I hope they are caught.\u{201D}

            Senator Hugo Brandt toured the docks on Monday.

            The \u{2018}Harbour Hero\u{2019} as he is fondly known was cheered by crane drivers, later said; \u{201C}I will be back next month.\u{201D}

            \u{201C}My door is always open,\u{201D} he added.
            """, persons: ["Wanda Pell", "Hugo Brandt"], sentences: true)
        #expect(q.map { doc.substring($0.start..<$0.end) } == ["reckless", "vandals,", "They have taken our livelihoods. I hope they are caught.",
                                                                  "Harbour Hero", "I will be back next month.", "My door is always open,"])
        #expect(kinds(q) == ["partial", "partial", "direct", "partial", "direct", "direct"])
        #expect(speaker(doc, q[2]) == "Wanda Pell")
        // The nickname is the senator's, and so is the pronoun after it.
        #expect(speaker(doc, q[4]) == "Hugo Brandt")
        #expect(speaker(doc, q[5]) == "Hugo Brandt")
    }

    @Test("A clause that names its speaker after a partial quotation keeps it; the partial is read through only when nothing else is found")
    func theNearestClauseFirst() throws {
        let (doc, q) = try quotes("""
            Health Minister Nora Vance visited the ward on Monday.

            The union called the plan \u{201C}a disaster\u{201D} and the minister said \u{201C}We will review it.\u{201D}
            """, persons: ["Nora Vance"], sentences: true)
        #expect(q.count == 2)
        #expect(q.last.flatMap { speaker(doc, $0) } == "Nora Vance")
    }

    @Test("A described speaker ends before its finite verb or a clause's `as`")
    func describedSpeakerEndsAtItsVerb() throws {
        let (doc, q) = try quotes("""
            The envoy was warmly greeted by dock workers, later said: "We will build the new pier."
            """)
        #expect(q.count == 1)
        #expect(speaker(doc, q[0]) == "The envoy")
    }

    @Test("A closing mark of the wrong shape: `’` after a curly opening, `“` before the attribution")
    func closingMarksOfTheWrongShape() throws {
        let (doc, q) = try quotes("""
            \u{201C}We cannot meet the deadline set on Monday,\u{2019} Mara Quill said in a statement. \u{201C}I am told the staff are not ready.\u{201D}

            \u{201C}The ferry was sold a long time ago, \u{201C} he said.

            \u{201C}The depot was sold a long time ago,\u{201C} she added.

            Mara Quill said: \u{201C}The pier was sold a long time ago.\u{201C}
            """)
        #expect(q.map { doc.substring($0.start..<$0.end) } == ["We cannot meet the deadline set on Monday,", "I am told the staff are not ready.",
                                                                  "The ferry was sold a long time ago,", "The depot was sold a long time ago,",
                                                                  "The pier was sold a long time ago."])
        #expect(kinds(q) == ["direct", "direct", "direct", "direct", "direct"])
        #expect(speaker(doc, q[0]) == "Mara Quill")
        #expect(speaker(doc, q[1]) == "Mara Quill")
    }

    @Test("`provided`, `shared`, `offered` after a quotation, with where and a stray comma")
    func moreVerbsOfAttribution() throws {
        let (doc, q) = try quotes("""
            \u{201C}The plan is sound,\u{201D} Nell Barrow provided in a written statement.

            \u{201C}We are ready for winter,\u{201D} Tomas Feld shared.

            \u{201C}Come and see us,\u{201D} Oona Prest, offered.

            \u{201C}The budget is tight,\u{201D} Ravi Dunn, provided in an email.
            """, persons: ["Nell Barrow", "Tomas Feld", "Oona Prest", "Ravi Dunn"], sentences: true)
        #expect(q.map { speaker(doc, $0) } == ["Nell Barrow", "Tomas Feld", "Oona Prest", "Ravi Dunn"])
        #expect(kinds(q) == ["direct", "direct", "direct", "direct"])
    }

    @Test("A headline quotation attributed by a dash or a colon is its speaker's direct speech")
    func headlineQuotationWithItsSpeaker() throws {
        let (doc, q) = try quotes("""
            'Stay calm, good people' - Chief Constable Hollis Varga on curfew

            Chief Constable Hollis Varga spoke on Monday.
            """, persons: ["Hollis Varga"])
        #expect(q.count == 1)
        #expect(kinds(q) == ["direct"])
        #expect(speaker(doc, q[0]) == "Hollis Varga")
        #expect(title(q[0]) == "Chief Constable")
        let (doc2, q2) = try quotes("""
            \u{201C}We will win\u{201D}: Mayor Dana Loft

            The mayor spoke on Monday.
            """)
        #expect(kinds(q2) == ["direct"])
        #expect(q2.first.flatMap { speaker(doc2, $0) } == "Dana Loft")
    }

    @Test("Lowercase job words, offices with `of` and `Cr` are titles, off the name")
    func titlesOffTheName() throws {
        let (doc, q) = try quotes("""
            "The board has a long agenda," supervisor Lena Marsh said.

            "The squad is final," Director of Rugby Piet Kool said.

            "The team is chosen," Interim Chairman of Selectors Omar Hale said.

            "Stay at home," Commissioner of Police Rhea Dunmore said.

            "The drains are blocked," Cr Fenwick said.

            "Curfew starts at six," CoP Ansel Roy said.
            """, persons: ["Lena Marsh", "Piet Kool", "Omar Hale", "Rhea Dunmore", "Fenwick", "Ansel Roy"])
        #expect(q.map { speaker(doc, $0) } == ["Lena Marsh", "Piet Kool", "Omar Hale", "Rhea Dunmore", "Fenwick", "Ansel Roy"])
        #expect(q.map { title($0) } == ["supervisor", "Director of Rugby", "Interim Chairman of Selectors", "Commissioner of Police", "Cr",
                                        "CoP"])
    }

    @Test("A role noun is the holder of its whole office: not the Prime Minister for `the Home Minister`; `the DCP`")
    func wholeOffices() throws {
        let (doc, q) = try quotes("""
            Its minister Sam Okoro spoke about the claims against Prime Minister Ada Bello.

            "The claims are false," the Home Minister said.

            Deputy Commissioner of Police (east) Kiran Dole said four were held.

            "Arrests have been made," said the DCP.

            "More will follow," said the deputy commissioner.
            """, persons: ["Sam Okoro", "Ada Bello", "Kiran Dole"], sentences: true)
        #expect(q.map { speaker(doc, $0) } == ["Sam Okoro", "Kiran Dole", "Kiran Dole"])
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

import Foundation
import LedeCore
import QuoteExtractStage
import Testing

/// Quotations a page sets as paragraphs of their own (subheads, pull quotes), a speaker whose seat is set off by
/// commas, and a lead-in that opens with a verb of beginning: classes found in local news from outlets none of
/// the wild sets imitate. Every sentence here is written for the test.
struct StandingAloneTests {
    let helper = OfficesAndRanksTests()

    @Test("A pull quote the text quotes again is the speaker's of the second quotation, not the paragraph before's")
    func pullQuoteRepeated() throws {
        let (doc, qs) = try helper.quotes("""
            The chair, Cllr Ann Fogg, asked whether anyone wished to speak, and Cllr Ben Hale said he did not.

            “A budget that does nothing for the harbour”

            Cllr Ruth Dane said the plan ignored the ferry. “This is a budget that does nothing for the harbour,” she said.
            """, entities: [("Ann Fogg", "PERSON"), ("Ben Hale", "PERSON"), ("Ruth Dane", "PERSON")])
        #expect(qs.count == 2)
        #expect(qs.map { helper.speaker(doc, $0) } == ["Ruth Dane", "Ruth Dane"])
    }

    @Test("A label of a few words in quotation marks, alone as a paragraph and quoted nowhere else, is no speech")
    func quotedLabel() throws {
        let (doc, qs) = try helper.quotes("""
            Cllr Ben Hale said he would vote against the plan.

            “Harbour sweeteners”

            The council also approved a new car park.
            """, entities: [("Ben Hale", "PERSON")])
        #expect(qs.count == 1)
        #expect(!helper.isDirect(qs[0]) && helper.speaker(doc, qs[0]) == nil)
    }

    @Test("A speaker set off from their party and seat by commas is the person, not the seat")
    func partyAndSeat() throws {
        let (doc, qs) = try helper.quotes("""
            Responding, Ana Morrow, Liberal MLA for Kessel Bay North, said, "The figures do not add up."

            Later, Dan Price, Green MP for Tarrow and Fenwick, said: "We will vote against it."
            """, entities: [("Ana Morrow", "PERSON"), ("Kessel Bay North", "GPE"), ("Dan Price", "PERSON"), ("Tarrow and Fenwick", "GPE")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Ana Morrow", "Dan Price"])
    }

    @Test("`began with,` before a quotation attributes it to the subject")
    func beganWith() throws {
        let (doc, qs) = try helper.quotes("""
            Cllr Joy Lumb began with, “It was a pleasure to hear the leader try to explain the figures.”
            """, entities: [("Joy Lumb", "PERSON")])
        #expect(qs.count == 1)
        #expect(helper.speaker(doc, qs.first!) == "Joy Lumb")
    }

    @Test("A paragraph of speech with no attribution is the speaker's whom the paragraph before shows speaking about something")
    func speechActBefore() throws {
        let (doc, qs) = try helper.quotes("""
            Harbour coach Glen Rowe praised the opposition and spoke about finding answers at half time.

            "It was a good battle, and we did not start with enough intensity."
            """, entities: [("Glen Rowe", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Glen Rowe"])
    }

    @Test("A name after the quotation beats a pronoun before it; an attribution in the paragraph before splits no speech")
    func nameAfterAndSpeechOverParagraphs() throws {
        let (doc, qs) = try helper.quotes("""
            Afterwards the visitors' head coach said the defeat was what the team needed.

            He said, "We are grateful for the last two days, because it is a wonderful chance to play them," Tom Bradley said.

            According to him, the chamber was set up to promote trade.

            "Over the years, we have worked to create room for businesses to grow.

            "Our fair is one of the ways we show our commitment to the town," Ruth Adeyemi said.
            """, entities: [("Tom Bradley", "PERSON"), ("Ruth Adeyemi", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Tom Bradley", "Ruth Adeyemi"])
    }

    @Test("A description or a noun of people before the person's name is no part of it; an office set off after the name is not the speaker")
    func descriptionsAndOffices() throws {
        let (doc, qs) = try helper.quotes("""
            The American comedian Jim Pettigrew, who reads judges' remarks on his podcast, said: "Their turn of phrase is like nothing we have."

            Journalist Fern Hadley told the meeting the cuts were devastating. "These are systems in crisis," she said.

            Kate Lorne, Artistic Director said: 'The appointment continues our proud past.'

            '[Seeing the show] changed my life,' said Nia Pell.
            """, entities: [("Jim Pettigrew", "PERSON"), ("Fern Hadley", "PERSON"), ("Kate Lorne", "PERSON"), ("Nia Pell", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Jim Pettigrew", "Fern Hadley", "Kate Lorne", "Nia Pell"])
    }

    @Test("`the don said`: a noun that names again someone just named is resolved as he or she would be")
    func epithets() throws {
        let (doc, qs) = try helper.quotes("""
            On his part, the Vice Chancellor of the college, Prof. Ade Bello, said support for traders mattered.

            “As a university, we are glad to add value to the town,” the don said.
            """, entities: [("Ade Bello", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Ade Bello"])
    }
}

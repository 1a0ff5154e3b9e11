import Foundation
import LedeCore
import QuoteExtractStage
import Testing

/// Speakers named by a description or an office the text gave them elsewhere, an apposition too long for the
/// short attribution, a body's initials in brackets before its officer's name, and speech left open over a
/// paragraph that closes before its attribution: classes found in local and agency news from outlets none of the
/// wild sets imitate. Every sentence here is written for the test.
struct DescribedSpeakersTests {
    let helper = OfficesAndRanksTests()

    @Test("A description that the text wrote before a person's name, or after it, is that person")
    func descriptionNamedElsewhere() throws {
        let (doc, qs) = try helper.quotes("""
            Interim chief executive Mara Quill said waiting lists were falling.

            Ms Quill spoke at the trust's annual meeting in Drayton.

            “We have to be honest with people about what the budget can buy,” the interim chief executive said.

            Tomas Rell, the harbour master, had warned of delays. “The dredging cannot wait another winter,” the harbour \
            master said.
            """, entities: [("Mara Quill", "PERSON"), ("Quill", "PERSON"), ("Tomas Rell", "PERSON")])
        #expect(qs.count == 2)
        #expect(qs.map { helper.speaker(doc, $0) } == ["Mara Quill", "Tomas Rell"])
    }

    @Test("An office that opens a sentence naming its holder further on is that person when the text says the office alone")
    func officeOpeningItsSentence() throws {
        let (doc, qs) = try helper.quotes("""
            Minister without Portfolio in the Ministry of Farming, Fisheries and Forestry, Ivo Kessel, praised the growers.

            “I want to thank every farmer for the work of this season,” the Minister told the meeting.
            """, entities: [("Ministry of Farming, Fisheries and Forestry", "ORG"), ("Ivo Kessel", "PERSON")])
        #expect(qs.count == 1)
        #expect(helper.speaker(doc, qs[0]) == "Ivo Kessel")
    }

    @Test("A person, a long apposition and then the cue, after the quotation, is the speaker")
    func longApposition() throws {
        let (doc, qs) = try helper.quotes("""
            “The patients left the ward before the doctors could see them, and we are looking for them,” Mr Dan Okello, \
            the senior public relations officer at the Ministry of Health, told reporters.
            """, entities: [("Dan Okello", "PERSON"), ("Ministry of Health", "ORG")])
        #expect(qs.count == 1)
        #expect(helper.isDirect(qs[0]) && helper.speaker(doc, qs[0]) == "Dan Okello")
    }

    @Test("A pronoun after a body's officer named past its initials in brackets is that officer, not one named later")
    func officerPastInitials() throws {
        let (doc, qs) = try helper.quotes("""
            The National President of the Drayton Growers and Millers Association (DGMA), Alhaji Musa Tanko, said yields \
            had fallen.

            “Production is at its lowest in twenty years,” he stated.

            The President of the Marlow Farmers Association, Ruth Dane, also spoke.
            """, entities: [("Drayton Growers and Millers Association", "ORG"), ("DGMA", "ORG"), ("Musa Tanko", "PERSON"),
                            ("Marlow Farmers Association", "ORG"), ("Ruth Dane", "PERSON")])
        #expect(qs.count == 1)
        #expect(helper.speaker(doc, qs[0]) == "Musa Tanko")
    }

    @Test("Speech left open at a paragraph's end goes on to a next paragraph that closes it before its attribution")
    func openSpeechClosedBeforeAttribution() throws {
        let (doc, qs) = try helper.quotes("""
            “The palms are cut every year and the leaves used to be woven into baskets, but nobody weaves them any more.

            Instead, the leaves go to landfill or are burned,” the project's lead researcher, Professor Ivo Kessel, told reporters.

            “We didn't expect an answer this quickly.

            That is all I can say.”
            """, entities: [("Ivo Kessel", "PERSON")])
        #expect(qs.count == 2)
        #expect(doc.substring(qs[0].range).contains("\n\nInstead, the leaves"))
        #expect(helper.speaker(doc, qs[0]) == "Ivo Kessel")
        // A next paragraph that only ends on the closing mark, with no attribution, stays two quotations.
        #expect(!doc.substring(qs[1].range).contains("That is all"))
    }

    @Test("A possessor's description a pronoun stands for is the person named with its words; an office ending a line names no one on the next")
    func possessorsDescriptionAndOfficeAtLineEnd() throws {
        let (doc, qs) = try helper.quotes("""
            “Our aim is clear: no resident should travel for treatment” Ivo Kessel, Chief Minister

            Marlow, June 16: Chief minister Ivo Kessel handed letters to 200 nurses.

            “This is more than a job,” the chief minister said.

            The judge adjourned the case after an application by Okoro's lead counsel, Dan Ebele, on Monday.

            When the case was called, Okoro's lead counsel asked for more time. He said: “The appeal must be heard first.”
            """, entities: [("Ivo Kessel", "PERSON"), ("Marlow", "GPE"), ("Okoro", "PERSON"), ("Dan Ebele", "PERSON")])
        let speakers = qs.filter(helper.isDirect).map { helper.speaker(doc, $0) }
        #expect(speakers.suffix(2) == ["Ivo Kessel", "Dan Ebele"], "\(speakers)")
    }
}

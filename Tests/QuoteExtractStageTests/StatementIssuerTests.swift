import Foundation
import LedeCore
import QuoteExtractStage
import Testing

/// `the statement said`: a press release quoted after the text named who signed or issued it, as police and
/// government statements are quoted in regional news. Every sentence here is written for the test.
struct StatementIssuerTests {
    let helper = OfficesAndRanksTests()

    @Test("The statement's words are the person's it was signed by, issued by or came from")
    func signedIssuedOrFrom() throws {
        let (doc, qs) = try helper.quotes("""
            But a statement signed by the Director of Public Relations, ACP Mary Ansah, said the photograph was old.

            The statement added: "We urge the public to disregard the image."

            A statement from the command's spokesperson, SP Musa Danladi, confirmed the arrest.

            "The suspects will be charged on Monday," the statement said.
            """, entities: [("Mary Ansah", "PERSON"), ("Musa Danladi", "PERSON")])
        #expect(qs.count == 2)
        #expect(qs.map { helper.speaker(doc, $0) } == ["Mary Ansah", "Musa Danladi"])
    }

    @Test("A person who spoke in a statement is its speaker; a statement no one is named for stays unresolved")
    func saidInAStatementAndNoIssuer() throws {
        let (doc, qs) = try helper.quotes("""
            Councillor Ruth Obi said in a statement that the bridge would reopen.

            "Work is ahead of schedule," the statement said.
            """, entities: [("Ruth Obi", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Ruth Obi"])
        let (other, unsigned) = try helper.quotes("""
            Police released a statement on Friday. Officer Tom Reyes was at the scene.

            "Two men were arrested," the statement said.
            """, entities: [("Tom Reyes", "PERSON")])
        #expect(unsigned.map { helper.speaker(other, $0) } == ["the statement"])
    }
}

/// A paragraph of speech with no attribution of its own, after a paragraph that reports its speaker's view or
/// statement (written for the test).
struct ReportedViewTests {
    let helper = OfficesAndRanksTests()

    @Test("A verb of belief in the paragraph before reports the speech of the paragraph after")
    func beliefBeforeSpeech() throws {
        let (doc, qs) = try helper.quotes("""
            Cllr Maeve Dunne believes staffing gaps have left the estate exposed.

            "We have asked for more officers for two years. Nobody has listened."
            """, entities: [("Maeve Dunne", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Maeve Dunne"])
    }

    @Test("A statement sent, then a short lead-in ending in a colon, then the statement's words")
    func statementSentThenLeadIn() throws {
        let (doc, qs) = try helper.quotes("""
            Commissioner Jane Lee sent a statement to media on Friday.

            Here it is in full:

            "Our officers will keep answering calls across the province. We ask the public to be patient."
            """, entities: [("Jane Lee", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Jane Lee"])
    }
}

/// A speaker named again by the leading or closing words of the full name given earlier (written for the test).
struct ShortNameTests {
    let helper = OfficesAndRanksTests()

    @Test("`Mohamad Roy` after `Mohamad Roy Suhaimi Sarif` has the full name as its canonical form")
    func leadingWordsOfALongerName() throws {
        let (_, qs) = try helper.quotes("""
            District police chief Supt Ahmad Faiz Rosli Hamdan said the suspect was detained.

            "He will be remanded for four days," Ahmad Faiz said.
            """, entities: [("Ahmad Faiz Rosli Hamdan", "PERSON"), ("Ahmad Faiz", "PERSON")])
        #expect(qs.count == 1)
        #expect(qs.first?.attributes["speaker"]?.spanRef?.extra["canonical"]?.string == "Ahmad Faiz Rosli Hamdan")
    }
}

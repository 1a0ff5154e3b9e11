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

import Foundation
import LedeCore
import LedeText
import QuoteExtractStage
import Testing

/// Speakers that the twelfth session's blind sets of pasted pages found. Every sentence is written for the test.
struct ReportedPassivesTests {
    let helper = OfficesAndRanksTests()

    @Test("`he was quoted by the agency as saying` gives the speaker `he`, who resolves to the person before")
    func quotedBy() throws {
        let (doc, qs) = try helper.quotes("""
            Premier Ana Velasko met the delegation on Monday. “We are in the line of fire,” she was quoted by the Tarn \
            News Agency as saying.
            """, entities: [("Ana Velasko", "PERSON"), ("Tarn News Agency", "ORG")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Ana Velasko"])
    }

    @Test("`was heard saying` and `has been quoted as saying`: who was heard or quoted speaks")
    func heardAndQuoted() throws {
        let (doc, qs) = try helper.quotes("""
            “Nobody asked us,” Mayor Idris Kell was heard saying.

            “The road must close,” Ruth Onaga has been quoted as saying.
            """, entities: [("Idris Kell", "PERSON"), ("Ruth Onaga", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Idris Kell", "Ruth Onaga"])
    }
}

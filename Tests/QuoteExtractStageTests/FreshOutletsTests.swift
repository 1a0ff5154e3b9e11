import Foundation
import LedeCore
import LedeText
import QuoteExtractStage
import Testing

/// Classes of attribution that blind page sets from African, Asian, British and Pacific outlets showed: offices with a
/// participle, adverbs of frequency, lone determiners, possessives and headlines as referents, two holders of one office,
/// phrasal verbs of saying, and speech handed forward past the person a paragraph is about. Every sentence here is
/// written for the test.
struct FreshOutletsTests {
    let run = GeneralisationTests()

    @Test("`said Harbour road policing manager Inspector X`: a participle before an office is part of it")
    func participleInsideAnOffice() throws {
        let (doc, q) = try run.quotes("""
            "The lanes will reopen tonight," said Harbour road policing manager Inspector Dana Reeve.

            "Two drivers were taken to hospital."
            """, persons: ["Dana Reeve"])
        #expect(q.count == 2)
        #expect(q.allSatisfy { run.speaker(doc, $0)?.hasSuffix("Inspector Dana Reeve") == true })
    }

    @Test("`the manager always says`: an adverb of frequency is no part of the speaker")
    func adverbOfFrequency() throws {
        let (doc, q) = try run.quotes("""
            "We respect every side we play against," the manager always says.
            """)
        #expect(q.map { run.speaker(doc, $0) } == ["the manager"])
    }

    @Test("`it said` after `After a ...` and `Earnings at X`: neither a lone article nor a plural is `it`")
    func loneArticleAndPluralAreNoIt() throws {
        let (doc, q) = try run.quotes("""
            Earnings at Northgate Freight Holdings slipped over the year.

            After a $3 million write-down it did not foresee, profit fell 10%.

            "Fuel costs rose on every route we run," it said in a statement.
            """, persons: [], labelled: [("Northgate Freight Holdings", "ORG")], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["Northgate Freight Holdings"])
    }

    @Test("A name in the possessive in the pronoun's own sentence is not who `he` is")
    func possessiveIsNoReferent() throws {
        let (doc, q) = try run.quotes("""
            "Trade has to come first," Ko said.

            Under Premier Lin Mei's budget last year, the ministry had "failed the farmers," he said, adding: "Why not open the market now?"
            """, persons: ["Ko", "Lin Mei"], sentences: true)
        #expect(q.last.map { run.speaker(doc, $0) } == "Ko")
    }

    @Test("A long headline opening the text is no referent of `he`")
    func longHeadlineIsNoReferent() throws {
        let (doc, q) = try run.quotes("""
            Resident Loses Appeal Over Fence Dispute at the Northvale County Court This Week

            Judge Perrin Hale of the Northvale County Court was angry on Monday when a resident shouted at the bench. He stated, "This court is no theatre" and adjourned.
            """, persons: ["Loses Appeal"], labelled: [("Perrin Hale of the Northvale County Court", "ORG")], sentences: true)
        #expect(q.count == 1)
        #expect(q.first.map { run.speaker(doc, $0) } != "Loses Appeal")
    }

    @Test("`acting chief justice and Justice X`: two judges; the office's holder is the one named with it before")
    func sameOfficeTwice() throws {
        let (doc, q) = try run.quotes("""
            Acting Chief Justice Amal Rind opened the hearing on Monday.

            A bench comprising acting chief justice and Justice Omar Latif heard the appeal.

            The acting chief justice frowned at the benches. "Only counsel may speak. The rest of you, please sit."
            """, persons: ["Amal Rind", "Justice Omar Latif"], sentences: true)
        #expect(q.count == 1)
        #expect(q.first.flatMap { run.speaker(doc, $0) } == "Amal Rind")
    }

    @Test("`he pointed out`, and an office's comma before a group entity-tag named is no apposition")
    func phrasalCueAndOfficeBeforeAGroup() throws {
        let (doc, q) = try run.quotes("""
            According to the Ombudsman, Canadians do not trust the new tax office.

            "Voters want answers before they pay for new offices," said Kofi Mensah, a lawyer.

            "There is a gap between you and us", he pointed out.
            """, persons: ["Kofi Mensah"], labelled: [("Canadians", "NORP")], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["Kofi Mensah", "Kofi Mensah"])
        #expect(q.last?.attributes["cue"] == .string("pointed"))
    }

    @Test("A paragraph of speech after one about a named person is not handed to the next paragraph's speaker")
    func speechNotHandedPastItsPerson() throws {
        let (doc, q) = try run.quotes("""
            The van stopped against Rua Tane's gate.

            Tane ran outside in her slippers.

            "I heard the brakes and then the bang, and I just ran."

            Hale said the gate could be mended.
            """, persons: ["Rua Tane", "Tane", "Hale"], sentences: true)
        #expect(q.count == 1)
        #expect(q.first.map { run.speaker(doc, $0) } != "Hale")
    }
}

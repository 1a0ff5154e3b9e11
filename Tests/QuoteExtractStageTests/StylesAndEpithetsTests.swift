import Foundation
import LedeCore
import QuoteExtractStage
import Testing

/// Speakers named by a style (`His Majesty`), an epithet with capitalized modifiers (`the Welsh Conservative
/// politician`), a form of address (`Madam`), or after an office longer than a phrase; speech marked with two curly
/// single marks; verbs of saying of South Asian and African English. Classes found in news from outlets none of the
/// wild sets imitate; every sentence here is written for the test.
struct StylesAndEpithetsTests {
    let helper = OfficesAndRanksTests()

    @Test("A style after `His` or `Her` is the person the text gave it to")
    func styles() throws {
        let (doc, qs) = try helper.quotes("""
            His Majesty King Aldric Varn on Monday visited the ministry in Corrin.

            The visit lasted two hours. “Youth must come first in every plan,” His Majesty said.
            """, entities: [("Aldric Varn", "PERSON"), ("Corrin", "GPE")])
        #expect(qs.count == 1)
        #expect(qs.map { helper.speaker(doc, $0) } == ["Aldric Varn"])
    }

    @Test("An epithet whose modifiers are capitalized is the person just named")
    func capitalizedEpithets() throws {
        let (doc, qs) = try helper.quotes("""
            Marvale West MS Gareth Pell asked the minister how she would judge her record.

            Speaking in the chamber, the Welsh Conservative politician said: “We are a year on from the vote.”
            """, entities: [("Marvale West", "GPE"), ("Gareth Pell", "PERSON")])
        #expect(qs.count == 1)
        #expect(qs.map { helper.speaker(doc, $0) } == ["Gareth Pell"])
    }

    @Test("A person after an office longer than a phrase speaks")
    func longOffices() throws {
        let (doc, qs) = try helper.quotes("""
            “I’m hearing great things from our producers,” Corrin Research and Extension Farm and Natural Resources Agent \
            Kelda Norry said on Tuesday.
            """, entities: [("Corrin Research and Extension", "ORG"), ("Kelda Norry", "PERSON")])
        #expect(qs.count == 1)
        #expect(qs.map { helper.speaker(doc, $0) } == ["Kelda Norry"])
    }

    @Test("Two curly single marks open and close speech as a double mark does")
    func doubledSingleMarks() throws {
        let (doc, qs) = try helper.quotes("""
            Madam Efua Larbi, the market queen, spoke to reporters on Friday.

            Madam Larbi said the sheds cost too much.

            “Some traders pay over 2,000 cedis for a shed; they end up borrowing to pay for it.’’

            ‘’Then, they are left with no option but to stay at home,” she lamented.
            """, entities: [("Efua Larbi", "PERSON")])
        #expect(qs.count == 2)
        #expect(qs.map { String(doc.substring($0.start..<$0.end).prefix(4)) } == ["Some", "Then"])
        // (`Madam` is a form of address, outside the name.)
        #expect(qs.allSatisfy { helper.speaker(doc, $0)?.hasSuffix("Larbi") == true && helper.speaker(doc, $0)?.hasPrefix("Madam") == false },
                "\(qs.map { helper.speaker(doc, $0) })")
    }

    @Test("A verb of saying with no subject after the quotation before in its paragraph is that speaker's")
    func subjectlessCue() throws {
        let (doc, qs) = try helper.quotes("""
            Mayor Dana Roth said the arena would reopen in spring.

            “So, when the money comes in, we can start at once,” Roth said. And adds, “This is great! We needed it.”
            """, entities: [("Dana Roth", "PERSON"), ("Roth", "PERSON")])
        #expect(qs.count == 2)
        #expect(qs.allSatisfy { helper.speaker(doc, $0)?.hasSuffix("Roth") == true }, "\(qs.map { helper.speaker(doc, $0) })")
    }

    @Test("A description naming no one, then an office ending in a person, before the cue: the person speaks")
    func descriptionThenOfficeHolder() throws {
        let (doc, qs) = try helper.quotes("""
            Another representative, Marvale assemblyman Datuk Henry Kalong, questioned: “Why make the village head an issue?”
            """, entities: [("Marvale", "GPE"), ("Henry Kalong", "PERSON")])
        #expect(qs.count == 1)
        #expect(qs.map { helper.speaker(doc, $0) } == ["Henry Kalong"])
    }

    @Test("`the minister` is the minister the text named, not the Prime Minister named since")
    func ministerNotPrimeMinister() throws {
        let (doc, qs) = try helper.quotes("""
            Agriculture Minister Ezra Joss said the industry was alive.

            Joss recalled that he and Prime Minister Alan Chast had visited France last year.

            “The news we got tells us the industry still has life,” the minister told his audience.
            """, entities: [("Ezra Joss", "PERSON"), ("Joss", "PERSON"), ("Alan Chast", "PERSON"), ("France", "GPE")])
        #expect(qs.count == 1)
        #expect(qs.map { helper.speaker(doc, $0) } == ["Ezra Joss"])
    }

    @Test("A curly single mark opening a paragraph that a double mark closes is speech")
    func singleOpenedDoubleClosed() throws {
        let (doc, qs) = try helper.quotes("""
            “That is an accomplishment,” Minister Ezra Joss declared.

            ‘We have seen over 1200 acres replanted. That is an accomplishment.”
            """, entities: [("Ezra Joss", "PERSON")])
        #expect(qs.count == 2)
        #expect(qs.last.map { String(doc.substring($0.start..<$0.end).prefix(7)) } == "We have")
    }

    @Test("`said council member, Name (D), who ...`: an office in lower case set off before the person, who speaks")
    func loweredOfficeBeforeName() throws {
        let (doc, qs) = try helper.quotes("""
            “School construction is moving forward,” said council member, Jerrod Dunmore (D), who represents District 1.
            """, entities: [("Jerrod Dunmore", "PERSON")])
        #expect(qs.count == 1)
        #expect(qs.map { helper.speaker(doc, $0) } == ["Jerrod Dunmore"])
    }

    @Test("A holder named with the office's `of` and its place (`X, the governor of Y State,`) is who `the governor` is")
    func holderWithOfficesPlace() throws {
        let (doc, qs) = try helper.quotes("""
            Gov Ola Distributes Seed To Farmers

            To raise food production, Abdul Kareem, the governor of Marvale State, on Tuesday handed out seed.

            According to the governor, “Those handling the sales will be held responsible for any anomaly.”
            """, entities: [("Ola Distributes", "PERSON"), ("Abdul Kareem", "PERSON"), ("Marvale State", "GPE")])
        #expect(qs.count == 1)
        #expect(qs.map { helper.speaker(doc, $0) } == ["Abdul Kareem"])
    }
}

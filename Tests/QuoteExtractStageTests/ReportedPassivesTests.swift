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

/// Speakers of the twelfth session's second blind page set: a document's issuer, a headline's office over a byline,
/// and reported speech in the present tense before a paragraph of speech. Every sentence is written for the test.
struct IssuersAndHeadlinesTests {
    let helper = OfficesAndRanksTests()

    @Test("`A statement from Corvell Commissioners said:` gives the commissioners, not the statement")
    func statementFrom() throws {
        let (doc, qs) = try helper.quotes("""
            A statement from Corvell Commissioners said: ‘The parish remains a viable local authority.’
            """, entities: [("Corvell Commissioners", "ORG")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Corvell Commissioners"])
    }

    @Test("An office's holder named in a headline stops at the line's end, before the byline under it")
    func holderInHeadline() throws {
        let (doc, qs) = try helper.quotes("""
            Nothing is signed yet: Foreign Minister Tovali

            By Corvell Times Staff

            “We will sign the treaty at an appropriate time,” the Foreign Minister said.
            """, entities: [("Tovali", "PERSON"), ("Corvell Times", "ORG")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Tovali"])
    }

    @Test("`X, however, maintains that ...` before a paragraph of speech with no attribution gives X")
    func presentTenseReport() throws {
        let (doc, qs) = try helper.quotes("""
            Commander Ada Tovali spoke on Monday.

            Tovali, however, maintains that the checks do not discriminate.

            “There is no selective enforcement. These alerts are real.”
            """, entities: [("Ada Tovali", "PERSON"), ("Tovali", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Tovali"])
    }
}

/// Offices set off by commas after the quotation: a verb in the past tense that ends the attribution, and the body
/// an office is of between the office and the person. Every sentence is written for the test.
struct OfficesAfterQuotesTests {
    let helper = OfficesAndRanksTests()

    @Test("`\"...,\" Deputy Police Commissioner, Ana Tovali reassured.`: a past-tense verb ending the attribution is its cue")
    func endingVerb() throws {
        let (doc, qs) = try helper.quotes("""
            “We continue to believe in working with our village councils,” Deputy Police Commissioner, Ana Tovali reassured.
            """, entities: [("Ana Tovali", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Ana Tovali"])
    }

    @Test("`said Secretary, Rural Fishers Society in Corvell, B. Tovali`: the office, its body, then the person")
    func officeBodyPerson() throws {
        let (doc, qs) = try helper.quotes("""
            “We cannot sell our catch even to cover the fuel,” said Secretary, Rural Fishers Society in Corvell, B. Tovali.
            """, entities: [("Rural Fishers Society", "ORG"), ("Corvell", "GPE"), ("B. Tovali", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["B. Tovali"])
    }
}

/// Marks and verbs that the twelfth session's first blind page set found: a closing mark left out before `, he said.`,
/// a closing mark typed twice and a dash, `is urging` before a paragraph of speech, and `DPM` before a surname. Every
/// sentence is written for the test.
struct MarksAndProgressivesTests {
    let helper = OfficesAndRanksTests()

    @Test("`“It is not about the rise, he said.` with no closing mark ends there, and the next paragraph is another quotation")
    func tailAttributionClosesQuote() throws {
        let (doc, qs) = try helper.quotes("""
            Councillor Ana Tovali said the rise was unfair.

            “It is not about the rise for everyone, it is about what everyone pays, he said.

            “In terms of rural areas, how often would you come to town?”
            """, entities: [("Ana Tovali", "PERSON")])
        #expect(qs.count == 2)
        let first = qs.first.map { doc.substring($0.start..<$0.end) } ?? ""
        #expect(first.hasSuffix("everyone pays"), "\(first)")
        #expect(qs.first.map { helper.speaker(doc, $0) } == "Ana Tovali")
    }

    @Test("A speech over two paragraphs closed by `””- said Ms Tovali` is one quotation with its speaker")
    func doubledClosingMark() throws {
        let (doc, qs) = try helper.quotes("""
            Ms. Tovali said inquiries were continuing.

            “As far as we are concerned there is no murder case.

            We are yet to establish how the person died,””- said Ms Tovali
            """, entities: [("Tovali", "PERSON")])
        #expect(qs.count == 1)
        #expect(qs.map { helper.speaker(doc, $0) } == ["Tovali"])
    }

    @Test("`Inspector Ana Tovali is urging drivers to ...` gives the bare speech in the next paragraph to her")
    func progressiveReport() throws {
        let (doc, qs) = try helper.quotes("""
            Police spokesperson Inspector Ana Tovali is urging drivers to take care at all times.

            “I am calling on the taxi association to help us deal with this matter”.
            """, entities: [("Ana Tovali", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Ana Tovali"])
    }
}

/// Speakers that the twelfth session's third blind page set found. Every sentence is written for the test.
struct OfficesAndDaysTests {
    let helper = OfficesAndRanksTests()

    @Test("`said Engr. Ana Tovali Tuesday`: the day is no part of the speaker's name")
    func dayAfterName() throws {
        let (doc, qs) = try helper.quotes("""
            “The boat capsized in the strong current,” said Corvell MDRRMO Engr. Ana Tovali Tuesday.
            """, entities: [("Ana Tovali", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Ana Tovali"])
    }

    @Test("`said Corvell Fire Department acting assistant chief Ben Ruiz`: `acting` before an office does not end the name")
    func actingOffice() throws {
        let (doc, qs) = try helper.quotes("""
            “Just keeping an eye on it,” said Corvell Fire Department acting assistant chief Ben Ruiz.
            """, entities: [("Corvell Fire Department", "ORG"), ("Ben Ruiz", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Ben Ruiz"])
    }

    @Test("`the SNP MSP said` is the MSP the text named: a party's initials before a post-nominal office")
    func partyOffice() throws {
        let (doc, qs) = try helper.quotes("""
            North MSP Ada Brell has proposed a council of its own.

            “There has been talk for many years of a local model,” the SNP MSP said.
            """, entities: [("Ada Brell", "PERSON"), ("SNP", "ORG")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Ada Brell"])
    }

    @Test("`Ada Brell, president of Corvell Civic Power,` holds the office `the civic group president` names, though no `the` opens it")
    func apposedOfficeWithoutThe() throws {
        let (doc, qs) = try helper.quotes("""
            Residents know little of world affairs, Ada Brell, president of Corvell Civic Power, said yesterday.

            Orders of newly elected president Tom Garr could add to the friction, Brell said.

            The civic group president argued that the economy may not always grow.

            “We need to be well prepared if anything happens,” she said.
            """, entities: [("Ada Brell", "PERSON"), ("Brell", "PERSON"), ("Corvell Civic Power", "ORG"), ("Tom Garr", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Ada Brell"])
    }
}

/// Speakers that the twelfth session's fourth blind page set found. Every sentence is written for the test.
struct CouncillorsAndClausesTests {
    let helper = OfficesAndRanksTests()

    @Test("`said Coun. Ada Brell`: `Coun.` is an abbreviation, so the name after it is the speaker")
    func counAbbreviation() throws {
        let (doc, qs) = try helper.quotes("""
            “Every penny makes a difference,” said Coun. Ada Brell. “We should engage fully.”
            """, entities: [("Ada Brell", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Ada Brell", "Ada Brell"])
    }

    @Test("`She turned back toward Mayor Tom Garr and said,`: the subject of the clause, not the clause")
    func secondVerbAfterAnd() throws {
        let (doc, qs) = try helper.quotes("""
            Ada Brell asked the first question. She turned back toward Mayor Tom Garr and said, “That question was brought up.”
            """, entities: [("Ada Brell", "PERSON"), ("Tom Garr", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Ada Brell"])
    }

    @Test("A question before `She turned back toward Mayor Tom Garr and said,` is hers, not the clause's")
    func secondVerbAfterQuestion() throws {
        let (doc, qs) = try helper.quotes("""
            Ada Brell turned to the chief. “Can anyone here take fingerprints?” She turned back toward Mayor Tom Garr and said, \
            “That question was brought up.”
            """, entities: [("Ada Brell", "PERSON"), ("Tom Garr", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Ada Brell", "Ada Brell"])
    }

    @Test("`\"...,\" minister said.`: an office alone, its article dropped, is the minister the text named")
    func bareOffice() throws {
        let (doc, qs) = try helper.quotes("""
            Senior provincial minister Ada Brell said on Sunday that two million people were hit.

            “An operation has been under way in the valley,” minister said.
            """, entities: [("Ada Brell", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Ada Brell"])
    }
}

/// Speakers of the thirteenth session's blind pages: a name with honorifics inside that the speaker's own words cut
/// short, and a description set off after a name whose closing comma is missing. Sentences written for the test.
struct NamesAroundSpeakersTests {
    let helper = OfficesAndRanksTests()

    @Test("A speaker read short inside a longer person's name gets that name as canonical")
    func speakerInsideAName() throws {
        let (doc, qs) = try helper.quotes("""
            “We will wait and see,” Major-General Tun Tun Maung said at the press conference.
            """, entities: [("Tun Tun Maung", "PERSON")])
        #expect(qs.count == 1)
        #expect(helper.extra(qs[0], "canonical") == "Tun Tun Maung", "\(qs.map { helper.speaker(doc, $0) ?? "-" })")
    }

    @Test("`Name, the organiser of X said`: a pronoun after it resolves to the organiser, whose canonical is the name")
    func appositionWithoutClosingComma() throws {
        let (doc, qs) = try helper.quotes("""
            Awg Rahim Bakar, the organiser of the Tarn Media Fair said that the fair aims to bring people closer.

            “By knowing our weaknesses, we will improve,” he said.
            """, entities: [("Awg Rahim Bakar", "PERSON"), ("Tarn Media Fair", "EVENT")])
        #expect(qs.count == 1)
        #expect(helper.extra(qs[0], "canonical") == "Awg Rahim Bakar", "\(qs.map { helper.speaker(doc, $0) ?? "-" })")
    }

    @Test("`Speaking about X, the minister said \"...\".`: full sentences after the cue, the stop outside the mark, are speech")
    func cueWithoutCommaStopOutside() throws {
        let (doc, qs) = try helper.quotes("""
            Speaking about the union, Ravi Borah said "I respect the union. I will never betray it".
            """, entities: [("Ravi Borah", "PERSON")])
        #expect(qs.count == 1 && helper.isDirect(qs[0]))
        #expect(qs.map { helper.speaker(doc, $0) } == ["Ravi Borah"])
    }

    @Test("`Name, newly elected president of X said:` without its closing comma gives the name as canonical")
    func officeWithoutArticle() throws {
        let (doc, qs) = try helper.quotes("""
            Saliya Perera, newly elected President of the Tarn Bar Association said: “These deaths bear every mark of \
            killings outside the law.”
            """, entities: [("Saliya Perera", "PERSON"), ("Tarn Bar Association", "ORG")])
        #expect(qs.count == 1)
        #expect(helper.extra(qs[0], "canonical") == "Saliya Perera", "\(qs.map { helper.speaker(doc, $0) ?? "-" })")
    }

    @Test("A paragraph of speech two paragraphs after reported speech, nothing quoted between, is that speaker's")
    func bareQuoteAfterANarrativeParagraph() throws {
        let (doc, qs) = try helper.quotes("""
            In total, 28 people were arrested over the weekend, Insp Wil Blackwood said.

            One couch was reported burned in Castle St. It was not known who lit it.

            "Unfortunately for them, they were caught on camera so they will be getting spoken to."
            """, entities: [("Wil Blackwood", "PERSON"), ("Castle St", "FAC")])
        #expect(qs.count == 1)
        #expect(qs.map { helper.speaker(doc, $0) } == ["Wil Blackwood"])
    }

    @Test("A closing curly mark after a sentence's end and before a capital opens a quotation a straight mark closes")
    func closingMarkTypedToOpen() throws {
        let (doc, qs) = try helper.quotes("""
            The coach looked shaken by the loss. ”Yes, of course. When you lose 5-0, it is very difficult to explain things," \
            Costas said.
            """, entities: [("Costas", "PERSON")])
        #expect(qs.count == 1 && helper.isDirect(qs[0]))
        #expect(qs.map { helper.speaker(doc, $0) } == ["Costas"])
    }
}

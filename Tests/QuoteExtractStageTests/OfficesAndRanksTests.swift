import Foundation
import LedeCore
import LedeText
import QuoteExtractStage
import Testing

/// Speakers named by an office before them (long ones, ones with a grade, ones whose portfolios are listed with
/// commas, ones set off by a comma), by rank initials and British and Commonwealth titles, by role alone, and
/// speech over several paragraphs: classes found in local news from outlets none of the wild sets imitate.
/// Every sentence here is written for the test.
struct OfficesAndRanksTests {
    /// Runs quote-extract over `text` split into paragraphs, with each of `entities` (text and label) tagged
    /// wherever it occurs, as entity-tag would, and a sentence layer cut after `. `, `? ` and `! `.
    func quotes(_ text: String, entities: [(String, String)] = []) throws -> (Document, [Span]) {
        try GeneralisationTests().quotes(text, persons: [], labelled: entities, sentences: true)
    }

    func speaker(_ doc: Document, _ q: Span) -> String? {
        q.attributes["speaker"]?.spanRef.map { doc.substring($0.start..<$0.end) }
    }

    func extra(_ q: Span, _ key: String) -> String? { q.attributes["speaker"]?.spanRef?.extra[key]?.string }

    func isDirect(_ q: Span) -> Bool { q.attributes["kind"]?.string == "direct" }

    @Test func longOfficeBeforeTheName() throws {
        let text = "\"The culverts will be cleared before the rains,\" Minister of Rural Roads and Water Supply Tendai Moyo said."
        let (doc, qs) = try quotes(text, entities: [("Tendai Moyo", "PERSON")])
        #expect(qs.count == 1)
        #expect(speaker(doc, qs[0]) == "Tendai Moyo")
        #expect(extra(qs[0], "title") == "Minister of Rural Roads and Water Supply")
    }

    @Test func officeListingItsPortfoliosWithCommas() throws {
        let text = """
        "Every pier will be inspected by spring," Minister of State for Ports, Fisheries and the Coast Nuala Bregan said.

        "The grants open on Monday," said Minister for Arts, Heritage and Sport Dara Quill.
        """
        let (doc, qs) = try quotes(text, entities: [("Nuala Bregan", "PERSON"), ("Dara Quill", "PERSON")])
        #expect(qs.count == 2)
        #expect(qs.allSatisfy(isDirect))
        #expect(speaker(doc, qs[0]) == "Nuala Bregan")
        #expect(extra(qs[0], "title") == "Minister of State for Ports, Fisheries and the Coast")
        #expect(speaker(doc, qs[1]) == "Dara Quill")
        #expect(extra(qs[1], "title") == "Minister for Arts, Heritage and Sport")
    }

    @Test func officeListingItsPortfoliosBeforeTheQuotation() throws {
        let text = "Minister for Rivers, Lakes and Inland Fisheries Dara Lynch said: \"The weirs will be repaired by May.\""
        let (doc, qs) = try quotes(text, entities: [("Dara Lynch", "PERSON")])
        #expect(qs.count == 1)
        #expect(speaker(doc, qs[0]) == "Dara Lynch")
        #expect(extra(qs[0], "title") == "Minister for Rivers, Lakes and Inland Fisheries")
    }

    /// `the 61-year-old said` is the person the text gave that age, a role noun with the phrase as its mention;
    /// an age nobody was given stays a description.
    @Test func anAgeDescriptionIsThePersonOfThatAge() throws {
        let text = """
        Ruth Kamara, 61, watched the water rise. Her neighbour Joel Osei (38) carried out what he could.

        "The river took everything," the 61-year-old said.

        "I got her dog out at least," the 38-year-old father of two said.

        "Nobody came for hours," the 50-year-old said.
        """
        let (doc, qs) = try quotes(text, entities: [("Ruth Kamara", "PERSON"), ("Joel Osei", "PERSON")])
        #expect(qs.count == 3)
        #expect(qs.map { speaker(doc, $0) } == ["Ruth Kamara", "Joel Osei", "the 50-year-old"])
        #expect(qs.map { extra($0, "kind") } == ["role", "role", "description"])
        #expect(qs[0].attributes["speaker"]?.spanRef?.extra["mention"]?.spanRef.map { doc.substring($0.start..<$0.end) } == "the 61-year-old")
    }

    /// `he` after a quotation about someone else is not that someone, though the text spoke of them last.
    @Test func aPronounIsNotThePersonTheQuotationSpeaksOf() throws {
        let text = """
        Interior Minister Tariq Mehmood held a press conference on Sunday.

        He said the reporter had shown the draft to former information minister Omer Qadri, who did not object. The former information minister later resigned.

        "Qadri should have told the reporter the draft was false, and that it could not be printed," he added.
        """
        let (doc, qs) = try quotes(text, entities: [("Tariq Mehmood", "PERSON"), ("Omer Qadri", "PERSON")])
        #expect(qs.count == 1)
        #expect(speaker(doc, qs[0]) == "Tariq Mehmood")
    }

    @Test func officeSetOffFromTheNameByACommaAfterTheQuotation() throws {
        let text = """
        "We had four engines at the mill within ten minutes," Assistant Fire Chief, Rosa Delgado said.

        "No patient was moved," said the Regional Director of the Health Service, Dr Amara Osei.
        """
        let (doc, qs) = try quotes(text, entities: [("Rosa Delgado", "PERSON"), ("Amara Osei", "PERSON")])
        #expect(qs.count == 2)
        #expect(qs.allSatisfy(isDirect))
        #expect(speaker(doc, qs[0]) == "Rosa Delgado")
        #expect(extra(qs[0], "title") == "Assistant Fire Chief")
        #expect(speaker(doc, qs[1]) == "Amara Osei")
        #expect(extra(qs[1], "title") == "Dr")
    }

    @Test func officeWithAGradeOrAPostBeforeTheName() throws {
        let text = """
        "The new forms are ready," said AIG Training-II Bilal Ahmed.

        DIG Range-3 Imran Shah told reporters: "Four suspects are in custody."

        "Lanes will close at dusk," SSP Traffic Kamran Ali said.

        "The van had false plates," DSP (Investigation) Sadia Noor said.
        """
        let (doc, qs) = try quotes(text, entities: [("Bilal Ahmed", "PERSON"), ("Imran Shah", "PERSON"), ("Kamran Ali", "PERSON"),
                                                    ("Sadia Noor", "PERSON")])
        #expect(qs.count == 4)
        #expect(qs.map { speaker(doc, $0) } == ["Bilal Ahmed", "Imran Shah", "Kamran Ali", "Sadia Noor"])
        #expect(qs.map { extra($0, "title") } == ["AIG Training-II", "DIG Range-3", "SSP Traffic", "DSP (Investigation)"])
    }

    @Test func aGradeIsPartOfTheOfficeWithoutEntities() throws {
        let (doc, qs) = try quotes("\"The new forms are ready,\" said AIG Training-II Bilal Ahmed.")
        #expect(speaker(doc, qs[0]) == "Bilal Ahmed")
        #expect(extra(qs[0], "title") == "AIG Training-II")
    }

    @Test func britishAndCommonwealthTitles() throws {
        let text = """
        "The bins will be collected on Saturday," said Clr Ciara Nolan.

        "The verge is a hazard," Cllr Gwyn Price said.

        "A woman in her fifties was treated at the scene," Det Insp Hollis Marr said.

        "The road stays shut," Supt Dana Kerr said.

        "I will table the bill again," Hon. Reuben Asante said.

        "The library must stay open," Sir Alec Wyndham said.

        "It was an honour," Dame Orla Fenn said.

        "The peers will not delay it," Baroness Ainsley said.

        "Patrols will double over the holiday," Chief Constable Mark Evesham said.

        "The bag was under the seat," Det Gda Niamh Tobin said.
        """
        let (doc, qs) = try quotes(text)
        #expect(qs.count == 10)
        #expect(qs.map { speaker(doc, $0) } == ["Ciara Nolan", "Gwyn Price", "Hollis Marr", "Dana Kerr", "Reuben Asante", "Alec Wyndham",
                                                 "Orla Fenn", "Ainsley", "Mark Evesham", "Niamh Tobin"])
        #expect(qs.map { extra($0, "title") } == ["Clr", "Cllr", "Det Insp", "Supt", "Hon.", "Sir", "Dame", "Baroness", "Chief Constable",
                                                   "Det Gda"])
    }

    /// A speaker named only by a role with nobody holding it in the text is that role, unresolved, as
    /// docs/output-format.md says (speaker and mention both the phrase); a description stays a description.
    @Test func speakersNamedOnlyByRole() throws {
        let text = """
        "The ferry will sail at noon," the police commissioner said.

        "We were never asked," a spokesperson for the district council said.

        "You have wasted this court's morning," the magistrate told the court.
        """
        let (doc, qs) = try quotes(text)
        #expect(qs.count == 3)
        #expect(qs.map { speaker(doc, $0) } == ["the police commissioner", "a spokesperson for the district council", "the magistrate"])
        #expect(qs.map { extra($0, "kind") } == ["role", "description", "role"])
        #expect(qs[0].attributes["speaker"]?.spanRef?.extra["resolved"] == .bool(false))
        #expect(qs[2].attributes["speaker"]?.spanRef?.extra["resolved"] == .bool(false))
    }

    @Test func officeInitialsAsARoleNoun() throws {
        let text = """
        County Commissioner Ann Wairimu closed the market on Friday.

        "Traders will move to the new stalls," said the CC.
        """
        let (doc, qs) = try quotes(text, entities: [("Ann Wairimu", "PERSON")])
        #expect(qs.count == 1)
        #expect(speaker(doc, qs[0]) == "Ann Wairimu")
        #expect(extra(qs[0], "kind") == "role")
    }

    /// `the IGP`, `the DIG`: initials of an office written out in full before the person.
    @Test func initialsOfAnOfficeWrittenOutInFull() throws {
        let text = """
        Inspector-General of Police Musa Danjuma toured the barracks. Deputy Inspector General Hauwa Bello was away.

        "Every unit will be audited by June," the IGP said.

        "I will read the report on my return," the DIG said.
        """
        let (doc, qs) = try quotes(text, entities: [("Musa Danjuma", "PERSON"), ("Hauwa Bello", "PERSON")])
        #expect(qs.count == 2)
        #expect(qs.map { speaker(doc, $0) } == ["Musa Danjuma", "Hauwa Bello"])
        #expect(qs.map { extra($0, "kind") } == ["role", "role"])
    }

    @Test func localOfficesAndCommissionerInitialsBeforeAName() throws {
        let text = """
        "The fair will go ahead in June," said the Cathaoirleach of the district, Cllr Fintan Rowe.

        "Three suspects are in custody," the Commissioner of Police, CP Ibrahim Garba, said.

        "The grader is fixed," Reeve Anna Dueck said.
        """
        let (doc, qs) = try quotes(text, entities: [("Fintan Rowe", "PERSON"), ("Ibrahim Garba", "PERSON"), ("Anna Dueck", "PERSON")])
        #expect(qs.count == 3)
        #expect(qs.map { speaker(doc, $0) } == ["Fintan Rowe", "Ibrahim Garba", "Anna Dueck"])
        #expect(qs.map { extra($0, "title") } == ["Cllr", "CP", "Reeve"])
    }

    /// US local news: a party and district set off after the name, and local offices before it.
    @Test func partyAndDistrictAndUSLocalOffices() throws {
        let text = """
        "The levy has to pass this year," state Rep. Dana Whitlock, D-Greenfield, said.

        "We voted for the kids," school board Trustee Marisol Vega said.

        "The plow contract is signed," Selectman Harold Beane said.
        """
        let (doc, qs) = try quotes(text, entities: [("Dana Whitlock", "PERSON"), ("Marisol Vega", "PERSON"), ("Harold Beane", "PERSON")])
        #expect(qs.count == 3)
        #expect(qs.map { speaker(doc, $0) } == ["Dana Whitlock", "Marisol Vega", "Harold Beane"])
        #expect(qs.map { extra($0, "title") } == ["state Rep.", "school board Trustee", "Selectman"])
    }

    /// A person named before a comma is no office, even when entity-tag takes the place after it for a person.
    @Test func aNameThenItsOfficeIsNoOfficeThenName() throws {
        let text = "\"The clinic roof still leaks,\" said Hon. Kofi Asamoah, the MP for Dunkwa."
        let (doc, qs) = try quotes(text, entities: [("Kofi Asamoah", "PERSON"), ("Dunkwa", "PERSON")])
        #expect(qs.count == 1)
        #expect(speaker(doc, qs[0]) == "Kofi Asamoah")
        #expect(extra(qs[0], "title") == "Hon.")
    }

    /// The period of `Jr.` before a comma, and of a rank the sentence splitter does not know, ends no attribution.
    @Test func periodsOfSuffixesAndRanksInsideTheAttribution() throws {
        let text = """
        "The van was found in Tarlac," Lito Ramos Jr., head of the task force, said.

        "Two of them surrendered," PBGen. Dario Villanueva said.
        """
        let (doc, qs) = try quotes(text, entities: [("Lito Ramos Jr.", "PERSON"), ("Dario Villanueva", "PERSON")])
        #expect(qs.count == 2)
        #expect(qs.allSatisfy(isDirect))
        #expect(qs.map { speaker(doc, $0) } == ["Lito Ramos Jr.", "Dario Villanueva"])
        #expect(extra(qs[1], "title") == "PBGen.")
    }

    /// `NAME, OFFICE of BODY, said`: the office set off after the name is not the speaker, and a chiefly title is a title.
    @Test func officeAfterTheNameAndChieflyTitles() throws {
        let text = """
        "Clinics will open late on Sunday," Mrs. Abena Owusu-Ansah, Director of Public Health, said.

        "The vanua is united," Ratu Josefa Vuniwaqa said.
        """
        let (doc, qs) = try quotes(text)
        #expect(qs.count == 2)
        #expect(qs.map { speaker(doc, $0) } == ["Abena Owusu-Ansah", "Josefa Vuniwaqa"])
        #expect(qs.map { extra($0, "title") } == ["Mrs.", "Ratu"])
    }

    /// Two apostrophes typed for a double mark (South Asian wire copy), over paragraphs too; a plural's
    /// apostrophe before a single quote is no mark.
    @Test func twoApostrophesAsADoubleMark() throws {
        let text = """
        The district collector said, ''Six relief camps are open tonight.''

        ''Boats will reach the islands by noon.

        ''Nobody should try to cross the river,'' SP Anil Varma told reporters.

        The farmers' 'long march' reached the town on Friday.
        """
        let (doc, qs) = try quotes(text, entities: [("Anil Varma", "PERSON")])
        let direct = qs.filter(isDirect)
        #expect(direct.count == 2)
        #expect(direct.map { doc.substring($0.start..<$0.end) } == ["Six relief camps are open tonight.",
                                                                    "Boats will reach the islands by noon.\n\n''Nobody should try to cross the river,"])
        #expect(speaker(doc, direct[1]) == "Anil Varma")
        #expect(qs.count == 3)
    }

    @Test func anOrganisationReportingSpeechBeforeABareQuotation() throws {
        let text = """
        In a message sent to every household in the parish on the night of the flood, the RWB said it would raise the levy.

        "The pumps ran for three days without a break and the bill must be paid."
        """
        let (doc, qs) = try quotes(text, entities: [("RWB", "ORG")])
        #expect(qs.count == 1)
        #expect(isDirect(qs[0]))
        #expect(speaker(doc, qs[0]) == "the RWB")
    }

    @Test func speechOverParagraphsAttributedBeforeBetweenOrAfter() throws {
        let text = """
        Harbour master Ewan Tully said:

        “We lost three moorings overnight.

        “The wall held, which is more than we hoped.”

        “Two boats sank at the quay.

        “One was forty years old,” said fisherman Kit Breen. “It will not be replaced.

        “Nobody has the money now.”

        “We warned them in March.

        “Nobody listened.

        “Now it is too late,” Cllr Maeve Dunne said.
        """
        let (doc, qs) = try quotes(text, entities: [("Ewan Tully", "PERSON"), ("Kit Breen", "PERSON"), ("Maeve Dunne", "PERSON")])
        #expect(qs.count == 4)
        #expect(qs.allSatisfy(isDirect))
        #expect(qs.map { speaker(doc, $0) } == ["Ewan Tully", "Kit Breen", "Kit Breen", "Maeve Dunne"])
        #expect(extra(qs[0], "title") == "Harbour master")
        #expect(doc.substring(qs[0].start..<qs[0].end) == "We lost three moorings overnight.\n\n“The wall held, which is more than we hoped.")
        // Between: the paragraph left open runs on to the attribution in the next one.
        #expect(doc.substring(qs[1].start..<qs[1].end) == "Two boats sank at the quay.\n\n“One was forty years old,")
        #expect(doc.substring(qs[2].start..<qs[2].end) == "It will not be replaced.\n\n“Nobody has the money now.")
        // After: three paragraphs, attributed at the end of the last.
        #expect(doc.substring(qs[3].start..<qs[3].end) == "We warned them in March.\n\n“Nobody listened.\n\n“Now it is too late,")
    }
}

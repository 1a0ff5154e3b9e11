import Foundation
import LedeCore
import LedeText
import QuoteExtractStage
import Testing

/// Classes a second blind set of news pages showed: attributions broken by small punctuation (a comma after the
/// verb, an acronym in brackets), an organisation in comma apposition taken for the person before it, a described
/// speaker running into its verb phrase, a continuation paragraph missing its opening mark, and single marks paired
/// across two scare quotes. Every sentence here is written for the test.
extension GeneralisationTests {
    @Test("A comma after the cue (`said, Cpl. NAME`) and an acronym in brackets before it (`the X Authority (XA) said`)")
    func smallPunctuationInAttributions() throws {
        var (doc, q) = try quotes("\u{201C}The dog found nothing inside the van,\u{201D} said, Sgt. Mila Brandt.")
        #expect(q.count == 1)
        #expect(q.first?.attributes["kind"]?.string == "direct")
        #expect(q.first.flatMap { speaker(doc, $0) } == "Mila Brandt")

        // A rank below sergeant is a title too.
        (doc, q) = try quotes("\u{201C}Nobody was hurt and the road is open again,\u{201D} said, Cpl. Ravi Okafor.")
        #expect(q.first.flatMap { speaker(doc, $0) } == "Ravi Okafor")
        #expect(q.first.flatMap { title($0) } == "Cpl.")

        (doc, q) = try quotes("\u{201C}Trading in the shares stays halted until the audit is filed,\u{201D} the Harbour Securities Exchange (HSE) said in a notice.")
        #expect(q.first?.attributes["kind"]?.string == "direct")
        #expect(q.first.flatMap { speaker(doc, $0) } == "the Harbour Securities Exchange")

        (doc, q) = try quotes("\"Fares on the night routes will rise in May,\" the Regional Bus Authority (RBA) said.")
        #expect(q.first?.attributes["kind"]?.string == "direct")
        #expect(q.first.flatMap { speaker(doc, $0) } == "the Regional Bus Authority")

        (doc, q) = try quotes("The Coastal Water Board (CWB) said: \"Supply will be restored by Friday evening.\"")
        #expect(q.first?.attributes["kind"]?.string == "direct")
        #expect(q.first.flatMap { speaker(doc, $0) } == "The Coastal Water Board")

        // Brackets in an attribution that closes a sentence of reported speech, before the speech it attributes.
        (doc, q) = try quotes("""
            The van had been parked outside the old school on the hill for at least two days before anyone in the street reported it, Sergeant Lena Ruiz (pictured) says.

            "Nobody could tell us who the owner was or where he had gone."
            """, persons: ["Lena Ruiz"])
        #expect(q.first.flatMap { speaker(doc, $0) } == "Lena Ruiz")
    }

    @Test("In `Title NAME, Unit Police, says`, the person speaks, not the unit set off by commas")
    func anApposedOrganisationIsNotTheSpeaker() throws {
        let text = """
            Senior Constable Rhea Tamsin, Northvale District Police, says the patrol stopped the car at a checkpoint.

            "The driver had no licence and the car had no plates."

            "Officers will be back on that road every weekend."
            """
        // entity-tag may call the unit a person too.
        var (doc, q) = try quotes(text, persons: ["Rhea Tamsin", "Northvale District Police"])
        #expect(q.count == 2)
        #expect(q.map { speaker(doc, $0) } == ["Rhea Tamsin", "Rhea Tamsin"])

        (doc, q) = try quotes("\"We expect the bridge to reopen in June,\" Dr Omar Feld, Eastbrook Roads Ministry, said.",
                              persons: ["Omar Feld", "Eastbrook Roads Ministry"])
        #expect(q.first.flatMap { speaker(doc, $0) } == "Omar Feld")

        (doc, q) = try quotes("Manager Ines Vohl, Tarrow Freight Ltd, said: \"Our trucks are stuck at the border.\"",
                              persons: ["Ines Vohl"])
        #expect(q.first.flatMap { speaker(doc, $0) } == "Ines Vohl")

        // An organisation alone between the commas is still the speaker.
        (doc, q) = try quotes("\"Profits fell by half,\" the parent firm, Tarrow Freight Ltd, said.", persons: [])
        #expect(q.first.flatMap { speaker(doc, $0) } == "Tarrow Freight Ltd")
    }

    @Test("A described speaker ends before its verb (`A local bakery sent a note that read:`)")
    func aDescribedSpeakerEndsBeforeItsVerb() throws {
        var (doc, q) = try quotes("A small bakery sent a note that read in part: \u{201C}Thank you for keeping our street safe every night.\u{201D}")
        #expect(q.first?.attributes["kind"]?.string == "direct")
        #expect(q.first.flatMap { speaker(doc, $0) } == "A small bakery")

        (doc, q) = try quotes("The man who found the boat said: \"It was drifting with nobody on board.\"")
        #expect(q.first.flatMap { speaker(doc, $0) } == "The man")

        // A preposition is no verb: the phrase runs on.
        (doc, q) = try quotes("The head of the union said: \"We will strike on Monday.\"")
        #expect(q.first.flatMap { speaker(doc, $0) } == "The head of the union")
    }

    @Test("A paragraph with no opening mark that ends with a closing one continues the quotation left open before it")
    func aContinuationParagraphMissingItsOpeningMark() throws {
        let text = """
            \u{201C}The crew is safe and resting at home,\u{201D} Chief Ada Moreno said. \u{201C}We are thankful that nobody was hurt in the fire.

            Once more, thank you to every neighbour who brought food to the station.\u{201D}

            The station reopens on Friday.
            """
        let (doc, q) = try quotes(text, persons: ["Ada Moreno"])
        #expect(q.count == 2)
        #expect(doc.warnings.isEmpty)
        let second = try #require(q.last)
        #expect(doc.substring(second.range).hasSuffix("brought food to the station."))
        #expect(doc.substring(second.range).hasPrefix("We are thankful"))
        #expect(speaker(doc, second) == "Ada Moreno")
        #expect(second.attributes["unclosed"] == nil)

        // A quotation left open where it opens its paragraph is closed there, as before.
        let (doc3, q3) = try quotes("\u{201C}We are thankful that nobody was hurt in the fire.\n\nOnce more, thank you to every neighbour.\u{201D}")
        #expect(q3.map { doc3.substring($0.range) } == ["We are thankful that nobody was hurt in the fire."])
    }

    @Test("Two scare quotes in single curly marks are two quotations, not one across the words between them")
    func singleMarksAcrossTwoScareQuotes() throws {
        let (doc, q) = try quotes("The board apologised for \u{2018}remarks\u{2019} made earlier about the treasurer having \u{2018}a vendetta\u{2019}.")
        #expect(q.map { doc.substring($0.range) } == ["remarks", "a vendetta"])
        // A plural's apostrophe inside one quotation still does not close it.
        let (doc2, q2) = try quotes("\u{2018}The workers\u{2019} union will vote on Friday,\u{2019} she said.")
        #expect(q2.map { doc2.substring($0.range) } == ["The workers\u{2019} union will vote on Friday,"])
    }
}

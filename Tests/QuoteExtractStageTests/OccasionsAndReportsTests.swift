import Foundation
import LedeCore
import LedeText
import QuoteExtractStage
import Testing

/// Speakers that the tenth session's blind set of pasted pages and a new user's sports stories found: a speaker named
/// before the occasion of the words, a cue in the passive, a statement's issuer named after `In a statement,`, a
/// description before an office and a name, a person whose feelings are reported before a paragraph of speech, a person
/// before sentences that name no one, and sport's names for a manager. Every sentence is written for the test.
struct OccasionsAndReportsTests {
    let helper = OfficesAndRanksTests()

    @Test("A person named before the occasion of the words speaks")
    func occasionBeforeCue() throws {
        let (doc, qs) = try helper.quotes("""
            Dara Quill in the post-match press conference said: “We were delighted with the effort from everyone.”
            """, entities: [("Dara Quill", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Dara Quill"])
    }

    @Test("A cue in the passive names who spoke after `by`")
    func passiveCue() throws {
        let (doc, qs) = try helper.quotes("""
            “The patients in the video were waiting for their medicine. No other ward was affected,” it was reported by the clinic.
            """)
        #expect(qs.count == 1)
        #expect(qs.map { helper.isDirect($0) } == [true])
        #expect(qs.map { helper.speaker(doc, $0) } == ["the clinic"])
    }

    @Test("`the statement reads` is the person named after `In a statement,`")
    func statementIssuer() throws {
        let (doc, qs) = try helper.quotes("""
            In a public statement, Tomas Herero called the delay unacceptable.

            “The delay is at odds with how we run our clinics,” the statement reads.
            """, entities: [("Tomas Herero", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Tomas Herero"])
    }

    @Test("A description, an office and a name before the verb: the person")
    func descriptionOfficeName() throws {
        let (doc, qs) = try helper.quotes("""
            Moravale resident and planning commissioner Jon Selig agreed, saying, “It is a hard position for the town.”
            """, entities: [("Moravale", "GPE"), ("Jon Selig", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Jon Selig"])
    }

    @Test("A person whose feelings the paragraph before reports speaks the paragraph of speech after it")
    func feelingsBeforeSpeech() throws {
        let (doc, qs) = try helper.quotes("""
            “We will go again next week,” said coach Tana Lolo.

            Player of the match Sefa Manu, who scored a try and made forty tackles, was proud to have helped win the game.

            “The boys dug in deep.”
            """, entities: [("Tana Lolo", "PERSON"), ("Sefa Manu", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Tana Lolo", "Sefa Manu"])
    }

    @Test("Sentences that name no one between a person and a quotation report the person's words")
    func personBeforeNamelessSentences() throws {
        let (doc, qs) = try helper.quotes("""
            Governor Pema Wangdi answers calmly. There will be money for fencing, and sheds will be built. Tillers will \
            be supplied too. “Crop raiding is a national issue.”
            """, entities: [("Pema Wangdi", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Pema Wangdi"])
    }

    @Test("Sport's name for a manager is the person just named")
    func gaffer() throws {
        let (doc, qs) = try helper.quotes("""
            Marvale FC head coach Owen Tarr was elated after the win.

            Speaking to the media after the game, the Marvale FC gaffer said: “Absolutely delighted for everyone at the club.”
            """, entities: [("Marvale FC", "ORG"), ("Owen Tarr", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Owen Tarr"])
    }

    @Test("A full stop after the closing mark, then a short sentence with the speaker and a cue: the attribution")
    func strayFullStop() throws {
        let (doc, qs) = try helper.quotes("""
            “What did you use to confirm that he is 19 years old? He says he is a minor”. Magistrate Kabo Tsheko quizzed the prosecutor.

            “I need evidence to convince me otherwise.”
            """, entities: [("Kabo Tsheko", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Kabo Tsheko", "Kabo Tsheko"])
    }

    @Test("A person set off by an apposition, then a verb of saying, speaks the paragraph of speech after")
    func appositionBeforeSaying() throws {
        let (doc, qs) = try helper.quotes("""
            Vikram Sood, national general secretary of the Corvane Party, told The Daily Lamp that the show was big.

            “They can do wonders if given an opportunity. They have so much talent.

            We would like to show their talent to the world,” he added.
            """, entities: [("Vikram Sood", "PERSON"), ("Corvane Party", "ORG"), ("Daily Lamp", "ORG")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Vikram Sood"])
    }

    @Test("Whose letter it is speaks for it: `the chiefs’ letter said`")
    func letterOwner() throws {
        let (doc, qs) = try helper.quotes("""
            “We must know that inspections are a priority,” the chiefs’ letter said.
            """)
        #expect(qs.map { helper.speaker(doc, $0) } == ["the chiefs"])
    }

    @Test("`the prime minister` is the person named after two offices joined by `and`")
    func twoOfficesJoined() throws {
        let (doc, qs) = try helper.quotes("""
            HE the Prime Minister and Interior Minister Sheikh Khalid bin Saad al-Marri spoke to television.

            The prime minister said the crisis was made abroad. “This is a red line for us.”
            """, entities: [("Khalid bin Saad al-Marri", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Khalid bin Saad al-Marri"])
    }

    @Test("A broadcaster's transcript: the name alone on the line over a paragraph of speech speaks it, however short")
    func transcriptLabels() throws {
        let (doc, qs) = try helper.quotes("""
            The race began on the river this morning.

            Mara Tillet

            “So you are the returning champions. How do you feel?”

            Dion Kepa

            “First God, yes.”
            """, entities: [("Mara Tillet", "PERSON"), ("Dion Kepa", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Mara Tillet", "Dion Kepa"])
        #expect(qs.map { helper.isDirect($0) } == [true, true])
    }

    @Test("`Hear him;` hands over to the person the sentence before is about; an office, a comma and a person open a sentence")
    func hearHimAndOfficeComma() throws {
        let (doc, qs) = try helper.quotes("""
            Mr Tomas Vell, the president of the league, said the people meet every year to share their culture. Hear him; \
            “The aim is to keep our culture alive among the young.”

            Minister of Health, Ana Kolo thanked the donors. “They have been a great partner to the ministry.”
            """, entities: [("Tomas Vell", "PERSON"), ("Ana Kolo", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Tomas Vell", "Ana Kolo"])
    }

    @Test("A quotation in the headline the cleaning stage marked is the page's title, no speech")
    func headlineQuotes() throws {
        let text = """
            ‘Things will go well’ for the states, says the president

            “We will keep working with every governor,” the president said on Monday.
            """
        var doc = Document(id: "d", text: text, source: .init(path: "t"))
        try doc.setLayer(Layer.paragraphs, TextLayout.paragraphs(of: text, mode: .auto).map { Span(start: $0.lowerBound, end: $0.upperBound) })
        let headlineEnd = text.utf8.firstIndex(of: 0x0A).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) }!
        try doc.setLayer("structure", [Span(start: 0, end: headlineEnd, label: "headline")])
        try QuoteExtractStage(options: .init(), context: StageContext(baseDirectory: ".")).process(&doc)
        let qs = doc.spans(Layer.quotes)
        #expect(qs.count == 1)
        #expect(qs.first.map { doc.substring($0.start..<$0.end) }?.contains("We will keep") == true)
    }
}

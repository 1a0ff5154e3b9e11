import Foundation
import LedeCore
import LedeText
import QuoteExtractStage
import Testing

/// Classes of attribution that real news from outlets none of the wild sets imitate showed (British and
/// Commonwealth titles, offices and their holders, verbs of saying nobody listed, speakers in the sentence
/// after, pronouns past crossheads and long quotations). Every sentence here is written for the test.
struct GeneralisationTests {
    /// Runs quote-extract over ASCII `text` split into paragraphs, with `persons` tagged as PERSON, `places` as GPE and
    /// each of `labelled` (text and label) as its label wherever they occur (entity-tag's part) and, with `sentences`, a
    /// sentence layer cut after `. `, `? ` and `! `.
    func quotes(_ text: String, persons: [String]? = nil, places: [String] = [], labelled: [(String, String)] = [],
                sentences: Bool = false) throws -> (Document, [Span]) {
        var doc = Document(id: "d", text: text, source: .init(path: "t"))
        try doc.setLayer(Layer.paragraphs, TextLayout.paragraphs(of: text, mode: .auto).map { Span(start: $0.lowerBound, end: $0.upperBound) })
        if let persons {
            var spans: [Span] = []
            for (name, label) in persons.map({ ($0, "PERSON") }) + places.map({ ($0, "GPE") }) + labelled {
                var from = text.startIndex
                while let r = text.range(of: name, range: from..<text.endIndex) {
                    let start = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
                    spans.append(Span(start: start, end: start + name.utf8.count, label: label))
                    from = r.upperBound
                }
            }
            try doc.setLayer(Layer.entities, spans.sorted { $0.start < $1.start })
        }
        if sentences {
            let bytes = Array(text.utf8)
            var spans: [Span] = []
            for p in doc.spans(Layer.paragraphs) {
                var start = p.start
                var i = p.start
                while i < p.end {
                    let c = bytes[i]
                    if c == 0x2E || c == 0x3F || c == 0x21 {
                        var e = i + 1
                        while e < p.end, bytes[e] == 0x22 { e += 1 } // a closing mark stays with its sentence
                        if e == p.end || bytes[e] == 0x20 {
                            spans.append(Span(start: start, end: e))
                            start = e + 1
                            i = e
                        }
                    }
                    i += 1
                }
                if start < p.end { spans.append(Span(start: start, end: p.end)) }
            }
            try doc.setLayer(Layer.sentences, spans)
        }
        try QuoteExtractStage(options: .init(), context: StageContext(baseDirectory: ".")).process(&doc)
        return (doc, doc.spans(Layer.quotes))
    }

    func speaker(_ doc: Document, _ q: Span) -> String? {
        q.attributes["speaker"]?.spanRef.map { doc.substring($0.start..<$0.end) }
    }

    func title(_ q: Span) -> String? { q.attributes["speaker"]?.spanRef?.extra["title"]?.string }

    @Test("Peers, councillors, police ranks and `the Rt Hon ... MP` are titles, not part of the name")
    func britishTitles() throws {
        let (doc, q) = try quotes("""
            Baroness Whitcombe said: "We cannot back a road that splits the valley."

            "The choice followed a long consultation," said Cllr Mary Dunmore, who chairs the transport panel.

            "We will keep knocking on doors," Det Insp Tom Harland said.

            Speaking at the hustings, the Rt Hon Jane Pellow MP said: "The money is there for five years."
            """)
        #expect(q.count == 4)
        #expect(q.map { speaker(doc, $0) } == ["Whitcombe", "Mary Dunmore", "Tom Harland", "Jane Pellow"])
        #expect(q.map(title) == ["Baroness", "Cllr", "Det Insp", "the Rt Hon"])
        #expect(q[3].attributes["speaker"]?.spanRef?.extra["canonical"] == .null)
    }

    @Test("`Gov. X` and `Minister of X, NAME,` hold the office `the governor`, `the minister` name; a rank must match")
    func officesAndTheirHolders() throws {
        let (doc, q) = try quotes("""
            Gov. Tamsin Holloway opened the new ward on Friday.

            "This building will serve the whole valley," the governor said.

            Minister of Roads and Bridges, Kweku Ansah-Boateng, toured the site with engineers.

            "We will finish before the rains come," the minister said.

            Cabinet Office minister Dara Quinn denied leaking anything, and the Prime Minister wrote to MPs.

            "Nobody in my office briefed the papers," the Prime Minister wrote.
            """)
        #expect(q.map { speaker(doc, $0) } == ["Tamsin Holloway", "Kweku Ansah-Boateng", "the Prime Minister"])
    }

    @Test("An office with a list of portfolios before its holder, a district officer, a capitalized possessive that is a name")
    func portfolioListsDistrictOfficersAndPossessiveNames() throws {
        let (doc, q) = try quotes("""
            The plan came from Minister of Fisheries, Ports, and the Blue Economy Marlon Fitt, who spoke on Tuesday.

            "We have to fish smarter," the minister said.

            District Collector R. Meenakshi said the dam was safe. "There is no crack," the Collector said.

            The Farmers' Voice group met on Sunday. "We were never consulted," the Farmers' Voice said.

            Ghana's Mahama flew in. "We will pay," Ghana's Mahama said.
            """, persons: ["Marlon Fitt", "R. Meenakshi", "Mahama"], places: ["Ghana"])
        #expect(q.map { speaker(doc, $0) } == ["Marlon Fitt", "R. Meenakshi", "the Farmers' Voice", "Mahama"])
    }

    @Test("A quotation that opens inside a sentence and runs on over a paragraph is direct speech, not a fragment")
    func quotationsOpeningInsideASentenceAndRunningOn() throws {
        let (doc, q) = try quotes("""
            The union said the driver had not been on duty, adding "he was driving home after his shift ended.

            "He had no radio and no way of hearing the warning. It must be said that he stopped at once," the union said.

            The council called the delay "regrettable," the mayor said.
            """)
        #expect(q.count == 2)
        #expect(q.first?.attributes["kind"]?.string == "direct" && speaker(doc, q[0]) == "the union", "\(q)")
        #expect(q.last?.attributes["kind"]?.string == "partial", "a fragment inside one sentence stays partial")
    }

    @Test("After a quotation ending in a comma, any verb in the past tense attributes it")
    func unlistedVerbsOfSaying() throws {
        let (doc, q) = try quotes("""
            Petra Lang, the club's chief executive, met supporters on Sunday.

            "It was a hard season," beamed Petra Lang and then left the stage.

            "Nobody told us a thing," she sighed.

            "We waited years for this," chuckled Owen Marsh.

            "I am not leaving," said Ama Owusu answering a question from the floor.

            "That is all." Reporters filed out.
            """)
        #expect(q.map { $0.attributes["kind"]?.string } == ["direct", "direct", "direct", "direct", "direct"])
        #expect(q.map { speaker(doc, $0) } == ["Petra Lang", "Petra Lang", "Owen Marsh", "Ama Owusu", "Ama Owusu"])
        #expect(q[0].attributes["cue"] == .string("beamed"))
        #expect(q[1].attributes["cue"] == .string("sighed"))
    }

    @Test("A colon introduces speech in lowercase too, and a subject that cannot speak names no speaker")
    func colonsIntroducingQuotations() throws {
        let (doc, q) = try quotes("""
            Budget row: 'we were never consulted' says Okafor

            Then the question was put to the panel: "Will any of you resign?"
            """)
        #expect(q.count == 2)
        #expect(q[0].attributes["kind"] == .string("direct"))
        #expect(speaker(doc, q[0]) == "Okafor")
        #expect(q[1].attributes["kind"] == .string("direct"))
        #expect(speaker(doc, q[1]) == nil)
    }

    @Test("A paragraph ending `NAME said,` introduces the speech of the next paragraph, with its cue")
    func aParagraphEndingInACommaIntroducesTheNext() throws {
        let (doc, q) = try quotes("""
            On a visit to the harbour on Thursday, Lena Ferris said,

            "Every boat here will be inspected before the season opens."
            """)
        #expect(speaker(doc, q[0]) == "Lena Ferris")
        #expect(q[0].attributes["cue"] == .string("said"))
    }

    @Test("A bare paragraph of speech is the speech of the speaker the next paragraph names, never of one who asks")
    func theSpeakerInTheNextParagraph() throws {
        let (doc, q) = try quotes("""
            Petition splits the village

            "Why build it here, of all places, and why now?"

            Deputy Mayor Rhys Evans had this to say in reply to the petition on Monday.

            "A decision like this should never be rushed through a single meeting."

            Reporters asked whether the council would vote again.
            """)
        #expect(q.count == 2)
        #expect(speaker(doc, q[0]) == "Rhys Evans")
        #expect(speaker(doc, q[1]) == nil)
    }

    @Test("`..., Sergeant NAME says.` closing a long sentence gives the speech after it its speaker")
    func anAttributionClosingALongSentence() throws {
        let (doc, q) = try quotes("""
            Charges relate to damage done to cars, fences, letterboxes, bus shelters, shop windows, garden sheds, street signs and parked trailers in six suburbs over three nights in the first week of the new year, Sergeant Ana Tupou says.

            "We thank everyone who sent in footage. It made the arrests possible.

            "Damage like this costs families money they do not have."
            """)
        #expect(q.count == 1)
        #expect(speaker(doc, q[0]) == "Ana Tupou")
    }

    @Test("A pronoun prefers a name with `Ms` or `Mr` that agrees with it, whatever entity-tag called it")
    func aTitledNameIsAPerson() throws {
        let (doc, q) = try quotes("""
            In a written reply to Opposition MP Daniel Okoro (Eastfield), Ms Abena Mensah said such briefings were routine.

            "It is odd that so thin a story was printed at all," she said.
            """, persons: ["Daniel Okoro"])
        #expect(speaker(doc, q[0]) == "Abena Mensah")
    }

    @Test("A pronoun looks past crossheads and the sentences of a long quotation, and past a sentence's opening phrase")
    func pronounsLookPastHeadingsAndLongQuotations() throws {
        let (doc, q) = try quotes("""
            Senator Liza Ocampo spoke to reporters on Monday.

            Treatment of Tomas Reyes

            She maintained that the agency had gone easy on him.

            "The agency bends its rules for its friends," she said.

            Chief Minister Arjun Patil opened a bridge on Saturday.

            Replying to critics, the CM said the opposition had no other issue.

            "It is a broken record. They say one thing. They say it again. They say it everywhere. Nobody listens now," he said.

            Near the end of the rally, he turned on the press: "You print what you are told to print."
            """, persons: ["Liza Ocampo", "Tomas Reyes", "Arjun Patil"], sentences: true)
        #expect(q.map { speaker(doc, $0) } == ["Liza Ocampo", "Arjun Patil", "Arjun Patil"])
    }

    @Test("A long title opened by an office word ends with the person a pronoun stands for; `Unable to ...,` is no subject")
    func longTitlesAndOpeningPhrases() throws {
        let (doc, q) = try quotes("""
            Minister in the President's Office and Second Minister for Trade Wanjiru Kamau criticised the report.

            In a written reply on Tuesday, she said:

            "The report was thin and it was wrong."

            Unable to stay for questions, Kofi Boateng left the room, saying, \u{201C}Read the report before you ask me again.\u{201D}
            """, persons: ["Wanjiru Kamau", "Kofi Boateng"])
        #expect(q.count == 2)
        #expect(speaker(doc, q[0]) == "Wanjiru Kamau")
        #expect(speaker(doc, q[1]) == "Kofi Boateng")
    }

    @Test("A closing curly mark typed for an opening one after `saying, ` still opens the quotation")
    func aClosingMarkTypedAfterACommaAndASpace() throws {
        let (doc, q) = try quotes("The chair ended the meeting, saying, \u{201D} Go and read the report first.\u{201D}")
        #expect(q.count == 1)
        #expect(doc.substring(q[0].range) == "Go and read the report first.")
    }

    @Test("Malaysian honours (`Tan Sri`, `Datuk Seri`, `Datuk`) are titles, and one speech over two paragraphs stays one")
    func malaysianHonours() throws {
        let (doc, q) = try quotes("""
            "Traders here have waited long enough for a covered market," said Deputy Minister Tan Sri Razak Hamid.

            Chief Minister Datuk Seri Aminah Yusof Rahman said on Saturday the budget would be tabled soon.

            "There is no date yet, no draft and no meeting, so I will not guess at one.

            "Wait until the council sits. Then we will decide," Aminah Yusof told reporters.
            """, persons: ["Razak Hamid", "Aminah Yusof Rahman", "Aminah Yusof"])
        #expect(q.count == 2)
        #expect(q.map { speaker(doc, $0) } == ["Razak Hamid", "Aminah Yusof"])
        #expect(title(q[0]) == "Deputy Minister Tan Sri")
    }

    @Test("`..., he said.` closing a sentence about someone else is not that someone")
    func aPronounClosingItsSentenceSkipsTheSentencesOwnNames() throws {
        let (doc, q) = try quotes("""
            Trade minister Farid Osman says it is his job to question every large investment.

            It was not his job to correct reports that misquoted Dr Halim Nor, he said.

            "I am the trade minister," he said.
            """, persons: ["Farid Osman", "Halim Nor"], sentences: true)
        #expect(speaker(doc, q[0]) == "Farid Osman")
    }

    @Test("Nigerian and Indian honorifics are titles; `interjected with:` introduces speech; auxiliaries and `which` open no speaker")
    func honorificsParticlesAndNonPhrases() throws {
        let (doc, q) = try quotes("""
            The forum chairman, Alhaji Musa Danladi, spoke first. He said: "We stand with the traders of the market."

            "The roads will be ready by March," said Engr Tolu Adeyemi.

            Cllr Rhian Bevan interjected with: "I will have to ask you to leave the chamber"

            A councillor who called two colleagues "interlopers" has been suspended after telling them: "You do not belong on this council."

            The deputy was accused of "lying", which he denied.
            """)
        // The councillor is who said it, the partial `"interlopers"` read through (not `has been suspended`).
        #expect(q.map { speaker(doc, $0) } == ["Musa Danladi", "Tolu Adeyemi", "Rhian Bevan", nil, "A councillor", nil])
        #expect(q.map { $0.attributes["kind"]?.string } == ["direct", "direct", "direct", "partial", "direct", "partial"])
        #expect(title(q[1]) == "Engr")
    }

    @Test("A dash introduces a full sentence of speech; `Her verdict:` is hers; a name in -ing is no participle")
    func dashesPossessivesAndNamesInIng() throws {
        let (doc, q) = try quotes("""
            Mrs Nia Whitlow was blunt \u{2014} "We will not pay a penny more."

            Her verdict: "A shambles from start to finish."

            Aisling Byrne was furious. "Someone must answer for this."
            """, persons: ["Nia Whitlow", "Aisling Byrne"])
        #expect(q.map { speaker(doc, $0) } == ["Nia Whitlow", "Nia Whitlow", "Aisling Byrne"])
        #expect(q.map { $0.attributes["kind"]?.string } == ["direct", "direct", "direct"])
    }

    @Test("A headline's `says PM` is the Prime Minister the article names")
    func aHeadlinesOfficeInCapitals() throws {
        let (doc, q) = try quotes("""
            'We will not back down,' says PM as strike looms

            Prime Minister Kofi Mensah met union leaders on Tuesday.
            """)
        #expect(q.count == 1)
        #expect(speaker(doc, q[0]) == "Kofi Mensah")
    }

    @Test("A name after a preposition in the pronoun's own sentence is not who the pronoun is")
    func prepositionObjectsAreNoReferent() throws {
        let (doc, q) = try quotes("""
            Colm Brady defended the decision at the meeting.

            Later, speaking on Radioland, he said: "I stand by every word of it."
            """, persons: ["Colm Brady", "Radioland"], sentences: true)
        #expect(q.count == 1)
        #expect(q.first.flatMap { speaker(doc, $0) } == "Colm Brady", "\(q.map { speaker(doc, $0) ?? "-" })")
    }

    @Test("An office in brackets and capitals before the person entity-tag found is the speaker's title: `(PPC) ... Supt Jo Rau`, `DPC Okello`")
    func officesInCapitalsAndBrackets() throws {
        let (doc, q) = try quotes("""
            Divisional Police Commander (DPC) Northern Region Chief Superintendent Tomas Rau says, "The two men were charged on Friday."

            "We ask anyone with footage to call us," says DPC Okello.
            """, persons: ["Tomas Rau", "Okello"], places: ["Northern Region"])
        #expect(q.map { speaker(doc, $0) } == ["Tomas Rau", "Okello"])
        #expect(q.map { title($0) } == ["Divisional Police Commander (DPC) Northern Region Chief Superintendent", "DPC"])
    }

    @Test("A speaker brought in by `a` and a description in the lead is the person named in full at the start of the next sentence")
    func leadDescriptionNamedNext() throws {
        let (doc, q) = try quotes("""
            A county councillor who called two colleagues "blow-ins" has been suspended after telling them: "This valley is not yours."

            Morwen Price was found to have broken the code of conduct, the panel said.
            """, persons: ["Morwen Price"], sentences: true)
        let direct = q.filter { $0.attributes["kind"]?.string == "direct" }
        #expect(direct.count == 1)
        #expect(direct.first.flatMap { speaker(doc, $0) } == "A county councillor")
        #expect(direct.first?.attributes["speaker"]?.spanRef?.extra["canonical"]?.string == "Morwen Price")
    }

    @Test("The body after the person a speaker phrase names is where they work, and a participle's phrase before a pronoun is no part of the speaker")
    func affiliationsAndParticiplePhrases() throws {
        let (doc, q) = try quotes("""
            "The road stays shut until the inquiry ends," said Sergeant Lena Voss with the Harbour Police Department.

            Speaking with Valley Radio she said: "We need every camera owner to check their footage."
            """, persons: ["Lena Voss"], sentences: true)
        #expect(q.map { speaker(doc, $0) } == ["Lena Voss", "Lena Voss"], "\(q.map { speaker(doc, $0) ?? "-" })")
        #expect(q.first.flatMap { title($0) } == "Sergeant")
        #expect(q.last?.attributes["speaker"]?.spanRef?.extra["kind"]?.string == "pronoun")
    }
}
